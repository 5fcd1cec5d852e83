"""Read side of the letter-number register: the super admin's screen, and when two number texts
are the same number: ``number_key`` (the model's rule, stored UNIQUE in
``letter_numbers.number_key``), ``registered_as`` and the ``twins`` stored before the key."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import PENDING_STATUSES, Letter, LetterNumber, NumberStatus
from sisakat.models.letter_number import number_key
from sisakat.services import catalog

LIMIT = 500
TWIN_MARK = "#"  # "<key>#<id>": a twin's kept key (no number_format.odd_signs number has it)


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


def registered_as(number_text: str) -> str | None:
    """The register's number that ``number_text`` is (the same ``number_key``), or None when
    unused."""
    return db.session.execute(
        db.select(LetterNumber.number_text)
        .where(LetterNumber.number_key == number_key(number_text))
        .limit(1)
    ).scalar()


def twins() -> list[tuple[str, str]]:
    """Pairs (the register's number, its twin) stored before the register compared numbers
    spelling aside: the migration that added ``number_key`` kept the later twin's key distinct
    ("<key>#<id>") so the upgrade never failed; ``flask check`` names them."""
    marked = db.session.execute(
        db.select(LetterNumber.number_key, LetterNumber.number_text)
        .where(LetterNumber.number_key.contains(TWIN_MARK))
        .order_by(LetterNumber.id)
    ).all()
    later = [row.number_text for row in marked if row.number_key != number_key(row.number_text)]
    return [(registered_as(text) or "", text) for text in later]
