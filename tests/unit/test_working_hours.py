"""Waiting time counts office hours only (Mon-Fri 08.00-16.00 office time, minus holidays),
with one start and end for every working day (`OfficeHours.uniform`)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sisakat.services.working_time import OfficeHours, working_seconds

WIB = OfficeHours.uniform(
    offset_hours=7,
    start=time(8),
    end=time(16),
    workdays=frozenset({1, 2, 3, 4, 5}),
    holidays=frozenset(),
)


def utc(y, m, d, hh, mm=0) -> datetime:
    """A naive UTC moment from office-local (WIB) wall time."""
    return datetime(y, m, d, hh, mm) - timedelta(hours=7)


def test_within_one_working_day():
    assert working_seconds(utc(2025, 6, 13, 9), utc(2025, 6, 13, 10, 30), WIB) == 5400


def test_night_and_weekend_are_skipped():
    # Friday 15.00 to Monday 09.00: one hour on Friday, one on Monday.
    assert working_seconds(utc(2025, 6, 13, 15), utc(2025, 6, 16, 9), WIB) == 7200


def test_before_opening_counts_from_opening():
    assert working_seconds(utc(2025, 6, 16, 6), utc(2025, 6, 16, 8, 30), WIB) == 1800


def test_holiday_is_skipped():
    hours = OfficeHours.uniform(
        7, time(8), time(16), frozenset({1, 2, 3, 4, 5}), frozenset({date(2025, 6, 16)})
    )
    assert working_seconds(utc(2025, 6, 13, 15), utc(2025, 6, 17, 9), hours) == 7200


def test_other_zone_shifts_the_day():
    wita = OfficeHours.uniform(8, time(8), time(16), frozenset({1, 2, 3, 4, 5}), frozenset())
    # 00.00 UTC Monday is 08.00 WITA: the office just opened.
    assert working_seconds(datetime(2025, 6, 16, 0), datetime(2025, 6, 16, 1), wita) == 3600


def test_waiting_clock_matches_working_seconds_for_every_start():
    """The per-request clock of the queue gives the day-by-day walk's figure for any start."""
    from sisakat.services.working_time import WaitingClock

    hours = OfficeHours.uniform(
        7, time(8), time(16), frozenset({1, 2, 3, 4, 5}), frozenset({date(2025, 6, 17)})
    )
    end = utc(2025, 6, 23, 10, 15)  # a Monday morning
    clock = WaitingClock(end, hours)
    start = utc(2025, 6, 1, 0)
    while start <= end + timedelta(hours=30):  # also starts after the end: 0
        assert clock.since(start) == working_seconds(start, end, hours), start
        start += timedelta(minutes=97)


def test_promise_falls_due_after_that_much_office_time():
    """``due_moment`` is the inverse of ``working_seconds``: the party is told the moment its
    letter is due, nights, weekends and holidays skipped (Friday 15.30 + 1 hour: Monday 08.30)."""
    from sisakat.services.working_time import due_moment

    assert due_moment(utc(2025, 6, 13, 9), 3600, WIB) == utc(2025, 6, 13, 10)
    assert due_moment(utc(2025, 6, 13, 15, 30), 3600, WIB) == utc(2025, 6, 16, 8, 30)
    assert due_moment(utc(2025, 6, 14, 20), 1800, WIB) == utc(2025, 6, 16, 8, 30)
    assert due_moment(utc(2025, 6, 13, 15), 3600, WIB) == utc(2025, 6, 13, 16)
    holiday = OfficeHours.uniform(
        7, time(8), time(16), frozenset({1, 2, 3, 4, 5}), frozenset({date(2025, 6, 16)})
    )
    assert due_moment(utc(2025, 6, 13, 15, 30), 3600, holiday) == utc(2025, 6, 17, 8, 30)
    closed = OfficeHours.uniform(7, time(8), time(16), frozenset(), frozenset())
    assert due_moment(utc(2025, 6, 13, 9), 3600, closed) is None
