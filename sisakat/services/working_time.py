"""Office working time: the office's working hours and days (``office.*`` settings) and the
arithmetic over them. Nights, weekends and holidays are skipped, so a promise made in working
hours (the queue's waiting time, the dashboard's processing time, a repair deadline in working
days) is measured the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sisakat.services import settings


@dataclass(frozen=True)
class OfficeHours:
    """Working hours in the office zone (naive local times)."""

    offset_hours: int
    start: time
    end: time
    workdays: frozenset[int]  # ISO weekdays
    holidays: frozenset[date]

    @classmethod
    def from_settings(cls) -> OfficeHours:
        """Read the office.* settings (one query)."""
        office = settings.group("office")
        holidays = set()
        for raw in office.get("holidays") or []:
            try:
                holidays.add(date.fromisoformat(str(raw)))
            except ValueError:
                continue
        return cls(
            offset_hours=settings.utc_offset_hours(),
            start=time.fromisoformat(str(office.get("hours_start") or "08:00")),
            end=time.fromisoformat(str(office.get("hours_end") or "16:00")),
            workdays=frozenset(int(d) for d in office.get("workdays") or [1, 2, 3, 4, 5]),
            holidays=frozenset(holidays),
        )

    def is_workday(self, day: date) -> bool:
        """An office day: a working weekday that is not a holiday."""
        return day.isoweekday() in self.workdays and day not in self.holidays


def working_seconds(start_utc: datetime, end_utc: datetime, hours: OfficeHours) -> float:
    """Seconds of office time between two naive UTC moments (nights, weekends, holidays skipped)."""
    shift = timedelta(hours=hours.offset_hours)
    start, end = start_utc + shift, end_utc + shift
    total, day = 0.0, start.date()
    while day <= end.date():
        if hours.is_workday(day):
            open_at = max(start, datetime.combine(day, hours.start))
            close_at = min(end, datetime.combine(day, hours.end))
            if close_at > open_at:
                total += (close_at - open_at).total_seconds()
        day += timedelta(days=1)
    return total


def after_working_days(start_utc: datetime, days: int, hours: OfficeHours) -> date:
    """The office date ``days`` working days after the day of ``start_utc`` (weekends and
    holidays skipped): returned on Monday with 15 days, due on the Monday three weeks on."""
    day = (start_utc + timedelta(hours=hours.offset_hours)).date()
    while days > 0:
        day += timedelta(days=1)
        if hours.is_workday(day):
            days -= 1
    return day


class WaitingClock:
    """Working seconds from many start moments to one end moment (the queue's "now").

    ``working_seconds`` walks every day between start and end for each row; here the office
    seconds from the start of each local day up to the end are summed once per request (walking
    back from the end day), so a page of old applications costs one walk, not one per row."""

    def __init__(self, end_utc: datetime, hours: OfficeHours) -> None:
        self.hours = hours
        self.shift = timedelta(hours=hours.offset_hours)
        self.end = end_utc + self.shift
        self._day = self.end.date()  # earliest day summed so far
        self._from_day = {self._day: self._open_seconds(self._day, None)}

    def _open_seconds(self, day: date, start: datetime | None) -> float:
        """Office seconds on ``day`` from ``start`` (or the day's start) up to the end."""
        if not self.hours.is_workday(day):
            return 0.0
        open_at = datetime.combine(day, self.hours.start)
        if start is not None:
            open_at = max(start, open_at)
        close_at = min(self.end, datetime.combine(day, self.hours.end))
        return max((close_at - open_at).total_seconds(), 0.0)

    def since(self, start_utc: datetime) -> float:
        """The same figure as ``working_seconds(start_utc, end, hours)``."""
        start = start_utc + self.shift
        day = start.date()
        if day > self.end.date():
            return 0.0
        if day == self.end.date():
            return self._open_seconds(day, start)
        while self._day > day + timedelta(days=1):
            total = self._from_day[self._day]
            self._day -= timedelta(days=1)
            self._from_day[self._day] = total + self._open_seconds(self._day, None)
        return self._open_seconds(day, start) + self._from_day[day + timedelta(days=1)]
