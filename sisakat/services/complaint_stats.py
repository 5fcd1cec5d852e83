"""Complaint statistics for UU 25/2009 reporting: for the complaints received in a period, per
category, how many were received, are still open, were closed, were closed within the
category's time limit (``due_at``, set at filing), and the average working hours from filing to
closing (``working_time.working_seconds``, the rule the queue and the dashboard measure by:
nights, closed days, breaks and holidays not counted); the same table as an XLSX.

One query (complaints joined to their categories) and the office hours, summed here: the
working-time arithmetic is Python's, and a year of complaints is a few thousand narrow rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sisakat.extensions import db
from sisakat.formatting import tanggal
from sisakat.models import Complaint, ComplaintCategory, ComplaintStatus
from sisakat.services import clock, settings
from sisakat.services.table_export import Table
from sisakat.services.working_time import OfficeHours, working_seconds

HOUR_SECONDS = 3_600
HEADER = (
    "Kategori",
    "Diterima",
    "Belum selesai",
    "Selesai",
    "Selesai tepat waktu",
    "Rata-rata jam kerja sampai selesai",
)


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
    def average_hours(self) -> float | None:
        """Mean working hours from filing to closing of the closed ones, to one decimal (what
        the page and the XLSX show); None when none is closed."""
        if not self._close_seconds:
            return None
        return round(sum(self._close_seconds) / len(self._close_seconds) / HOUR_SECONDS, 1)

    def add(self, closed: bool, in_time: bool | None, seconds: float | None) -> None:
        """Count one complaint: ``closed`` (Selesai), whether it closed by its due time and its
        working seconds to closing (None for both when a closed one lacks its closing time: it
        counts as closed, in neither the in-time count nor the average)."""
        self.received += 1
        if not closed:
            self.still_open += 1
            return
        self.closed += 1
        if seconds is not None:
            self.closed_in_time += bool(in_time)
            self._close_seconds.append(seconds)


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
    total, hours = CategoryStats("Jumlah"), OfficeHours.from_settings()
    for name, status, created_at, due_at, closed_at in rows:
        closed = status == ComplaintStatus.SELESAI
        timed = closed and closed_at is not None
        in_time = closed_at <= due_at if timed else None
        seconds = working_seconds(created_at, closed_at, hours) if timed else None
        for line in (lines.setdefault(name, CategoryStats(name)), total):
            line.add(closed, in_time, seconds)
    return sorted(lines.values(), key=lambda line: line.name.lower()), total


def title(start: date, end: date, today: date) -> str:
    """The export's first line: the statistics, the day they were made ("belum selesai" counts
    up to then) and the period, as the other exports name their day and filters."""
    period = f"Periode {tanggal(start)} s.d. {tanggal(end)}"
    return f"Statistik Pengaduan · per {tanggal(today)} · {period}"


def table(lines: list[CategoryStats], total: CategoryStats) -> Table:
    """The page's table for ``table_export``: a line per category, then the totals."""
    rows = tuple(
        (s.name, s.received, s.still_open, s.closed, s.closed_in_time, s.average_hours)
        for s in (*lines, total)
    )
    return Table("pengaduan", "Statistik Pengaduan", HEADER, rows)
