"""The "segera berakhir" window: how many days ahead an end of term of office or of a letter's
validity counts as ending soon (setting ``reminder.days_before``), and the one rule that judges a
date against it. The register's state, the reminders and the approval notice read it here; it
imports only settings, so the workflow's guards can use it without the register's queries."""

from __future__ import annotations

from datetime import date, timedelta

from sisakat.services import settings


def days_before() -> int:
    """How many days ahead an end of term or validity counts as "segera berakhir"."""
    try:
        return max(0, int(settings.get("reminder.days_before") or 60))
    except (TypeError, ValueError):
        return 60


def ends_soon(day: date | None, today: date, days: int | None = None) -> bool:
    """The one "segera berakhir" rule: ``day`` (an end of term or validity) falls between
    ``today`` and ``days`` (default ``days_before()``) days ahead, both included."""
    ahead = days_before() if days is None else days
    return day is not None and today <= day <= today + timedelta(days=ahead)
