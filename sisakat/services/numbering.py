"""Letter numbers: a locked yearly counter per series, a register that never reuses a number.

Why a counter row and not ``MAX(serial) + 1``: under concurrent issuing the latter gives
duplicates or lock errors (SIGNING.md §4). The counter is locked with ``SELECT ... FOR UPDATE``
on PostgreSQL/MariaDB; SQLite ignores ``FOR UPDATE`` but every writing context already holds
``BEGIN IMMEDIATE`` (db_setup.py). The counter rolls back with its transaction: no gaps.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from sisakat.exceptions import DomainError, NumberConflict
from sisakat.extensions import db
from sisakat.formatting import romawi
from sisakat.models import LetterNumber, NumberCounter, NumberSource, NumberStatus, User, utcnow
from sisakat.services import audit, catalog, clock, settings

log = logging.getLogger(__name__)

SKT = "skt"  # the party SKT's series (each service names its own: ``Service.number_series``)
TOKENS = frozenset({"kode", "nomor", "unit", "tahun", "bulan", "bulan_romawi"})
MAX_TEXT = 120  # letter_numbers.number_text and letters.number_text
MAX_SERIAL = 999_999  # the highest serial the admin may set; six digits a year is plenty

# Hooks the workflow adds at integration: each returns an Indonesian reason why a number may not
# be voided (e.g. it is tied to an issued letter), or None.
VOID_GUARDS: list[Callable[[LetterNumber], str | None]] = []


class NumberTemplateError(DomainError):
    """The number template is malformed or uses an unknown token."""


def _tokens(template: str) -> list[str]:
    """The field names in ``template``; refuses format specs, conversions and bad braces."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise NumberTemplateError(
            "Format nomor tidak valid: kurung kurawal tidak seimbang."
        ) from exc
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in TOKENS or spec or conversion:
            raise NumberTemplateError(
                f"Format nomor memuat penanda tidak dikenal: {{{name}}}. "
                "Gunakan {kode}, {nomor}, {unit}, {tahun}, {bulan} atau {bulan_romawi}."
            )
        names.append(name)
    return names


def validate_template(template: str) -> None:
    """A template the office may save: known tokens only and exactly one ``{nomor}``."""
    if _tokens(template).count("nomor") != 1:
        raise NumberTemplateError("Format nomor harus memuat {nomor} tepat satu kali.")


def longest_number(fmt: dict) -> str:
    """The longest number ``fmt`` (template, kode, unit, padding) can print, by
    ``format_number`` itself: the highest serial (``MAX_SERIAL``, or wider padding), a four-digit
    year and August, the longest Roman month (VIII)."""
    longest_month = max(range(1, 13), key=lambda m: len(romawi(m)))
    return format_number(
        fmt["template"],
        kode=fmt["kode"],
        serial=MAX_SERIAL,
        unit=fmt["unit"],
        year=9999,
        month=longest_month,
        padding=fmt["padding"] or 0,
    )


def validate_format(fmt: dict) -> None:
    """A format the office may save: ``validate_template``, and its longest number fits the
    register's column (SQLite would store a longer one; PostgreSQL and MariaDB refuse it)."""
    validate_template(fmt["template"])
    length = len(longest_number(fmt))
    if length > MAX_TEXT:
        raise NumberTemplateError(
            f"Format nomor terlalu panjang: nomor terpanjang yang dihasilkan {length} karakter, "
            f"paling banyak {MAX_TEXT}. Perpendek format, kode klasifikasi atau kode unit."
        )


def format_number(
    template: str, *, kode: str, serial: int, unit: str, year: int, month: int, padding: int = 0
) -> str:
    """Pure: ``{kode}/{nomor}/{unit}/{tahun}`` -> ``200.1.5.3/1436/BAN.KBP/2025``."""
    _tokens(template)
    return template.format(
        kode=kode,
        nomor=str(serial).zfill(max(0, int(padding))),
        unit=unit,
        tahun=year,
        bulan=f"{month:02d}",
        bulan_romawi=romawi(month),
    )


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


def service_format(service) -> dict:
    """The template, kode, unit and padding of a ``Service`` row."""
    return {
        "template": str(service.number_template or "{nomor}"),
        "kode": str(service.number_kode or ""),
        "unit": str(service.number_unit or ""),
        "padding": int(service.number_padding or 0),
    }


def series_format(series: str) -> dict:
    """The format of a series: that of the (first, by display order) service numbering in it.

    Two services may share a series: they then share its yearly counter (one run of serials),
    while each prints its own format (``allocate(..., fmt=service_format(service))``)."""
    service = catalog.by_series(series)
    if service is None:
        return {"template": "{nomor}", "kode": "", "unit": "", "padding": 0}
    return service_format(service)


def _add(number: LetterNumber) -> LetterNumber:
    """Insert a register row; a UNIQUE violation is a conflict to report, never a silent retry."""
    try:
        with db.session.begin_nested():
            db.session.add(number)
    except IntegrityError as exc:
        log.warning("letter number conflict: %s", number.number_text)
        raise NumberConflict(
            f"Nomor surat {number.number_text} sudah terdaftar. Batalkan dan coba lagi, "
            "atau periksa pengaturan penomoran."
        ) from exc
    return number


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
    counter = _locked_counter(series, local_date.year)
    counter.last_serial += 1
    text = format_number(
        fmt["template"],
        kode=fmt["kode"],
        serial=counter.last_serial,
        unit=fmt["unit"],
        year=local_date.year,
        month=local_date.month,
        padding=fmt["padding"],
    )
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
    """Record a number SRIKANDI gave; unique like ours (``NumberConflict`` when taken)."""
    text = " ".join((number_text or "").split())
    if not text or len(text) > MAX_TEXT:
        raise DomainError(f"Nomor surat wajib diisi (paling banyak {MAX_TEXT} karakter).")
    taken = db.session.execute(db.select(LetterNumber.id).filter_by(number_text=text)).scalar()
    if taken is not None:
        raise NumberConflict(f"Nomor surat {text} sudah terdaftar dan tidak dapat dipakai lagi.")
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


def void_block_reason(number: LetterNumber) -> str | None:
    """Why ``number`` may not be voided, or None when it may."""
    if number.status == NumberStatus.DIBATALKAN:
        return "Nomor ini sudah dibatalkan."
    for guard in VOID_GUARDS:
        reason = guard(number)
        if reason:
            return reason
    return None


def is_voidable(number: LetterNumber) -> bool:
    """True while the number is in use and not tied to an issued letter (VOID_GUARDS)."""
    return void_block_reason(number) is None


def void(number: LetterNumber, *, reason: str, actor: User | None) -> LetterNumber:
    """Void a number: it stays in the register with the reason and is never given again."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("Alasan pembatalan wajib diisi.")
    blocked = void_block_reason(number)
    if blocked:
        raise DomainError(blocked)
    number.status = NumberStatus.DIBATALKAN
    number.void_reason = reason[:500]
    number.voided_by_id = actor.id if actor else None
    number.voided_at = utcnow()
    audit.record(
        "number.void",
        actor=actor,
        object_type="letter_number",
        object_id=number.id,
        details={"number": number.number_text, "reason": number.void_reason},
    )
    db.session.flush()
    return number


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
            f"dipakai pada tahun {year}.",
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
