"""Read side of the letter-number register for the super admin's screen."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import PENDING_STATUSES, Letter, LetterNumber, NumberStatus
from sisakat.services import catalog

LIMIT = 500


def series_names() -> dict[str, str]:
    """Every number series (the services' and any in the register) -> the services using it."""
    names: dict[str, list[str]] = {}
    for service in catalog.all_services():
        names.setdefault(service.number_series, []).append(service.short_name or service.name)
    used = db.session.execute(db.select(LetterNumber.series).distinct()).scalars()
    for series in used:
        names.setdefault(series, [])
    return {series: ", ".join(labels) for series, labels in sorted(names.items())}


def listing(
    year: int | None, status: str, series: str = ""
) -> tuple[list[LetterNumber], list[int]]:
    """Numbers (newest first, at most ``LIMIT``) filtered by year, status and series, and all
    years."""
    stmt = db.select(LetterNumber).order_by(
        LetterNumber.year.desc(), LetterNumber.serial.desc(), LetterNumber.id.desc()
    )
    if year:
        stmt = stmt.filter_by(year=year)
    if series:
        stmt = stmt.filter_by(series=series)
    if status in {s.value for s in NumberStatus}:
        stmt = stmt.filter_by(status=NumberStatus(status))
    numbers = list(db.session.execute(stmt.limit(LIMIT)).scalars())
    years = db.session.execute(
        db.select(LetterNumber.year).distinct().order_by(LetterNumber.year.desc())
    ).scalars()
    return numbers, list(years)


def awaiting_signature(numbers: list[LetterNumber]) -> set[int]:
    """The ids among ``numbers`` printed on a letter awaiting its signature (Menunggu TTE or an
    upload under review), in one query: such a number is voided only by returning its letter
    to the verifier on the signing desk (which cancels the letter and voids the number)."""
    ids = [number.id for number in numbers]
    if not ids:
        return set()
    query = db.select(Letter.number_id).where(
        Letter.number_id.in_(ids), Letter.status.in_(PENDING_STATUSES)
    )
    return set(db.session.execute(query).scalars())
