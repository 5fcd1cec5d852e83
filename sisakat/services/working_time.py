"""Office working time: the office's hours per weekday, working days and holidays (``office.*``
settings) and the arithmetic over them. Nights, closed days, breaks and holidays are skipped, so
a promise made in working hours (the queue's waiting time, the dashboard's processing time, a
repair deadline in working days, a complaint's time limit) is measured the same way everywhere.

A week is seven entries (Senin first), each a tuple of open periods ``(start, end)``: none on a
closed day, one, or two with a break between (Friday prayers). Sums are kept as ``timedelta``
(whole microseconds), so the queue's clock and the day-by-day walk agree exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sisakat.services import settings

Period = tuple[time, time]
Week = tuple[tuple[Period, ...], ...]
NOTHING = timedelta(0)


def stored_week(office: dict) -> Week:
    """The week from the ``office.*`` settings (keys without the prefix): ``week`` when the
    super admin has saved hours per day, else the single ``hours_start``-``hours_end`` on every
    ``workdays`` day (how installs before per-day hours, and a malformed value, read)."""
    raw = office.get("week")
    if raw is not None:
        try:
            week = tuple(
                tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in day) for day in raw
            )
        except (TypeError, ValueError):
            week = ()
        if len(week) == 7:
            return week
    start = time.fromisoformat(str(office.get("hours_start") or "08:00"))
    end = time.fromisoformat(str(office.get("hours_end") or "16:00"))
    days = {int(d) for d in office.get("workdays") or [1, 2, 3, 4, 5]}
    return tuple(((start, end),) if d in days else () for d in range(1, 8))


def week_setting(week: Week) -> list[list[list[str]]]:
    """A week as the ``office.week`` setting stores it: ``[["07:30", "16:00"]]`` per day."""
    return [[[f"{a:%H:%M}", f"{b:%H:%M}"] for a, b in day] for day in week]


@dataclass(frozen=True)
class OfficeHours:
    """Working hours in the office zone (naive local times)."""

    offset_hours: int
    week: Week  # index = ISO weekday - 1
    holidays: frozenset[date]

    @classmethod
    def uniform(cls, offset_hours, start, end, workdays, holidays=frozenset()) -> OfficeHours:
        """One start and end on every day of ``workdays`` (ISO weekdays)."""
        week = tuple(((start, end),) if d in workdays else () for d in range(1, 8))
        return cls(offset_hours, week, frozenset(holidays))

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
        return cls(settings.utc_offset_hours(), stored_week(office), frozenset(holidays))

    @property
    def workdays(self) -> frozenset[int]:
        """ISO weekdays with office hours."""
        return frozenset(d for d in range(1, 8) if self.week[d - 1])

    def is_workday(self, day: date) -> bool:
        """An office day: a weekday with hours that is not a holiday."""
        return bool(self.week[day.isoweekday() - 1]) and day not in self.holidays

    def open_time(self, day: date, after: datetime | None, before: datetime | None) -> timedelta:
        """Office time on ``day`` (local) between ``after`` and ``before`` (None: no bound)."""
        if day in self.holidays:
            return NOTHING
        total = NOTHING
        for start, end in self.week[day.isoweekday() - 1]:
            open_at, close_at = datetime.combine(day, start), datetime.combine(day, end)
            if after is not None:
                open_at = max(open_at, after)
            if before is not None:
                close_at = min(close_at, before)
            if close_at > open_at:
                total += close_at - open_at
        return total


def working_seconds(start_utc: datetime, end_utc: datetime, hours: OfficeHours) -> float:
    """Seconds of office time between two naive UTC moments (nights, closed days, breaks and
    holidays skipped)."""
    shift = timedelta(hours=hours.offset_hours)
    start, end = start_utc + shift, end_utc + shift
    total, day = NOTHING, start.date()
    while day <= end.date():
        total += hours.open_time(day, start, end)
        day += timedelta(days=1)
    return total.total_seconds()


def after_working_days(start_utc: datetime, days: int, hours: OfficeHours) -> date:
    """The office date ``days`` working days after the day of ``start_utc`` (closed days and
    holidays skipped): returned on Monday with 15 days, due on the Monday three weeks on. A week
    with no open day (never saved so) counts calendar days rather than walking on for ever."""
    day = (start_utc + timedelta(hours=hours.offset_hours)).date()
    if not hours.workdays:
        return day + timedelta(days=days)
    while days > 0:
        day += timedelta(days=1)
        if hours.is_workday(day):
            days -= 1
    return day


def working_days_due(start_utc: datetime, days: int, hours: OfficeHours) -> datetime:
    """The naive UTC moment a limit of ``days`` working days from ``start_utc`` falls due: when
    the office closes on the day ``after_working_days`` names (a complaint filed on Thursday
    with 2 days: Monday at closing). A week with no open day (never saved so) counts calendar
    days instead, due at their end, rather than walking on for ever."""
    if not hours.workdays:
        return start_utc + timedelta(days=days)
    day = after_working_days(start_utc, days, hours)
    closing = hours.week[day.isoweekday() - 1][-1][1]
    return datetime.combine(day, closing) - timedelta(hours=hours.offset_hours)


def due_moment(start_utc: datetime, seconds: float, hours: OfficeHours) -> datetime | None:
    """The naive UTC moment at which ``seconds`` of office time have passed since ``start_utc``
    (the inverse of ``working_seconds``: when a promise made in working hours falls due).
    None when the office has no open hour within a year (a week with every day closed)."""
    shift = timedelta(hours=hours.offset_hours)
    start = start_utc + shift
    left = timedelta(seconds=seconds)
    for offset in range(366):
        day = start.date() + timedelta(days=offset)
        if day in hours.holidays:
            continue
        for open_at, close_at in hours.week[day.isoweekday() - 1]:
            begin = max(datetime.combine(day, open_at), start)
            end = datetime.combine(day, close_at)
            if end <= begin:
                continue
            if end - begin >= left:
                return begin + left - shift
            left -= end - begin
    return None


class WaitingClock:
    """Working seconds from many start moments to one end moment (the queue's "now").

    ``working_seconds`` walks every day between start and end for each row; here the office
    time from the start of each local day up to the end is summed once per request (walking
    back from the end day), so a page of old applications costs one walk, not one per row."""

    def __init__(self, end_utc: datetime, hours: OfficeHours) -> None:
        self.hours = hours
        self.shift = timedelta(hours=hours.offset_hours)
        self.end = end_utc + self.shift
        self._day = self.end.date()  # earliest day summed so far
        self._from_day = {self._day: hours.open_time(self._day, None, self.end)}

    def since(self, start_utc: datetime) -> float:
        """The same figure as ``working_seconds(start_utc, end, hours)``."""
        start = start_utc + self.shift
        day = start.date()
        if day > self.end.date():
            return 0.0
        if day == self.end.date():
            return self.hours.open_time(day, start, self.end).total_seconds()
        while self._day > day + timedelta(days=1):
            total = self._from_day[self._day]
            self._day -= timedelta(days=1)
            self._from_day[self._day] = total + self.hours.open_time(self._day, None, None)
        first = self.hours.open_time(day, start, None)
        return (first + self._from_day[day + timedelta(days=1)]).total_seconds()
