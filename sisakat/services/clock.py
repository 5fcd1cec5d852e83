"""The current time, one clock for every rule that depends on it: due dates, report periods,
rate-limit windows, session timeouts.

Tests freeze or move it with ``app.config["CLOCK"]`` (a callable returning a naive UTC datetime).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from flask import current_app

from sisakat.models import utcnow


def now() -> datetime:
    """The current naive UTC time, or the frozen test clock."""
    clock = current_app.config.get("CLOCK")
    return clock() if clock else utcnow()


def timestamp() -> float:
    """The same moment as seconds since the epoch (rate-limit windows, session stamps)."""
    clock = current_app.config.get("CLOCK")
    return clock().replace(tzinfo=UTC).timestamp() if clock else time.time()
