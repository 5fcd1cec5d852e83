"""Build the frozen ``LetterContext`` of an SKT from plain data (pure: no DB, Flask or clock).

``profile`` holds the Party model's keys (``officers`` a list of ``{position, name}``);
``settings`` holds the groups ``agency``, ``signatory`` and ``letter`` as
``services.settings.group(...)`` returns them: ``{"agency": {...}, "signatory": {...}, ...}``;
the ``letter`` group also carries the service's wording (``title``, ``opening``, ``statement``,
``closing``, ``tembusan``: ``letter_settings.letter_groups(service)``). A row's profile and the
preview's fictional applicants come from ``letter_profile``.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Any

from sisakat.formatting import alamat, nip, npwp, tanggal, wilayah
from sisakat.models.party import LegalForm, Level
from sisakat.pdf.context import PAGE_SIZES, LetterContext

TITLE = "SURAT KETERANGAN TERDAFTAR"  # letters frozen before services had titles
ORMAS = "ormas"
_NOTARY = re.compile(r"^notaris\s+", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"^(?:nomor\b|no\b\.?)\s*(?=\S)", re.IGNORECASE)
# Printed where the pen writes on a copy for a wet signature whose number and date SRIKANDI
# would otherwise fill (they are typed in when the scan is uploaded).
HANDWRITTEN = "." * 30
# "1. Gubernur", "2) KPU", "- DPP": the letter numbers its lists itself.
_LIST_MARK = re.compile(r"^\s*(?:\d{1,3}\s*[.)](?!\d)|[-\u2013\u2022*])\s*")


def _label(enum_cls: type[Enum], value: Any, unknown: str | None = None) -> str:
    """The label of an enum member given as the member or its value (a snapshot holds the
    value); ``unknown`` (the raw value when None) for anything else."""
    raw = str(getattr(value, "value", value) or "")
    try:
        return enum_cls(raw).label
    except ValueError:
        return raw if unknown is None else unknown


def address_text(profile: dict[str, Any]) -> str:
    """The secretariat on one line (``formatting.alamat``: each region word printed once)."""
    return alamat(
        profile.get("street"),
        profile.get("kelurahan"),
        profile.get("kecamatan"),
        profile.get("city"),
        profile.get("postal_code"),
    )


def level_text(profile: dict[str, Any]) -> str:
    """``Provinsi Sumatera Selatan``, ``Kota Palembang``: the level's label (``Level``) and the
    region name, the level word once (``formatting.wilayah``)."""
    return wilayah(_label(Level, profile.get("level")), profile.get("region_name"))


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
    lines = [agency.get("address") or "", contact_line(agency)]
    return tuple(x for x in lines if x)


def contact_line(agency: dict[str, Any]) -> str:
    """The kop's contact line: telephone, fax, website and e-mail, those set, joined."""
    contact = []
    for key, label in (
        ("phone", "Telepon"),
        ("fax", "Faks"),
        ("website", "Laman"),
        ("email", "Pos-el"),
    ):
        if agency.get(key):
            contact.append(f"{label} {agency[key]}")
    return " | ".join(contact)


def signature_block(sig: dict[str, Any]) -> dict[str, Any]:
    """The signature block's fields from the signatory settings (a.n./Plt./Plh. prefix line).
    What was typed into two fields prints once: "a.n. GUBERNUR" as the line above keeps its own
    "a.n."; a position that already ends with the region line takes the line's comma instead."""
    prefix, behalf = (sig.get("prefix") or "").strip(), (sig.get("on_behalf_of") or "").strip()
    if prefix and squash(behalf).startswith(squash(prefix)):
        prefix = ""
    top = " ".join(x for x in (prefix, behalf) if x)
    position, region = (sig.get("position") or "").strip(), (sig.get("region_line") or "").strip()
    bare = region.rstrip(",").strip()
    if bare and squash(position.rstrip(",")).endswith(squash(bare)):
        position, region = position.rstrip(",") + ("," if region.endswith(",") else ""), ""
    return {
        "signature_prefix": (top,) if top else (),
        "signature_position": position,
        "signature_region": region,
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
    wet_signature: bool = False,
    signature_tag: str = "",
) -> LetterContext:
    """All strings of one SKT, formatted the Indonesian way, ready for both renderers; a copy
    printed for a wet signature leaves out the footer that says it is signed electronically
    (and SRIKANDI's variables: ``_by_hand``); ``signature_tag`` is BSrE's placement marker
    (never on a draft)."""
    agency, letter = settings.get("agency", {}), settings.get("letter", {})
    number_text, date_text, srikandi = _by_hand(number_text, issued_on, srikandi, wet_signature)
    return LetterContext(
        **_kop(agency),
        **_document(agency, letter),
        emblem_png=emblem_png,
        number=number_text,
        **_body(profile, letter),
        place=agency.get("city") or "",
        date_text=date_text,
        footer="" if draft or wet_signature else (letter.get("footer_bsre") or ""),
        verification_url="" if draft else (verification_url or ""),
        code=code or "",
        signature_tag="" if draft else signature_tag,
        draft=draft,
        srikandi=srikandi,
        invariant=invariant,
        **signature_block(settings.get("signatory", {})),
    )


def _document(agency: dict[str, Any], letter: dict[str, Any]) -> dict[str, str]:
    """The letter as a document: its title (this service's, or the SKT's for letters frozen
    before services had titles), the PDF's Subject and Author, and the page size (A4 unless
    the setting names another known size)."""
    title = letter.get("title") or TITLE
    page = str(letter.get("page_size") or "A4").upper()
    return {
        "title": title,
        "subject": " ".join(title.split()).title(),
        "page_size": page if page in PAGE_SIZES else "A4",
        "author": agency.get("short_name") or agency.get("name") or "",
    }


def _by_hand(
    number_text: str, issued_on: date, srikandi: bool, wet_signature: bool
) -> tuple[str, str, bool]:
    """The number, the date and whether SRIKANDI fills them. A copy printed for a wet signature
    in SRIKANDI mode gets dotted blanks for the pen instead of SRIKANDI's variables, which
    nobody fills on paper (the number and date are typed in when the scan is uploaded)."""
    if wet_signature and srikandi:
        return HANDWRITTEN, HANDWRITTEN, False
    return number_text or "", tanggal(issued_on), srikandi


def _kop(agency: dict[str, Any]) -> dict[str, Any]:
    return {
        "kop_government": agency.get("government") or "",
        "kop_agency": agency.get("name") or "",
        "kop_lines": kop_lines(agency),
    }


def _body(profile: dict[str, Any], letter: dict[str, Any]) -> dict[str, Any]:
    """Opening, the numbered profile lines of the applicant's kind, board, closing, tembusan."""
    fields = _ormas_fields(profile) if is_ormas(profile) else _party_fields(profile)
    officers = profile.get("officers") or []
    return {
        "opening": letter.get("opening") or "",
        "fields": fields,
        "board_label": "Susunan Pengurus",
        "board": tuple((_list_item(o.get("position")), o.get("name") or "") for o in officers),
        "statement": letter.get("statement") or "",
        "closing": letter.get("closing") or "",
        "tembusan": tuple(x for x in map(_list_item, letter.get("tembusan") or ()) if x),
    }


def _list_item(text: str | None) -> str:
    """A list entry without the number or bullet typed before it ("1. Gubernur") and the colon
    after it ("Ketua:"): the letter prints both itself."""
    return _LIST_MARK.sub("", text or "").strip().rstrip(":").rstrip()


def is_ormas(profile: dict[str, Any]) -> bool:
    """An ormas profile (``kind`` as the enum or its value; absent means a party board)."""
    kind = profile.get("kind")
    return str(getattr(kind, "value", kind) or "") == ORMAS


def _party_fields(profile: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Items 1-6 of a party board's SKT."""
    return (
        ("Nama", profile.get("reporter_name") or ""),
        ("Jabatan", profile.get("reporter_position") or ""),
        ("Nama Partai", party_text(profile)),
        ("Alamat", address_text(profile)),
        ("Tingkat", level_text(profile)),
        ("Nomor SK", sk_text(profile)),
    )


def _date(value: Any) -> date | None:
    """A date from the profile: a ``date`` (live row) or ISO text (submission snapshot)."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def _dated(number: str, value: Any) -> str:
    """``<number> tanggal <date>`` (either part may be missing)."""
    when = _date(value)
    return " ".join(x for x in (number, f"tanggal {tanggal(when)}" if when else "") if x)


def deed_text(profile: dict[str, Any]) -> str:
    """``Nomor <number> tanggal <date>, notaris <name>``; empty without a deed number (a number
    typed as "No. 12" or "Nomor 12" gets the word once)."""
    number = _NUMBER_WORD.sub("", str(profile.get("deed_number") or "").strip())
    if not number:
        return ""
    text = _dated(f"Nomor {number}", profile.get("deed_date"))
    notary = _NOTARY.sub("", (profile.get("notary_name") or "").strip())  # "Notaris Sari ..."
    return f"{text}, notaris {notary}" if notary else text


def term_text(profile: dict[str, Any]) -> str:
    """``2 Januari 2025 s.d. 1 Januari 2030``."""
    start, end = _date(profile.get("term_start")), _date(profile.get("term_end"))
    if not start and not end:
        return ""
    return f"{tanggal(start)} s.d. {tanggal(end)}".strip()


def _ormas_fields(profile: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The lines of a Surat Keterangan Melapor; optional ones (deed, NPWP) only when known."""
    form = _label(LegalForm, profile.get("legal_form"), unknown="")
    lines = [
        ("Nama Ormas", party_text(profile)),
        ("Bentuk", form),
        (
            LegalForm.document_label(profile.get("legal_form")),
            _dated(profile.get("legal_number") or "", profile.get("legal_date")),
        ),
        ("Bidang Kegiatan", profile.get("field_of_activity") or ""),
        ("Alamat Sekretariat", address_text(profile)),
        ("Akta Pendirian", deed_text(profile)),
        ("NPWP", npwp(profile.get("npwp"))),
        ("Masa Bakti", term_text(profile)),
    ]
    optional = {"Akta Pendirian", "NPWP"}
    return tuple((label, value) for label, value in lines if value or label not in optional)


def party_text(profile: dict[str, Any]) -> str:
    """``Partai Contoh Maju (PCM)``: the name and the abbreviation in brackets, once (a name
    typed with "(PCM)" already keeps it)."""
    name, abbr = profile.get("party_name") or "", profile.get("abbreviation") or ""
    if not (abbr and name) or squash(name).endswith(squash(f"({abbr})")):
        return name or abbr
    return f"{name} ({abbr})"


def squash(text: str | None) -> str:
    """Case- and space-insensitive form of a name (how names are compared)."""
    return "".join(str(text or "").split()).casefold()
