"""Letter numbers: a locked yearly counter per series, a register that never reuses a number.

Why a counter row and not ``MAX(serial) + 1``: under concurrent issuing the latter gives
duplicates or lock errors (SIGNING.md §4). The counter is locked with ``SELECT ... FOR UPDATE``
on PostgreSQL/MariaDB; SQLite ignores ``FOR UPDATE`` but every writing context already holds
``BEGIN IMMEDIATE`` (db_setup.py). The counter rolls back with its transaction: no gaps.
How a number prints from a service's format lives in ``number_format``.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from sisakat.exceptions import DomainError, NumberConflict
from sisakat.extensions import db
from sisakat.models import LetterNumber, NumberCounter, NumberSource, User
from sisakat.services import audit, clock, settings
from sisakat.services.number_format import (
    MAX_SERIAL,
    MAX_TEXT,
    NumberTemplateError,
    check_typed_number,
    incomplete_message,
    number_in,
    series_format,
)

log = logging.getLogger(__name__)

SKT = "skt"  # the party SKT's series (each service names its own: ``Service.number_series``)


def office_date(moment_utc: datetime, offset_hours: int) -> date:
    """Pure: the calendar date in the office zone for a naive UTC moment."""
    return (moment_utc + timedelta(hours=offset_hours)).date()


def office_today() -> date:
    """Today in the office zone (00:30 WIB on 1 January is already the new year), by the one
    clock every time rule reads (``services.clock``)."""
    return office_date(clock.now(), settings.utc_offset_hours())


def _ensure_counter(series: str, year: int) -> None:
    """Create the year's counter row ahead, ignoring a concurrent creator's unique violation.

    SQLite: a savepoint inside our transaction (BEGIN IMMEDIATE already serialises writers).
    Server databases: a separate short transaction, so a duplicate-key wait leaves no shared
    lock in ours (on InnoDB that lock would deadlock the following ``FOR UPDATE``) - unless
    this transaction already locked a counter (a second series or year in one transaction):
    InnoDB's next-key lock then covers the gap the new row goes into, and a separate
    transaction would wait for ours forever, so the row is created in ours.
    """
    exists = db.session.execute(
        db.select(NumberCounter.id).filter_by(series=series, year=year)
    ).scalar()
    if exists is not None:
        return
    insert = NumberCounter.__table__.insert().values(series=series, year=year, last_serial=0)
    try:
        if db.session.get_bind().dialect.name == "sqlite" or _holds_counter_lock():
            with db.session.begin_nested():
                db.session.execute(insert)
        else:
            with db.engine.begin() as conn:
                conn.execute(insert)
    except IntegrityError:
        pass  # another request created it first


_LOCK_KEY = "sisakat.numbering.locked_in"


def _holds_counter_lock() -> bool:
    """True when the current transaction has locked a counter row (``_locked_counter``)."""
    current = db.session().get_transaction()
    return current is not None and db.session.info.get(_LOCK_KEY) is current


def _locked_counter(series: str, year: int) -> NumberCounter:
    _ensure_counter(series, year)
    stmt = db.select(NumberCounter).filter_by(series=series, year=year).with_for_update()
    counter = db.session.execute(stmt.execution_options(populate_existing=True)).scalar_one()
    db.session.info[_LOCK_KEY] = db.session().get_transaction()
    return counter


# Our counter reached a number already in the register: one SRIKANDI gave before the office
# switched to SISAKAT numbering, or one a paper register recorded. Trying again takes the same
# serial, so the message says what unblocks it.
TAKEN_BEFORE = (
    "Nomor surat {number} sudah terdaftar{spelled} (dicatat sebelumnya, misalnya dari "
    "SRIKANDI) dan tidak dapat diberikan lagi. Super Admin menaikkan nomor urut berikutnya di "
    "Pengaturan Penomoran Surat melewati nomor itu; permohonan ini tetap menunggu."
)


def _add(number: LetterNumber) -> LetterNumber:
    """Insert a register row; a UNIQUE violation (the same number in any spelling: the
    ``number_key`` constraint) is a conflict to report, never a silent retry. Found only by the
    constraint: the happy path costs no extra query, none while the counter is locked."""
    try:
        with db.session.begin_nested():
            db.session.add(number)
    except IntegrityError as exc:
        raise NumberConflict(_conflict_message(number)) from exc
    return number


def _conflict_message(number: LetterNumber) -> str:
    """Why ``number`` was refused, read after the refusal: the register row holding its key."""
    row = db.session.execute(
        db.select(LetterNumber.number_text, LetterNumber.series, LetterNumber.serial).filter_by(
            number_key=number.number_key
        )
    ).first()
    text = number.number_text
    spelled = "" if row is None or row.number_text == text else row.number_text
    if number.source == NumberSource.SRIKANDI and row is not None:
        typed = f" (diketik {text}: spasi dan huruf besar/kecil tidak membedakan nomor)"
        return (
            f"Nomor surat {row.number_text} sudah terdaftar{typed if spelled else ''} dan "
            "tidak dapat dipakai lagi."
        )
    log.warning("letter number conflict: %s", text)
    # Another row than this serial taken concurrently (that one is a bug signal: retry), e.g. a
    # SRIKANDI number or another series' number.
    if row is not None and (row.series, row.serial) != (number.series, number.serial):
        return TAKEN_BEFORE.format(number=text, spelled=f" sebagai {spelled}" if spelled else "")
    return (
        f"Nomor surat {text} sudah terdaftar. Batalkan dan coba lagi, "
        "atau periksa pengaturan penomoran."
    )


def _register(
    number: LetterNumber, *, action: str, actor: User | None, subject: tuple[str, object]
) -> LetterNumber:
    """Add a register row for what it was issued to, by whom, and audit it."""
    number.subject_type, number.subject_id = subject[0], str(subject[1])
    number.created_by_id = actor.id if actor else None
    _add(number)
    audit.record(
        action,
        actor=actor,
        object_type="letter_number",
        object_id=number.id,
        details={"number": number.number_text},
    )
    return number


def allocate(
    series: str,
    *,
    local_date: date,
    actor: User | None,
    subject_type: str = "",
    subject_id="",
    fmt: dict | None = None,
) -> LetterNumber:
    """Take the next serial of ``series`` in ``local_date``'s year (flushes, never commits);
    printed in ``fmt`` (a service's own format) or else the series' format."""
    fmt = fmt or series_format(series)
    problem = incomplete_message(fmt)
    if problem:  # a new service whose code nobody filled in yet: no half-printed number
        raise NumberTemplateError(
            f"Nomor surat belum dapat diberikan. {problem} Super Admin mengisinya di "
            "Pengaturan Penomoran Surat; permohonan ini tetap menunggu."
        )
    counter = _locked_counter(series, local_date.year)
    counter.last_serial += 1
    text = number_in(fmt, counter.last_serial, year=local_date.year, month=local_date.month)
    if len(text) > MAX_TEXT:  # a format saved before validate_format checked the length
        raise NumberTemplateError(
            f"Nomor surat {text[:40]}... lebih dari {MAX_TEXT} karakter. Perpendek format nomor "
            "layanan ini di pengaturan penomoran."
        )
    return _register(
        LetterNumber(
            series=series,
            year=local_date.year,
            serial=counter.last_serial,
            number_text=text,
            source=NumberSource.INTERNAL,
        ),
        action="number.allocate",
        actor=actor,
        subject=(subject_type, subject_id),
    )


def register_external(
    series: str,
    number_text: str,
    *,
    local_date: date,
    actor: User | None,
    subject_type: str = "",
    subject_id="",
) -> LetterNumber:
    """Record a number SRIKANDI gave; unique like ours, spelling aside (``NumberConflict``
    naming the register's spelling when taken)."""
    text = check_typed_number(number_text)  # taken in any spelling: refused by ``_add``
    return _register(
        LetterNumber(
            series=series,
            year=local_date.year,
            serial=None,
            number_text=text,
            source=NumberSource.SRIKANDI,
        ),
        action="number.register_external",
        actor=actor,
        subject=(subject_type, subject_id),
    )


def used_max(series: str, year: int) -> int:
    """The highest serial in the register for a series and year (voided ones included)."""
    stmt = db.select(db.func.max(LetterNumber.serial)).filter_by(series=series, year=year)
    return int(db.session.execute(stmt).scalar() or 0)


def next_serial(series: str, year: int) -> int:
    """The serial the next ``allocate`` in ``year`` will take."""
    row = db.session.execute(
        db.select(NumberCounter.last_serial).filter_by(series=series, year=year)
    ).scalar()
    return max(int(row or 0), used_max(series, year)) + 1


def set_next_serial(series: str, year: int, next_serial: int, *, actor: User | None) -> None:
    """Continue a paper register: the next serial becomes ``next_serial`` (never at or below a
    serial already used)."""
    counter = _locked_counter(series, year)
    highest = used_max(series, year)
    if next_serial > MAX_SERIAL:
        raise DomainError(f"Nomor urut berikutnya paling besar {MAX_SERIAL}.", field="next_serial")
    if next_serial < 1 or next_serial <= highest:
        raise DomainError(
            f"Nomor urut berikutnya harus lebih besar dari {highest}, nomor terakhir yang sudah "
            f"dipakai pada tahun {year}; saat ini nomor urut berikutnya "
            f"{max(counter.last_serial, highest) + 1}.",
            field="next_serial",
        )
    old = counter.last_serial + 1
    counter.last_serial = next_serial - 1
    audit.record(
        "number.set_next",
        actor=actor,
        object_type="number_counter",
        object_id=counter.id,
        details={"series": series, "year": year, "from": old, "to": next_serial},
    )
    db.session.flush()
