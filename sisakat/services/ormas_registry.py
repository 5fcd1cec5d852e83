"""The registry of reported ormas (register ormas): every ormas account with its legal data,
chair, term and the state of its Surat Keterangan Melapor; search, filters, paging and export.

The letter state is worked out in SQL (so filtering and paging agree): the newest issued letter
of the ormas (highest id among issued letters), else whether an application is waiting. A page
costs a fixed number of queries whatever the number of ormas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.formatting import tanggal
from sisakat.models import (
    ISSUED_STATUSES,
    ApplicantKind,
    Application,
    ApplicationStatus,
    LegalForm,
    Letter,
    LetterStatus,
    Party,
    PartyOfficer,
)
from sisakat.services import letter_search, text_match
from sisakat.services.board_positions import fills, fills_sql
from sisakat.services.duplicates import CHAIR
from sisakat.services.table_export import Table, page_text

PER_PAGE = 25
STATUS_LABELS = {
    "belum": "Belum melapor",
    "menunggu": "Menunggu",
    "berlaku": "Berlaku",
    "dicabut": "Dicabut",
    "diganti": "Diganti",
    "kedaluwarsa": "Kedaluwarsa",
}
# Submitted and not final: the office has the report but no letter yet.
WAITING = (
    ApplicationStatus.DIAJUKAN,
    ApplicationStatus.DIVERIFIKASI,
    ApplicationStatus.PERLU_PERBAIKAN,
    ApplicationStatus.MENUNGGU_TTE,
)


@dataclass(frozen=True)
class OrmasFilter:
    """Search text (name, abbreviation, chair) and the optional filters."""

    search: str = ""
    legal_form: LegalForm | None = None
    field: str = ""  # a field of activity in any case (one of ``fields_of_activity()``)
    status: str = ""  # a key of STATUS_LABELS


@dataclass(frozen=True)
class OrmasRow:
    """One ormas, ready for the page and the export."""

    party: Party
    letter: Letter | None
    status: str  # a key of STATUS_LABELS

    @property
    def status_label(self) -> str:
        """The letter state in Indonesian."""
        return STATUS_LABELS[self.status]

    @property
    def chair(self) -> str:
        """The Ketua's name, "Ketua Umum" too (officers are loaded with the party)."""
        return next((o.name for o in self.party.officers if fills(o.position, CHAIR)), "")


def fields_of_activity() -> list[str]:
    """The fields of activity the ormas gave (the filter's choices), one per field in any case
    (``text_match.in_any_case``, as the filter matches it), spelled as it sorts first. Every
    spelling is read, not DISTINCT ones: MariaDB's collation would keep an arbitrary one."""
    folded = text_match.in_any_case(Party.field_of_activity)
    query = db.select(folded, Party.field_of_activity).where(
        Party.kind == ApplicantKind.ORMAS, Party.field_of_activity != ""
    )
    spellings: dict[str, str] = {}
    for key, text in db.session.execute(query).all():
        spellings[key] = min(spellings.get(key, text), text)
    return [spellings[key] for key in sorted(spellings)]


def same_field(field: str) -> sa.ColumnElement[bool]:
    """The ormas whose field of activity is ``field`` in any case (both sides lowered by the
    database, as ``fields_of_activity`` groups them)."""
    return text_match.in_any_case(Party.field_of_activity) == text_match.in_any_case(
        sa.literal(field)
    )


def _newest_issued():
    """party_id -> id of its newest issued letter (a subquery)."""
    return (
        db.select(Application.party_id, db.func.max(Letter.id).label("letter_id"))
        .join(Application, Letter.application_id == Application.id)
        .where(Letter.status.in_(ISSUED_STATUSES))
        .group_by(Application.party_id)
        .subquery()
    )


def _waiting():
    return db.select(Application.party_id).where(Application.status.in_(WAITING))


def _status_clause(status: str, today: date):
    """The SQL condition for one letter state (mirrors ``Letter.effective_status``); the query
    outer-joins the newest issued letter as ``Letter``."""
    if status == "belum":
        return db.and_(Letter.id.is_(None), Party.id.not_in(_waiting()))
    if status == "menunggu":
        return db.and_(Letter.id.is_(None), Party.id.in_(_waiting()))
    if status == "kedaluwarsa":
        return db.and_(Letter.status == LetterStatus.BERLAKU, Letter.valid_until < today)
    if status == "berlaku":
        return db.and_(
            Letter.status == LetterStatus.BERLAKU,
            db.or_(Letter.valid_until.is_(None), Letter.valid_until >= today),
        )
    return Letter.status == LetterStatus(status)


def query(filters: OrmasFilter, today: date):
    """The SELECT of matching ormas, by name (for paging or the whole export)."""
    newest = _newest_issued()
    q = (
        db.select(Party)
        .outerjoin(newest, newest.c.party_id == Party.id)
        .outerjoin(Letter, Letter.id == newest.c.letter_id)
        .where(Party.kind == ApplicantKind.ORMAS)
        .order_by(text_match.in_any_case(Party.party_name), Party.id)
    )
    if filters.search:
        chair = db.select(PartyOfficer.party_id).where(
            fills_sql(PartyOfficer.position, CHAIR),
            text_match.contains(PartyOfficer.name, filters.search),
        )
        names = text_match.contains_any((Party.party_name, Party.abbreviation), filters.search)
        q = q.where(db.or_(names, Party.id.in_(chair)))
    if filters.legal_form:
        q = q.where(Party.legal_form == filters.legal_form)
    if filters.field:
        q = q.where(same_field(filters.field))
    if filters.status in STATUS_LABELS:
        q = q.where(_status_clause(filters.status, today))
    return q


def _rows(parties: list[Party], today: date) -> list[OrmasRow]:
    """Rows for loaded ormas: their letters and waiting applications in two queries."""
    ids = [p.id for p in parties]
    if not ids:
        return []
    newest = _newest_issued()
    found = db.session.execute(
        db.select(newest.c.party_id, Letter)
        .join(newest, newest.c.letter_id == Letter.id)
        .where(newest.c.party_id.in_(ids))
    ).all()
    letters = {party_id: letter for party_id, letter in found}
    waiting = set(db.session.execute(_waiting().where(Application.party_id.in_(ids))).scalars())
    out = []
    for party in parties:
        letter = letters.get(party.id)
        if letter is not None:
            status = letter.effective_status(today)
        else:
            status = "menunggu" if party.id in waiting else "belum"
        out.append(OrmasRow(party, letter, status))
    return out


def page(filters: OrmasFilter, today: date, *, page_no: int = 1):
    """(pagination, rows) of one page of matching ormas."""
    pagination = db.paginate(
        query(filters, today), page=max(page_no, 1), per_page=PER_PAGE, error_out=False
    )
    return pagination, _rows(list(pagination.items), today)


def every_row(filters: OrmasFilter, today: date) -> list[OrmasRow]:
    """Every matching ormas (the export), in the page's order."""
    return _rows(list(db.session.execute(query(filters, today)).scalars()), today)


HEADER = (
    "Nama ormas",
    "Singkatan",
    "Bentuk",
    "Nomor SK Kemenkumham / SKT Kemendagri",
    "Bidang kegiatan",
    "Kabupaten/Kota",
    "Ketua",
    "Awal masa bakti",
    "Akhir masa bakti",
    "Status surat",
    "Nomor surat",
    "Tanggal surat",
)


def cells(row: OrmasRow) -> tuple:
    """One row's cells, as the export writes them (days as ``date``, date cells in the XLSX)."""
    p, letter = row.party, row.letter
    return (
        p.party_name,
        p.abbreviation,
        p.legal_form.label if p.legal_form else "",
        p.legal_number,
        p.field_of_activity,
        p.city,
        row.chair,
        p.term_start,
        p.term_end,
        row.status_label,
        (letter.number_text or "") if letter else "",
        letter_search.date_cell(letter) if letter else None,
    )


def page_cells(row: OrmasRow) -> tuple[str, ...]:
    """The same cells as the page prints them (days in words)."""
    return tuple(page_text(v) for v in cells(row))


def title(filters: OrmasFilter, today: date) -> str:
    """What the exported file covers, as its first line: the registry, the day its states are
    judged on, and the search and filters that were applied."""
    parts = ["Register ormas", f"per {tanggal(today)}"]
    if filters.search:
        parts.append(f'Pencarian "{filters.search}"')
    if filters.legal_form:
        parts.append(f"Bentuk {filters.legal_form.label}")
    if filters.field:
        parts.append(f"Bidang {filters.field}")
    if filters.status:
        parts.append(f"Status {STATUS_LABELS[filters.status]}")
    return " · ".join(parts)


def table(rows: list[OrmasRow]) -> Table:
    """The registry as an export table (the same cells as the page)."""
    return Table("ormas", "Register Ormas", HEADER, tuple(cells(r) for r in rows))
