"""Hours per weekday: a shorter Friday with a prayer break, an open Saturday, holidays; the
queue's fast clock gives the full walk's figure for any week and any moment."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sisakat.services.working_time import (
    OfficeHours,
    WaitingClock,
    after_working_days,
    working_days_due,
    working_seconds,
)

MON_THU = ((time(7, 30), time(16)),)
FRIDAY = ((time(7, 30), time(11, 30)), (time(13), time(16, 30)))
WEEK = (MON_THU, MON_THU, MON_THU, MON_THU, FRIDAY, (), ())


def utc(y, m, d, hh, mm=0) -> datetime:
    """A naive UTC moment from office-local (WIB) wall time."""
    return datetime(y, m, d, hh, mm) - timedelta(hours=7)


def test_a_short_friday_with_a_prayer_break_and_the_weekend():
    hours = OfficeHours(7, WEEK, frozenset())
    # Thursday 3 Dec 2026 15.00 to Monday 7 Dec 08.30: 1 h + Friday 4 h + 3,5 h + 1 h.
    assert working_seconds(utc(2026, 12, 3, 15), utc(2026, 12, 7, 8, 30), hours) == 9.5 * 3600
    # Inside the Friday break: counting starts again at 13.00.
    assert working_seconds(utc(2026, 12, 4, 12), utc(2026, 12, 4, 14), hours) == 3600
    assert working_seconds(utc(2026, 12, 4, 11), utc(2026, 12, 4, 12, 59), hours) == 1800


def test_a_holiday_on_the_short_friday_is_skipped():
    hours = OfficeHours(7, WEEK, frozenset({date(2026, 12, 4)}))
    assert working_seconds(utc(2026, 12, 3, 15), utc(2026, 12, 7, 8, 30), hours) == 2 * 3600
    assert not hours.is_workday(date(2026, 12, 4))
    assert hours.workdays == frozenset({1, 2, 3, 4, 5})


def test_an_open_saturday_counts_and_moves_deadlines():
    saturday = ((time(8), time(12)),)
    hours = OfficeHours(7, (*WEEK[:5], saturday, ()), frozenset({date(2026, 12, 7)}))
    # Friday 16.00 to Monday (a holiday) to Tuesday 08.00: 30 min Friday, 4 h Saturday, 30 min.
    assert working_seconds(utc(2026, 12, 4, 16), utc(2026, 12, 8, 8), hours) == 5 * 3600
    # Two working days after Friday: Saturday, then Tuesday (Sunday off, Monday a holiday).
    assert after_working_days(utc(2026, 12, 4, 10), 2, hours) == date(2026, 12, 8)


def test_a_limit_in_working_days_falls_due_when_the_last_day_closes():
    hours = OfficeHours(7, WEEK, frozenset({date(2026, 12, 7)}))
    # Wednesday 2 Dec with 2 days: Thursday, Friday; due when Friday's second period ends.
    assert working_days_due(utc(2026, 12, 2, 9), 2, hours) == utc(2026, 12, 4, 16, 30)
    # Thursday with 2 days: Friday, then Tuesday (the weekend closed, Monday a holiday).
    assert working_days_due(utc(2026, 12, 3, 15), 2, hours) == utc(2026, 12, 8, 16)
    # A week with no open day counts calendar days rather than walking on for ever.
    closed = OfficeHours(7, ((),) * 7, frozenset())
    assert working_days_due(utc(2026, 12, 3, 15), 2, closed) == utc(2026, 12, 5, 15)
    # The ormas repair deadline's count too: a closed week must not walk on for ever.
    assert after_working_days(utc(2026, 12, 3, 15), 2, closed) == date(2026, 12, 5)


def test_one_start_and_end_for_every_working_day_is_the_old_week():
    hours = OfficeHours.uniform(7, time(8), time(16), {1, 2, 3, 4, 5}, frozenset())
    assert hours.week == (((time(8), time(16)),),) * 5 + ((), ())


def _random_week(rng: random.Random) -> tuple:
    """Seven days, each closed, one stretch or two with a break between (minute precision)."""
    week = []
    for _ in range(7):
        cuts = sorted(rng.sample(range(1, 24 * 60), rng.choice((0, 2, 2, 4))))
        periods = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
        week.append(tuple((time(a // 60, a % 60), time(b // 60, b % 60)) for a, b in periods))
    return tuple(week)


def test_waiting_clock_matches_working_seconds_for_random_weeks_and_moments():
    """15,000 starts with microseconds against 50 random weeks, zones and holidays: the queue's
    clock (summed once, walking back) equals the day-by-day walk to the microsecond."""
    rng = random.Random(20261207)
    for _ in range(50):
        base = datetime(2026, 1, 1) + timedelta(days=rng.randrange(700))
        holidays = frozenset(base.date() + timedelta(days=rng.randrange(-40, 5)) for _ in range(6))
        hours = OfficeHours(rng.choice((7, 8, 9)), _random_week(rng), holidays)
        end = base + timedelta(microseconds=rng.randrange(86_400_000_000))
        clock = WaitingClock(end, hours)
        for _ in range(300):
            start = end - timedelta(
                microseconds=rng.randrange(-2 * 86_400_000_000, 40 * 86_400_000_000)
            )
            assert clock.since(start) == working_seconds(start, end, hours), (hours, start, end)
