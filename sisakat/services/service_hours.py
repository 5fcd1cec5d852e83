"""Office hours, holidays and the reminder window: the settings the dashboard's working hours and
the reminders depend on (edited by the super admin, audited by settings.update). The SLA is per
service (``Service.sla_minutes``, the "Layanan" screen)."""

from __future__ import annotations

from datetime import date, time

from sisakat.converters import PLAUSIBLE_YEARS
from sisakat.exceptions import GuardFailed
from sisakat.models import User
from sisakat.services import concurrency, settings

KEYS = (
    "office.hours_start",
    "office.hours_end",
    "office.workdays",
    "office.holidays",
    "reminder.days_before",
)


def current() -> dict:
    """The values for the form (holidays as one date per line)."""
    values = {key: settings.get(key) for key in KEYS}
    values["office.holidays"] = "\n".join(str(d) for d in values["office.holidays"] or [])
    return values


def parse_holidays(text: str | None) -> list[str]:
    """One ``YYYY-MM-DD`` per line, sorted and without repeats; raises on a bad line or an
    implausible year (a typo such as 0202 would leave the real holiday a working day)."""
    days = set()
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            day = date.fromisoformat(line)
        except ValueError:
            raise GuardFailed(f"Baris {number} hari libur bukan tanggal TTTT-BB-HH.") from None
        if day.year not in PLAUSIBLE_YEARS:
            raise GuardFailed(f"Baris {number} hari libur: tahun {day.year:04d} tidak wajar.")
        days.add(day)
    return [d.isoformat() for d in sorted(days)]


def update(
    *,
    start: time,
    end: time,
    workdays: list[int],
    holidays: str,
    days: int,
    actor: User,
    seen: str | None = None,
) -> list[str]:
    """Store the values (flush; audited); returns the changed keys. ``seen``: the page's digest
    of ``KEYS``."""
    if end <= start:
        raise GuardFailed("Jam selesai harus setelah jam mulai.")
    if not workdays:
        raise GuardFailed("Pilih sedikitnya satu hari kerja.")
    values = {
        "office.hours_start": start.strftime("%H:%M"),
        "office.hours_end": end.strftime("%H:%M"),
        "office.workdays": sorted(set(workdays)),
        "office.holidays": parse_holidays(holidays),
        "reminder.days_before": days,
    }
    concurrency.check_settings(seen, KEYS)
    return settings.update(values, actor=actor)
