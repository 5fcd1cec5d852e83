"""Read side of the letter-number register: the super admin's screen, and the one rule of when two
number texts are the same number (``same_number`` in SQL, ``number_key`` in Python)."""

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


def same_number(column, number_text: str):
    """SQL: ``column`` holds the number ``number_text`` is, spaces and letter case aside (a typed
    "200.1.5.3 / 77 / ban.kbp / 2026" is "200.1.5.3/77/BAN.KBP/2026"). The one rule of the
    register's uniqueness and the public lookup by number. Numbers are ASCII (the character
    rule of ``number_format``), so SQL ``lower`` agrees with Python's; stored numbers hold no
    whitespace but single spaces (``check_typed_number``, ``validate_format``)."""
    return db.func.lower(db.func.replace(column, " ", "")) == number_key(number_text)


def number_key(number_text: str | None) -> str:
    """A letter number as ``same_number`` compares it: without whitespace, in lower case
    ("200.1.5.3 / 7 / ban.kbp / 2026" is "200.1.5.3/7/ban.kbp/2026"); every other character
    counts. For comparing in Python (the public letter check) what SQL compares in the register."""
    return "".join(str(number_text or "").split()).lower()


def registered_as(number_text: str) -> str | None:
    """The register's number that ``number_text`` is (``same_number``), or None when unused."""
    return db.session.execute(
        db.select(LetterNumber.number_text)
        .where(same_number(LetterNumber.number_text, number_text))
        .limit(1)
    ).scalar()
