"""The current time for rules that depend on it (due dates, report periods).

Tests freeze it with ``app.config["CLOCK"]`` (a callable returning a naive UTC datetime).
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app

from sisakat.models import utcnow


def now() -> datetime:
    """The current naive UTC time, or the frozen test clock."""
    clock = current_app.config.get("CLOCK")
    return clock() if clock else utcnow()
