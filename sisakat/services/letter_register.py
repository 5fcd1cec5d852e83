"""The admin letter register (buku register surat keluar) as an export table: every letter the
register page lists for the same filters and search, one row each, for the office's archive
and its inspectors (``table_export`` writes it as XLSX and CSV); and the page's "Pemohon"
filter (``applicants``).

The applicant is the board as the page names it; level, region (an ormas's: the city of its
secretariat) and term of office are those the letter was made with
(``letter_public.snapshot_profile``: the frozen profile, else the live board). The statements
do not grow with the letters: one for the letters (application and board joined), one for the
boards' officers, one for the service names.
"""

from __future__ import annotations

from datetime import date

from sisakat.extensions import db
from sisakat.models import Application, Letter, LetterStatus, Level, Party
from sisakat.services import (
    catalog,
    letter_context,
    letter_registry,
    letter_search,
    letters,
    text_match,
)
from sisakat.services.letter_public import snapshot_profile
from sisakat.services.table_export import Table

TITLE = "Register surat terbit"
HEADER = (
    "Nomor surat",
    "Tanggal surat",
    "Pemohon",
    "Tingkat",
    "Wilayah",
    "Layanan",
    "Status",
    "Alasan pencabutan/pembatalan",
    "Waktu pencabutan/pembatalan",
    "Penandatangan",
    "Jabatan penandatangan",
    "Awal masa bakti",
    "Akhir masa bakti (berlaku s.d.)",
)


def every_letter(filters: dict, *, today: date) -> list[Letter]:
    """Every letter the register lists for ``filters`` (``letter_registry.register_query``'s
    keywords), in the page's order."""
    query = letter_registry.register_query(**filters, today=today)
    return list(db.session.execute(query).unique().scalars())


def applicants() -> list[tuple[int, str]]:
    """The register's "Pemohon" filter: (id, board name) of each applicant with a letter the
    register lists (issued or cancelled), never one without, by name in any case
    (``text_match.in_any_case``); one statement however many applicants."""
    has_letter = (
        db.select(Letter.id)
        .join(Application, Letter.application_id == Application.id)
        .where(
            Application.party_id == Party.id,
            Letter.status.in_(letter_registry.REGISTER_LETTER_STATUSES),
        )
        .exists()
    )
    query = (
        db.select(Party.id, Party.board_name)
        .where(has_letter)
        .order_by(text_match.in_any_case(Party.board_name), Party.id)
    )
    return [(party_id, name) for party_id, name in db.session.execute(query)]


def title(filters: dict) -> str:
    """What an exported file covers, as its first line: the register and any filter set."""
    parts = [TITLE]
    if filters.get("status"):
        parts.append(f"Status {filters['status'].capitalize()}")
    if filters.get("year"):
        parts.append(f"Tahun {filters['year']}")
    party = db.session.get(Party, filters["party_id"]) if filters.get("party_id") else None
    if party is not None:
        parts.append(f"Pemohon {party.board_name}")
    if filters.get("text"):
        parts.append(f'Pencarian "{filters["text"]}"')
    return " · ".join(parts)


def _level_label(value) -> str:
    try:
        return Level(value).label if value else ""
    except ValueError:  # a snapshot from an older version holding something else
        return ""


def _region(profile: dict) -> str:
    """Where the applicant is: a party board's region, an ormas's secretariat city."""
    if letter_context.is_ormas(profile):
        return str(profile.get("city") or "")
    return str(profile.get("region_name") or "")


def _row(letter: Letter, today: date, services: dict[str, str]) -> tuple:
    """One letter as the export shows it (dates as date cells; an undated letter's words)."""
    profile = snapshot_profile(letter)
    status = letter.effective_status(today)
    cancelled = letter.status == LetterStatus.DIBATALKAN
    code = letter.application.service_code
    return (
        letter.number_text or "",
        letter_search.date_cell(letter),
        letter.application.party.board_name,
        _level_label(profile.get("level")),
        _region(profile),
        services.get(code, code),
        status.capitalize(),
        letter.revoked_reason or None,
        letter.revoked_at,
        letter.signer_name or None,
        letter.signer_position or None,
        letters.parse_date(profile.get("term_start")),
        None if cancelled else letter.valid_until,  # as the page: valid until nothing
    )


def table(rows: list[Letter], *, today: date) -> Table:
    """The letters as one export table with ``HEADER``'s columns."""
    services = {s.code: s.short_name or s.name for s in catalog.all_services()}
    body = tuple(_row(letter, today, services) for letter in rows)
    return Table("register-surat", "Register surat", HEADER, body)
