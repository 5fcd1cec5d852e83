"""Letter lists for staff: the signing queue and the letter search (number, party, dates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sisakat.extensions import db
from sisakat.models import Application, Letter, LetterStatus, Party
from sisakat.services import letters

PER_PAGE = 25


def awaiting() -> list[Letter]:
    """Letters waiting for a signature or a manual review, oldest first."""
    query = (
        db.select(Letter)
        .where(Letter.status.in_(letters.PENDING))
        .order_by(Letter.created_at, Letter.id)
    )
    return list(db.session.execute(query).unique().scalars())


@dataclass(frozen=True)
class LetterFilter:
    """Search terms (all optional)."""

    number: str = ""
    party: str = ""
    date_from: date | None = None
    date_to: date | None = None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def search(filters: LetterFilter, *, page_no: int = 1):
    """A page of letters, newest first (issued or not)."""
    query = (
        db.select(Letter)
        .join(Application, Application.id == Letter.application_id)
        .join(Party, Party.id == Application.party_id)
        .order_by(Letter.id.desc())
    )
    if filters.number:
        query = query.where(
            db.func.lower(Letter.number_text).like(_like(filters.number), escape="\\")
        )
    if filters.party:
        pattern = _like(filters.party)
        query = query.where(
            db.or_(
                db.func.lower(Party.party_name).like(pattern, escape="\\"),
                db.func.lower(Party.board_name).like(pattern, escape="\\"),
            )
        )
    if filters.date_from:
        query = query.where(Letter.letter_date >= filters.date_from)
    if filters.date_to:
        query = query.where(Letter.letter_date <= filters.date_to)
    return db.paginate(query, page=max(page_no, 1), per_page=PER_PAGE, error_out=False)


STATUS_LABELS = {s: s.label for s in LetterStatus}
