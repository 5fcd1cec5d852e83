"""The register of party boards (rekapitulasi): each board with its current SKT and term of
office, in three queries whatever the number of boards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sisakat.extensions import db
from sisakat.formatting import tanggal
from sisakat.models import (
    ISSUED_APPLICATION_STATUSES,
    ISSUED_STATUSES,
    ApplicantKind,
    Application,
    Letter,
    Level,
    Party,
)
from sisakat.services import letter_search, text_match
from sisakat.services.expiry import days_before, ends_soon
from sisakat.services.party_level import board_level, board_level_sql

STATE_LABELS = {
    "berlaku": "Berlaku",
    "segera": "Segera berakhir",
    "kedaluwarsa": "Kedaluwarsa / berakhir",
    "dicabut": "SKT dicabut",
    "tanpa": "Belum ada SKT",
}


@dataclass(frozen=True)
class RegisterFilter:
    """Optional level, region (substring) and state (a key of ``STATE_LABELS``)."""

    level: Level | None = None
    region: str = ""
    state: str = ""
    party_id: int | None = None  # one board (the party's own dashboard)
    kind: ApplicantKind | None = None  # the staff register shows party boards only


@dataclass(frozen=True)
class RegisterRow:
    """One board, ready for the page and the exports."""

    party: Party
    letter: Letter | None
    letter_status: str  # LetterStatus value or "kedaluwarsa"; "" without a letter
    state: str  # a key of STATE_LABELS
    applications: int
    issued: int

    @property
    def state_label(self) -> str:
        """The state in Indonesian."""
        return STATE_LABELS[self.state]

    @property
    def level_label(self) -> str:
        """The board's level as ``party_level.board_level`` reads it; "" without one."""
        level = board_level(self.party)
        return level.label if level else ""


def _latest_letters(party_ids) -> dict[int, Letter]:
    """The newest issued letter per party (one query)."""
    rows = db.session.execute(
        db.select(Application.party_id, Letter)
        .join(Application, Letter.application_id == Application.id)
        .where(Application.party_id.in_(party_ids), Letter.status.in_(ISSUED_STATUSES))
        .order_by(Letter.issued_at, Letter.id)
    ).all()
    return {party_id: letter for party_id, letter in rows}  # later rows win


def _counts(party_ids) -> dict[int, tuple[int, int]]:
    """(applications, issued applications) per party: one grouped query. An application
    whose letter was revoked or replaced was issued too (as the dashboard counts it)."""
    issued = db.case((Application.status.in_(ISSUED_APPLICATION_STATUSES), 1), else_=0)
    rows = db.session.execute(
        db.select(Application.party_id, db.func.count(Application.id), db.func.sum(issued))
        .where(Application.party_id.in_(party_ids))
        .group_by(Application.party_id)
    ).all()
    return {pid: (int(n), int(k or 0)) for pid, n, k in rows}


def classify(letter: Letter | None, term_end: date | None, today: date, days: int) -> str:
    """The register state of a board: no SKT, revoked, expired/ended, ending soon, or valid."""
    if letter is None:
        return "tanpa"
    if letter.effective_status(today) == "dicabut":  # void: not a letter that ran out
        return "dicabut"
    ends = [d for d in (letter.valid_until, term_end) if d]
    if letter.effective_status(today) != "berlaku" or any(d < today for d in ends):
        return "kedaluwarsa"
    return "segera" if any(ends_soon(d, today, days) for d in ends) else "berlaku"


def rows(filters: RegisterFilter, today: date) -> list[RegisterRow]:
    """Every board matching ``filters``, by party and board name in any case."""
    by_name = (text_match.in_any_case(Party.party_name), text_match.in_any_case(Party.board_name))
    query = db.select(Party).order_by(*by_name, Party.id)
    if filters.party_id is not None:
        query = query.where(Party.id == filters.party_id)
    if filters.kind is not None:
        query = query.where(Party.kind == filters.kind)
    if filters.level:
        query = query.where(board_level_sql() == filters.level)
    if filters.region:
        query = query.where(text_match.contains(Party.region_name, filters.region))
    parties = list(db.session.execute(query).scalars())
    ids = query.with_only_columns(Party.id).order_by(None).scalar_subquery()
    letters, counts, days = _latest_letters(ids), _counts(ids), days_before()
    out = []
    for party in parties:
        letter = letters.get(party.id)
        state = classify(letter, party.term_end, today, days)
        if filters.state and state != filters.state:
            continue
        status = letter.effective_status(today) if letter else ""
        out.append(RegisterRow(party, letter, status, state, *counts.get(party.id, (0, 0))))
    return out


TITLE = "Rekapitulasi kepengurusan partai"


def title(filters: RegisterFilter, today: date) -> str:
    """What an exported file covers, as its first line: the register, the day its states are
    judged on, and the filters that were applied."""
    parts = [TITLE, f"per {tanggal(today)}"]
    if filters.level:
        parts.append(f"Tingkat {filters.level.label}")
    if filters.region:
        parts.append(f'Wilayah "{filters.region}"')
    if filters.state:
        parts.append(f"Keadaan {STATE_LABELS[filters.state]}")
    return " · ".join(parts)


def table(rows_: list[RegisterRow]):
    """The register as an export table (the same columns as the page)."""
    from sisakat.services.table_export import Table

    header = (
        "Partai",
        "Kepengurusan",
        "Tingkat",
        "Wilayah",
        "Nomor SKT",
        "Tanggal SKT",
        "Berlaku s.d.",
        "Status SKT",
        "Akhir masa bakti",
        "Keadaan",
        "Permohonan",
        "Terbit",
    )
    body = []
    for r in rows_:
        letter = r.letter
        body.append(
            (
                r.party.party_name,
                r.party.board_name,
                r.level_label,
                r.party.region_name,
                letter.number_text or "" if letter else "",
                letter_search.date_cell(letter) if letter else None,  # a date cell if dated
                letter.valid_until if letter else None,
                r.letter_status.replace("_", " ").title() if r.letter_status else "",
                r.party.term_end,
                r.state_label,
                r.applications,
                r.issued,
            )
        )
    return Table("rekap", "Rekapitulasi", header, tuple(body))
