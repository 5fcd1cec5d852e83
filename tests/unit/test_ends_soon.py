"""The one "segera berakhir" rule (expiry.ends_soon) that the register, the reminders and the
approval notice share: today and the last day of the window count, yesterday and the day after
the window do not, an unknown date never."""

from datetime import date, timedelta

import pytest

from sisakat.services import expiry

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(-1, False), (0, True), (1, True), (60, True), (61, False)],
)
def test_the_window_includes_today_and_its_last_day(offset, expected):
    assert expiry.ends_soon(TODAY + timedelta(days=offset), TODAY, 60) is expected


def test_an_unknown_date_is_never_ending_soon():
    assert expiry.ends_soon(None, TODAY, 60) is False


def test_the_window_defaults_to_the_reminder_setting(app):
    from sisakat.services import settings

    settings.update({"reminder.days_before": 10}, actor=None)
    assert expiry.ends_soon(TODAY + timedelta(days=10), TODAY)
    assert not expiry.ends_soon(TODAY + timedelta(days=11), TODAY)
