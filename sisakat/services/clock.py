"""The current time, one clock for every rule that depends on it: due dates, report periods,
rate-limit windows, session timeouts.

Tests freeze or move it with ``app.config["CLOCK"]`` (a callable returning a naive UTC datetime).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from flask import current_app

from sisakat.models import utcnow


def now() -> datetime:
    """The current naive UTC time, or the frozen test clock."""
    clock = current_app.config.get("CLOCK")
    return clock() if clock else utcnow()


def timestamp() -> float:
    """``now()`` as seconds since the epoch (rate-limit windows, session stamps)."""
    return now().replace(tzinfo=UTC).timestamp()


def office_days_utc(start: date, end: date, offset_hours: int) -> tuple[datetime, datetime]:
    """Pure: the office-zone days ``start`` to ``end`` (both whole) as naive UTC bounds
    [low, high), as every report period is queried (``offset_hours``: the zone,
    ``settings.utc_offset_hours``)."""
    shift = timedelta(hours=offset_hours)
    low = datetime.combine(start, time.min) - shift
    return low, datetime.combine(end + timedelta(days=1), time.min) - shift
