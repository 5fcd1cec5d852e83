"""The verifiers' queue: filters, waiting time in office working hours, constant query count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sisakat.extensions import db
from sisakat.models import (
    Application,
    ApplicationDocument,
    ApplicationRequirement,
    ApplicationStatus,
    Level,
    Party,
    utcnow,
)
from sisakat.services import settings

ACTIVE = (ApplicationStatus.DIAJUKAN, ApplicationStatus.DIVERIFIKASI)


@dataclass(frozen=True)
class OfficeHours:
    """Working hours in the office zone (naive local times)."""

    offset_hours: int
    start: time
    end: time
    workdays: frozenset[int]  # ISO weekdays
    holidays: frozenset[date]

    @classmethod
    def from_settings(cls) -> OfficeHours:
        """Read the office.* settings (one query)."""
        office = settings.group("office")
        holidays = set()
        for raw in office.get("holidays") or []:
            try:
                holidays.add(date.fromisoformat(str(raw)))
            except ValueError:
                continue
        return cls(
            offset_hours=settings.utc_offset_hours(),
            start=time.fromisoformat(str(office.get("hours_start") or "08:00")),
            end=time.fromisoformat(str(office.get("hours_end") or "16:00")),
            workdays=frozenset(int(d) for d in office.get("workdays") or [1, 2, 3, 4, 5]),
            holidays=frozenset(holidays),
        )


def working_seconds(start_utc: datetime, end_utc: datetime, hours: OfficeHours) -> float:
    """Seconds of office time between two naive UTC moments (nights, weekends, holidays skipped)."""
    shift = timedelta(hours=hours.offset_hours)
    start, end = start_utc + shift, end_utc + shift
    total, day = 0.0, start.date()
    while day <= end.date():
        if day.isoweekday() in hours.workdays and day not in hours.holidays:
            open_at = max(start, datetime.combine(day, hours.start))
            close_at = min(end, datetime.combine(day, hours.end))
            if close_at > open_at:
                total += (close_at - open_at).total_seconds()
        day += timedelta(days=1)
    return total


@dataclass(frozen=True)
class QueueFilter:
    """What the verifier asked for (all optional)."""

    status: ApplicationStatus | None = None
    level: Level | None = None
    search: str = ""
    newest_first: bool = False  # default: longest waiting first


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue, ready for the template."""

    application: Application
    waiting_seconds: float
    overdue: bool
    documents: int
    rejected: int


def _query(filters: QueueFilter):
    statuses = (filters.status,) if filters.status else ACTIVE
    query = db.select(Application).join(Party, Application.party_id == Party.id)
    query = query.where(Application.status.in_(statuses))
    if filters.level:
        query = query.where(Party.level == filters.level)
    if filters.search:
        # LIKE is case-sensitive on PostgreSQL: compare lower-cased on every backend.
        pattern = "%" + filters.search.lower().replace("%", "").replace("_", "") + "%"
        query = query.where(
            db.or_(
                db.func.lower(Party.board_name).like(pattern),
                db.func.lower(Party.party_name).like(pattern),
            )
        )
    # The id breaks ties so pages never overlap.
    if filters.newest_first:
        return query.order_by(Application.status_changed_at.desc(), Application.id.desc())
    return query.order_by(Application.status_changed_at, Application.id)


def _document_counts(ids: list[int]) -> dict[int, tuple[int, int]]:
    """(versions uploaded, versions judged Tidak Sesuai) per application: one grouped query."""
    if not ids:
        return {}
    rejected = db.case((ApplicationDocument.verdict == "tidak_sesuai", 1), else_=0)
    rows = db.session.execute(
        db.select(
            ApplicationRequirement.application_id,
            db.func.count(ApplicationDocument.id),
            db.func.sum(rejected),
        )
        .join(ApplicationDocument)
        .where(ApplicationRequirement.application_id.in_(ids))
        .group_by(ApplicationRequirement.application_id)
    ).all()
    return {app_id: (int(n), int(r or 0)) for app_id, n, r in rows}


def page(
    filters: QueueFilter, *, page_no: int = 1, per_page: int = 25, now: datetime | None = None
):
    """One page of the queue: ``(pagination, rows)`` in a fixed number of queries."""
    pagination = db.paginate(_query(filters), page=page_no, per_page=per_page, error_out=False)
    hours = OfficeHours.from_settings()
    sla = int(settings.get("service.sla_minutes") or 60) * 60
    moment = now or utcnow()
    counts = _document_counts([a.id for a in pagination.items])
    rows = []
    for application in pagination.items:
        waited = working_seconds(application.status_changed_at, moment, hours)
        docs, rejected = counts.get(application.id, (0, 0))
        rows.append(QueueRow(application, waited, waited > sla, docs, rejected))
    return pagination, rows
