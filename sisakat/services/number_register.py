"""Read side of the letter-number register for the super admin's screen."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import LetterNumber, NumberStatus

LIMIT = 500


def listing(year: int | None, status: str) -> tuple[list[LetterNumber], list[int]]:
    """Numbers (newest first, at most ``LIMIT``) filtered by year and status, and all years."""
    stmt = db.select(LetterNumber).order_by(
        LetterNumber.year.desc(), LetterNumber.serial.desc(), LetterNumber.id.desc()
    )
    if year:
        stmt = stmt.filter_by(year=year)
    if status in {s.value for s in NumberStatus}:
        stmt = stmt.filter_by(status=NumberStatus(status))
    numbers = list(db.session.execute(stmt.limit(LIMIT)).scalars())
    years = db.session.execute(
        db.select(LetterNumber.year).distinct().order_by(LetterNumber.year.desc())
    ).scalars()
    return numbers, list(years)
