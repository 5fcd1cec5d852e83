"""Complaint statistics for UU 25/2009 reporting: for the complaints received in a period, per
category, how many were received, are still open, were closed, were closed within the
category's time limit (``due_at``, set at filing), and the average days from filing to closing.

One query (complaints joined to their categories), summed here: the day arithmetic differs on
every database, and a year of complaints is a few thousand narrow rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sisakat.extensions import db
from sisakat.models import Complaint, ComplaintCategory, ComplaintStatus
from sisakat.services import clock, settings

DAY_SECONDS = 86_400


@dataclass
class CategoryStats:
    """One line of the table (``name`` "Jumlah" for the totals)."""

    name: str
    received: int = 0
    still_open: int = 0
    closed: int = 0
    closed_in_time: int = 0
    _close_seconds: list[float] = field(default_factory=list, repr=False)

    @property
    def average_days(self) -> float | None:
        """Mean days from filing to closing of the closed ones; None when none is closed."""
        if not self._close_seconds:
            return None
        return sum(self._close_seconds) / len(self._close_seconds) / DAY_SECONDS

    def add(self, status, created_at: datetime, due_at: datetime, closed_at: datetime | None):
        """Count one complaint (a closed one without its closing time counts as closed, in
        neither the in-time count nor the average)."""
        self.received += 1
        if status != ComplaintStatus.SELESAI:
            self.still_open += 1
            return
        self.closed += 1
        if closed_at is not None:
            self.closed_in_time += closed_at <= due_at
            self._close_seconds.append((closed_at - created_at).total_seconds())


def by_category(start: date, end: date) -> tuple[list[CategoryStats], CategoryStats]:
    """The lines per category (by name; only categories with complaints in the period) and the
    totals, for the complaints received from ``start`` to ``end`` (office days)."""
    low, high = clock.office_days_utc(start, end, settings.utc_offset_hours())
    rows = db.session.execute(
        db.select(
            ComplaintCategory.name,
            Complaint.status,
            Complaint.created_at,
            Complaint.due_at,
            Complaint.closed_at,
        )
        .join(ComplaintCategory, Complaint.category_id == ComplaintCategory.id)
        .where(Complaint.created_at >= low, Complaint.created_at < high)
    )
    lines: dict[str, CategoryStats] = {}
    total = CategoryStats("Jumlah")
    for name, status, created_at, due_at, closed_at in rows:
        for line in (lines.setdefault(name, CategoryStats(name)), total):
            line.add(status, created_at, due_at, closed_at)
    return sorted(lines.values(), key=lambda line: line.name.lower()), total
