"""Build the frozen ``LetterContext`` of an SKT from plain data (pure: no DB, Flask or clock).

``profile`` holds the Party model's keys (``officers`` a list of ``{position, name}``);
``settings`` holds the groups ``agency``, ``signatory`` and ``letter`` as
``services.settings.group(...)`` returns them: ``{"agency": {...}, "signatory": {...}, ...}``;
the ``letter`` group also carries the service's wording (``title``, ``opening``, ``statement``,
``closing``, ``tembusan``: ``letter_settings.letter_groups(service)``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sisakat.formatting import nip, tanggal
from sisakat.pdf.context import PAGE_SIZES, LetterContext

TITLE = "SURAT KETERANGAN TERDAFTAR"  # letters frozen before services had titles
LEVELS = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}


def address_text(profile: dict[str, Any]) -> str:
    """The secretariat on one line: street, Kelurahan, Kecamatan, kab/kota and postal code."""
    parts = [profile.get("street") or ""]
    if profile.get("kelurahan"):
        parts.append(f"Kelurahan {profile['kelurahan']}")
    if profile.get("kecamatan"):
        parts.append(f"Kecamatan {profile['kecamatan']}")
    parts.append(profile.get("city") or "")
    line = ", ".join(p for p in parts if p)
    postal = profile.get("postal_code") or ""
    return f"{line} {postal}".strip()


def level_text(profile: dict[str, Any]) -> str:
    """``Provinsi Sumatera Selatan``: the level label and the region name."""
    level = profile.get("level")
    label = LEVELS.get(str(getattr(level, "value", level) or ""), str(level or ""))
    return " ".join(x for x in (label, profile.get("region_name") or "") if x)


def sk_text(profile: dict[str, Any]) -> str:
    """``<number> tanggal <date>`` plus the issuer when known."""
    text = profile.get("sk_number") or ""
    if profile.get("sk_date"):
        text += f" tanggal {tanggal(profile['sk_date'])}"
    if profile.get("sk_issuer"):
        text += f" dari {profile['sk_issuer']}"
    return text.strip()


def kop_lines(agency: dict[str, Any]) -> tuple[str, ...]:
    """Address line, then one contact line (telephone, fax, website, e-mail when set)."""
    contact = []
    for key, label in (
        ("phone", "Telepon"),
        ("fax", "Faks"),
        ("website", "Laman"),
        ("email", "Pos-el"),
    ):
        if agency.get(key):
            contact.append(f"{label} {agency[key]}")
    lines = [agency.get("address") or "", " | ".join(contact)]
    return tuple(x for x in lines if x)


def signature_block(sig: dict[str, Any]) -> dict[str, Any]:
    """The signature block's fields from the signatory settings (a.n./Plt./Plh. prefix line)."""
    prefix = " ".join(x for x in (sig.get("prefix") or "", sig.get("on_behalf_of") or "") if x)
    return {
        "signature_prefix": (prefix,) if prefix else (),
        "signature_position": sig.get("position") or "",
        "signature_region": sig.get("region_line") or "",
        "signature_name": sig.get("name") or "",
        "signature_rank": sig.get("rank") or "",
        "signature_nip": f"NIP {nip(sig.get('nip'))}" if sig.get("nip") else "",
    }


def build_context(
    *,
    profile: dict[str, Any],
    settings: dict[str, dict[str, Any]],
    number_text: str,
    issued_on: date,
    verification_url: str,
    code: str,
    draft: bool,
    srikandi: bool,
    emblem_png: bytes | None = None,
    invariant: bool = False,
) -> LetterContext:
    """All strings of one SKT, formatted the Indonesian way, ready for both renderers."""
    agency, letter = settings.get("agency", {}), settings.get("letter", {})
    page = str(letter.get("page_size") or "A4").upper()
    return LetterContext(
        **_kop(agency),
        emblem_png=emblem_png,
        title=letter.get("title") or TITLE,
        number=number_text or "",
        **_body(profile, letter),
        place=agency.get("city") or "",
        date_text=tanggal(issued_on),
        footer="" if draft else (letter.get("footer_bsre") or ""),
        verification_url="" if draft else (verification_url or ""),
        code=code or "",
        draft=draft,
        srikandi=srikandi,
        page_size=page if page in PAGE_SIZES else "A4",
        author=agency.get("short_name") or agency.get("name") or "",
        invariant=invariant,
        **signature_block(settings.get("signatory", {})),
    )


def _kop(agency: dict[str, Any]) -> dict[str, Any]:
    return {
        "kop_government": agency.get("government") or "",
        "kop_agency": agency.get("name") or "",
        "kop_lines": kop_lines(agency),
    }


def _body(profile: dict[str, Any], letter: dict[str, Any]) -> dict[str, Any]:
    """Opening, items 1-8, closing and tembusan."""
    fields = (
        ("Nama", profile.get("reporter_name") or ""),
        ("Jabatan", profile.get("reporter_position") or ""),
        ("Nama Partai", _party(profile)),
        ("Alamat", address_text(profile)),
        ("Tingkat", level_text(profile)),
        ("Nomor SK", sk_text(profile)),
    )
    officers = profile.get("officers") or []
    return {
        "opening": letter.get("opening") or "",
        "fields": fields,
        "board_label": "Susunan Pengurus",
        "board": tuple((o.get("position") or "", o.get("name") or "") for o in officers),
        "statement": letter.get("statement") or "",
        "closing": letter.get("closing") or "",
        "tembusan": tuple(letter.get("tembusan") or ()),
    }


def _party(profile: dict[str, Any]) -> str:
    name, abbr = profile.get("party_name") or "", profile.get("abbreviation") or ""
    return f"{name} ({abbr})" if abbr and name else name or abbr


PROFILE_KEYS = (
    "party_name",
    "abbreviation",
    "level",
    "region_name",
    "reporter_name",
    "reporter_position",
    "street",
    "kelurahan",
    "kecamatan",
    "city",
    "postal_code",
    "sk_number",
    "sk_date",
    "sk_issuer",
)


def profile_dict(party: Any) -> dict[str, Any]:
    """The plain profile of a Party-like object (a frozen copy for ``build_context``)."""
    data = {key: getattr(party, key, "") for key in PROFILE_KEYS}
    data["officers"] = [
        {"position": o.position, "name": o.name} for o in getattr(party, "officers", [])
    ]
    return data


def sample_profile() -> dict[str, Any]:
    """A fictional party board for the settings preview (Pratinjau) and tests."""
    return {
        "party_name": "Partai Contoh Sejahtera",
        "abbreviation": "PCS",
        "level": "provinsi",
        "region_name": "Sumatera Selatan",
        "reporter_name": "Budi Contoh, S.H.",
        "reporter_position": "Ketua",
        "street": "Jalan Contoh Raya No. 12",
        "kelurahan": "Talang Semut",
        "kecamatan": "Bukit Kecil",
        "city": "Kota Palembang",
        "postal_code": "30135",
        "sk_number": "SKEP/012/DPP-PCS/V/2025",
        "sk_date": date(2025, 5, 2),
        "sk_issuer": "Dewan Pimpinan Pusat Partai Contoh Sejahtera",
        "officers": [
            {"position": "Ketua", "name": "Budi Contoh, S.H."},
            {"position": "Wakil Ketua", "name": "Siti Contoh"},
            {"position": "Sekretaris", "name": "Andi Teladan, S.E."},
            {"position": "Bendahara", "name": "Rina Percobaan"},
        ],
    }
