"""The current time, one clock for every rule that depends on it: due dates, report periods,
rate-limit windows, session timeouts.

Tests freeze or move it with ``app.config["CLOCK"]`` (a callable returning a naive UTC datetime).
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app

from sisakat.models import utcnow


def now() -> datetime:
    """The current naive UTC time, or the frozen test clock."""
    clock = current_app.config.get("CLOCK")
    return clock() if clock else utcnow()


def timestamp() -> float:
    """``now()`` as seconds since the epoch (rate-limit windows, session stamps)."""
    return now().replace(tzinfo=UTC).timestamp()
