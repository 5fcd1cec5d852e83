"""Office hours per weekday, holidays and the reminder window: the settings the queue's and the
dashboard's working hours and the reminders depend on (edited by the super admin, audited by
settings.update). The SLA is per service (``Service.sla_minutes``, the "Layanan" screen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sisakat.converters import PLAUSIBLE_YEARS
from sisakat.exceptions import GuardFailed
from sisakat.models import User
from sisakat.services import concurrency, settings, working_time

# What the page shows, for its digest: the week, or the single hours an older install reads.
KEYS = (
    "office.week",
    "office.hours_start",
    "office.hours_end",
    "office.workdays",
    "office.holidays",
    "reminder.days_before",
)


@dataclass(frozen=True)
class DayHours:
    """One weekday as the page edits it: open or not, its hours and an optional break."""

    open: bool
    start: time | None
    end: time | None
    break_start: time | None = None
    break_end: time | None = None


def day_inputs(week: working_time.Week) -> dict[int, DayHours]:
    """The week as page rows by ISO weekday. A closed day shows the first open day's hours, so
    ticking it (a Saturday service) needs no typing."""
    usual = next((day for day in week if day), ((time(8), time(16)),))
    rows = {}
    for number, day in enumerate(week, start=1):
        periods = day or usual[:1]
        gap = (periods[0][1], periods[1][0]) if len(periods) > 1 else (None, None)
        rows[number] = DayHours(bool(day), periods[0][0], periods[-1][1], *gap)
    return rows


def current() -> dict:
    """The page's values: the week's rows, holidays (one date per line), the reminder window."""
    office = settings.group("office")
    return {
        "days": day_inputs(working_time.stored_week(office)),
        "holidays": "\n".join(str(d) for d in office.get("holidays") or []),
        "reminder_days": settings.get("reminder.days_before"),
    }


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
            raise GuardFailed(
                f"Baris {number} hari libur bukan tanggal TTTT-BB-HH.", field="holidays"
            ) from None
        if day.year not in PLAUSIBLE_YEARS:
            raise GuardFailed(
                f"Baris {number} hari libur: tahun {day.year:04d} tidak wajar.", field="holidays"
            )
        days.add(day)
    return [d.isoformat() for d in sorted(days)]


def _periods(number: int, day: DayHours) -> tuple[working_time.Period, ...]:
    """One open day's periods; raises beside the field at fault (``start_5``, ``break_end_5``)."""
    if day.start is None or day.end is None:
        missing = "start" if day.start is None else "end"
        word = "mulai" if missing == "start" else "selesai"
        raise GuardFailed(f"Isi jam {word} hari kerja ini.", field=f"{missing}_{number}")
    if day.end <= day.start:
        raise GuardFailed("Jam selesai harus setelah jam mulai.", field=f"end_{number}")
    if day.break_start is None and day.break_end is None:
        return ((day.start, day.end),)
    if day.break_start is None or day.break_end is None:
        missing = "break_start" if day.break_start is None else "break_end"
        word = "mulai" if missing == "break_start" else "selesai"
        raise GuardFailed(f"Isi juga jam {word} istirahat.", field=f"{missing}_{number}")
    if day.break_end <= day.break_start:
        raise GuardFailed(
            "Istirahat selesai harus setelah istirahat mulai.", field=f"break_end_{number}"
        )
    if day.break_start <= day.start or day.break_end >= day.end:
        raise GuardFailed(
            f"Istirahat harus di antara jam mulai dan jam selesai "
            f"({day.start:%H.%M}–{day.end:%H.%M}).",
            field=f"break_start_{number}",
        )
    return ((day.start, day.break_start), (day.break_end, day.end))


def build_week(days: dict[int, DayHours]) -> working_time.Week:
    """The week from the page's rows (Senin = 1); a day not ticked is closed, whatever its
    hours say. Raises when no day is open or an open day's hours do not hold together."""
    week = tuple(_periods(n, days[n]) if n in days and days[n].open else () for n in range(1, 8))
    if not any(week):
        raise GuardFailed("Pilih sedikitnya satu hari kerja.", field="workdays")
    return week


def update(
    *, days: dict[int, DayHours], holidays: str, reminder_days: int, actor: User, seen=None
) -> list[str]:
    """Store the values (flush; audited); returns the changed keys. ``seen``: the page's digest
    of ``KEYS``."""
    values = {
        "office.week": working_time.week_setting(build_week(days)),
        "office.holidays": parse_holidays(holidays),
        "reminder.days_before": reminder_days,
    }
    concurrency.check_settings(seen, KEYS)
    return settings.update(values, actor=actor)
