"""The office's own data edited by the super admin: agency profile with the regional emblem,
the signatory, and the letterhead / signature-block previews built from them."""

from __future__ import annotations

import re
from typing import Any, BinaryIO

from sisakat import formatting
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import FileKind, Level, StoredFile, User
from sisakat.pdf import kop
from sisakat.services import concurrency, images, letter_context, numbering, settings

AGENCY_KEYS = (
    "government",
    "name",
    "short_name",
    "region",
    "address",
    "phone",
    "fax",
    "email",
    "website",
    "city",
    "timezone",
)
SIGNATORY_KEYS = ("position", "region_line", "prefix", "on_behalf_of", "name", "rank", "nip")
# What each settings page shows: its digest guards a save from an out-of-date page.
AGENCY_PAGE = (*(f"agency.{key}" for key in AGENCY_KEYS), "agency.emblem_file_id")
SIGNATORY_PAGE = tuple(f"signatory.{key}" for key in SIGNATORY_KEYS)
PREFIXES = ("", "a.n.", "Plt.", "Plh.")
NIP_RE = re.compile(r"[0-9]{18}")


class SettingsInvalid(DomainError):
    """A setting value breaks a rule."""


def signatory_problem(prefix: str, on_behalf_of: str) -> str | None:
    """Signing a.n. (atas nama) needs the line naming on whose behalf."""
    if prefix not in PREFIXES:
        return "Awalan jabatan tidak valid."
    if prefix == "a.n." and not on_behalf_of.strip():
        return "Isi baris atas nama (misalnya KEPALA BADAN ...) untuk penandatanganan a.n."
    return None


CONTACT_KEYS = ("phone", "fax", "website", "email")
KOP_TOO_LONG = (
    "Terlalu panjang untuk kop surat: {what} tidak muat satu baris dengan huruf yang masih "
    "terbaca (minimal {size:g} pt). Persingkat isiannya{hint}."
)


def kop_problems(values: dict[str, Any]) -> dict[str, str]:
    """The agency fields whose kop line would print too small to read (``kop.unreadable``, the
    drawing's own sizes), each with its message, keyed by form field."""
    checks = [
        ("government", values.get("government") or "", kop.GOVERNMENT, "nama pemerintah daerah"),
        ("name", values.get("name") or "", kop.AGENCY, "nama instansi"),
        ("address", values.get("address") or "", kop.LINE, "alamat"),
    ]
    contact = letter_context.contact_line(values)
    filled = [key for key in CONTACT_KEYS if values.get(key)]
    if filled:
        checks.append((filled[-1], contact, kop.LINE, "baris telepon, faks, situs web, e-mail"))
    return {
        field: KOP_TOO_LONG.format(what=what, size=line[2], hint=_kop_hint(field))
        for field, text, line, what in checks
        if text and kop.unreadable(text, line)
    }


def _kop_hint(field: str) -> str:
    """What to shorten, said where it helps."""
    if field == "name":
        return " (nama daerah dapat ditulis pada baris pemerintah daerah)"
    if field in CONTACT_KEYS:
        return " atau kosongkan salah satu kontak"
    return ""


def emblem_shape_problem(width: int, height: int) -> str | None:
    """The refusal of an emblem too wide or too tall to print readably in the kop's square."""
    if not kop.emblem_too_thin(width, height):
        return None
    side = "lebar" if width > height else "tinggi"
    return (
        f"Lambang terlalu {side} ({width} × {height} piksel): di kop surat lambang dicetak "
        f"dalam kotak persegi, jadi sisi panjangnya paling banyak {kop.EMBLEM_MAX_RATIO} kali "
        "sisi pendeknya. Unggah lambang daerah saja, tanpa tulisan di sampingnya."
    )


def update_agency(
    values: dict[str, Any],
    *,
    actor: User,
    emblem: BinaryIO | None = None,
    emblem_name: str = "",
    seen: str | None = None,
) -> list[str]:
    """Store the agency profile (and a new emblem image); returns the changed keys (audited).
    ``seen``: the page's digest of ``AGENCY_PAGE`` (refused when another admin saved since)."""
    if values.get("timezone") not in settings.TIMEZONES:
        raise SettingsInvalid("Zona waktu tidak valid.")
    problems = kop_problems(values)
    if problems:  # the form says so first; this guards every other caller
        field, message = next(iter(problems.items()))
        raise SettingsInvalid(message, field=field)
    concurrency.check_settings(seen, AGENCY_PAGE)  # before a new emblem file is stored
    new = {f"agency.{key}": values[key] for key in AGENCY_KEYS if key in values}
    if emblem is not None:
        row = images.store_image(
            emblem,
            kind=FileKind.EMBLEM,
            display_name=emblem_name or "lambang.png",
            uploaded_by=actor,
            shape=emblem_shape_problem,
        )
        new["agency.emblem_file_id"] = row.id  # the previous emblem file stays (immutable)
    # Another admin's first save winning at the write is refused there, and the new emblem's
    # file goes with the rolled-back row (kept_files).
    return settings.update(new, actor=actor)


def update_signatory(values: dict[str, Any], *, actor: User, seen: str | None = None) -> list[str]:
    """Store the signatory as printed on letters; returns the changed keys (audited).
    ``seen``: the page's digest of ``SIGNATORY_PAGE``."""
    problem = signatory_problem(values.get("prefix", ""), values.get("on_behalf_of", ""))
    if problem:
        raise SettingsInvalid(problem)
    if not NIP_RE.fullmatch(values.get("nip", "")):
        raise SettingsInvalid("NIP harus 18 angka.")
    concurrency.check_settings(seen, SIGNATORY_PAGE)
    new = {f"signatory.{key}": values[key] for key in SIGNATORY_KEYS if key in values}
    return settings.update(new, actor=actor)


def emblem_file() -> StoredFile | None:
    """The current regional emblem image, if one was uploaded."""
    file_id = settings.get("agency.emblem_file_id")
    if not isinstance(file_id, int):
        return None
    row = db.session.get(StoredFile, file_id)
    if row is None or row.kind != FileKind.EMBLEM or row.purged_at is not None:
        return None
    return row


def letterhead() -> dict[str, Any]:
    """The letterhead (kop surat) lines exactly as the letter prints them (the same rule as
    ``letter_context.kop_lines``), plus a sample date line."""
    agency = settings.group("agency")
    today = numbering.office_today()
    return {
        "government": agency.get("government") or "",
        "name": agency.get("name") or "",
        "lines": letter_context.kop_lines(agency),
        "date_line": f"{agency.get('city') or ''}, {formatting.tanggal(today)}",
        "has_emblem": emblem_file() is not None,
        "emblem_max_ratio": kop.EMBLEM_MAX_RATIO,  # the upload hint names the shape rule
    }


def signature_lines(values: dict[str, Any]) -> list[str]:
    """The lines above the signature exactly as the letter prints them (``letter_context``)."""
    sig = letter_context.signature_block(values)
    lines = [*sig["signature_prefix"], sig["signature_position"], sig["signature_region"]]
    return [line for line in lines if line]


def on_behalf_region_hint(values: dict[str, Any]) -> str:
    """A warning when an a.n. block prints the region line under the signer's own position:
    "a.n. KEPALA BADAN ..." over "SEKRETARIS" and "KOTA BALIKPAPAN," reads "Sekretaris Kota
    Balikpapan", another official. Tata naskah dinas puts the region with the official
    represented ("a.n. KEPALA BADAN ... KOTA BALIKPAPAN" over "SEKRETARIS,"); "" otherwise."""
    sig = letter_context.signature_block(values)
    top = sig["signature_prefix"][0] if sig["signature_prefix"] else ""
    region = sig["signature_region"].rstrip(",").strip()
    squashed = letter_context.squash(top)
    if not squashed.startswith("a.n.") or not region or letter_context.squash(region) in squashed:
        return ""
    position = sig["signature_position"].rstrip(",")
    return (
        f'Dengan a.n., baris wilayah tercetak di bawah jabatan penandatangan: "{position} '
        f'{region}". Bila wilayah itu milik pejabat yang diwakili, tulis di baris atas nama '
        f'("{top} {region}"), isi Jabatan dengan jabatan penandatangan sendiri diakhiri koma '
        f'("{position},"), dan kosongkan Baris wilayah.'
    )


def _title(text: str) -> str:
    """``Provinsi DKI Jakarta`` from ``PROVINSI DKI JAKARTA``: words of three letters or fewer
    (DKI, DI, NTB) keep their capitals."""
    return " ".join(w if len(w) <= 3 else w.capitalize() for w in text.split())


def region_title() -> str:
    """The office's region as a name is written (``Kabupaten Musi Banyuasin``)."""
    return _title(str(settings.get("agency.region") or ""))


def office_level() -> str | None:
    """The office's own level word ("Provinsi", "Kabupaten", "Kota") from the first word of its
    region setting (``KABUPATEN MUSI BANYUASIN``); None when the region does not say."""
    word, _name = formatting.region_parts(settings.get("agency.region"))
    return word if word in ("Provinsi", "Kabupaten", "Kota") else None


def board_levels() -> tuple[Level, ...]:
    """The party-board levels this office registers: a province office boards at Provinsi,
    Kabupaten and Kota level (so its letters' Tingkat line varies); a regency office only
    Kabupaten boards, a city office only Kota boards. A region that names no level: all three.
    Worked out once per request (``settings.derived``: a region change is seen at once)."""
    return settings.derived("office.board_levels", _board_levels)


def _board_levels() -> tuple[Level, ...]:
    """``board_levels`` from the region setting."""
    word = office_level()
    if word == "Kabupaten":
        return (Level.KABUPATEN,)
    if word == "Kota":
        return (Level.KOTA,)
    return tuple(Level)


def only_level() -> Level | None:
    """The one level a regency or city office registers, which a board signing up there has
    from the start (``accounts.register_party``) and its profile shows as fixed text; None at an
    office registering several levels (the party chooses)."""
    levels = board_levels()
    return levels[0] if len(levels) == 1 else None


def level_problem(value: Any) -> str | None:
    """Why ``value`` (a ``Level`` or its stored value) is not a level this office registers;
    None when it is one."""
    try:
        level = Level(getattr(value, "value", value))
    except ValueError:
        return "Tingkat kepengurusan tidak valid."
    allowed = board_levels()
    if level in allowed:
        return None
    names = " atau ".join(lv.label for lv in allowed)
    return (
        f"{settings.get('agency.short_name') or 'Kantor ini'} hanya mencatat kepengurusan "
        f"tingkat {names}, bukan {level.label}."
    )


def listed_levels() -> tuple[Level, ...]:
    """The levels staff filters and tables offer: the office's ``board_levels()`` and any level
    a stored board already has (entered before the region changed: it stays findable), read by
    ``party_level.board_level_sql`` as the filters match it (an ormas has none). A province
    office registers every level: no query (the staff queue builds this per page)."""
    from sisakat.services import party_level  # imported here: party_level reads only_level()

    own = board_levels()
    if len(own) == len(Level):
        return own
    level = party_level.board_level_sql()
    stored = set(
        db.session.execute(db.select(level).where(level.is_not(None)).distinct()).scalars()
    )
    return tuple(lv for lv in Level if lv in stored or lv in own)


def examples() -> dict[str, str]:
    """The examples the sign-up and profile forms give, in this office's region: a province
    office's parties report DPW boards of the province, a regency's or city's DPC boards."""
    region = region_title()
    city = str(settings.get("agency.city") or "").strip()
    level, place = formatting.region_parts(region)
    local = level in ("Kabupaten", "Kota")
    return {
        "board": f"{'DPC' if local else 'DPW'} Partai Contoh {region}".strip(),
        "region_name": ", ".join(dict.fromkeys(x for x in (place, city) if x)),
        "city": region if local else formatting.prefixed(city, "Kota"),
    }
