"""The verifiers' queue: filters, waiting time in office working hours, constant query count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import defaultload

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
from sisakat.services import catalog, settings

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


class WaitingClock:
    """Working seconds from many start moments to one end moment (the queue's "now").

    ``working_seconds`` walks every day between start and end for each row; here the office
    seconds from the start of each local day up to the end are summed once per request (walking
    back from the end day), so a page of old applications costs one walk, not one per row."""

    def __init__(self, end_utc: datetime, hours: OfficeHours) -> None:
        self.hours = hours
        self.shift = timedelta(hours=hours.offset_hours)
        self.end = end_utc + self.shift
        self._day = self.end.date()  # earliest day summed so far
        self._from_day = {self._day: self._open_seconds(self._day, None)}

    def _open_seconds(self, day: date, start: datetime | None) -> float:
        """Office seconds on ``day`` from ``start`` (or the day's start) up to the end."""
        if day.isoweekday() not in self.hours.workdays or day in self.hours.holidays:
            return 0.0
        open_at = datetime.combine(day, self.hours.start)
        if start is not None:
            open_at = max(start, open_at)
        close_at = min(self.end, datetime.combine(day, self.hours.end))
        return max((close_at - open_at).total_seconds(), 0.0)

    def since(self, start_utc: datetime) -> float:
        """The same figure as ``working_seconds(start_utc, end, hours)``."""
        start = start_utc + self.shift
        day = start.date()
        if day > self.end.date():
            return 0.0
        if day == self.end.date():
            return self._open_seconds(day, start)
        while self._day > day + timedelta(days=1):
            total = self._from_day[self._day]
            self._day -= timedelta(days=1)
            self._from_day[self._day] = total + self._open_seconds(self._day, None)
        return self._open_seconds(day, start) + self._from_day[day + timedelta(days=1)]


@dataclass(frozen=True)
class QueueFilter:
    """What the verifier asked for (all optional)."""

    status: ApplicationStatus | None = None
    level: Level | None = None
    search: str = ""
    newest_first: bool = False  # default: longest waiting first
    service: str | None = None  # a service code


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue, ready for the template."""

    application: Application
    waiting_seconds: float
    overdue: bool
    documents: int
    rejected: int
    service_label: str = ""


def _order(filters: QueueFilter, columns=None) -> tuple:
    """Longest waiting first (or newest); the id breaks ties so pages never overlap."""
    changed, ident = (
        columns if columns is not None else (Application.status_changed_at, Application.id)
    )
    if filters.newest_first:
        return changed.desc(), ident.desc()
    return changed, ident


def _ids(filters: QueueFilter):
    """The ids in the queue, in queue order: narrow rows, served by the
    ``(status, status_changed_at, id)`` index; the party is joined only when a filter needs it."""
    statuses = (filters.status,) if filters.status else ACTIVE
    query = db.select(Application.id, Application.status_changed_at)
    query = query.where(Application.status.in_(statuses))
    if filters.service:
        query = query.where(Application.service_code == filters.service)
    if not (filters.level or filters.search):
        return query
    query = query.join(Party, Application.party_id == Party.id)
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
    return query


class _QueuePagination(Pagination):
    """Flask-SQLAlchemy's pagination over two lean statements: the count over ids only, and
    the page as 25 ids (sorted on the narrow id rows) joined back to the full rows."""

    def _query_items(self) -> list[Application]:
        filters = self._query_args["filters"]
        ids = (
            _ids(filters)
            .order_by(*_order(filters))
            .limit(self.per_page)
            .offset(self._query_offset)
            .subquery()
        )
        query = (
            db.select(Application)
            .join(ids, Application.id == ids.c.id)
            .options(defaultload(Application.party).lazyload(Party.officers))
            .order_by(*_order(filters, (ids.c.status_changed_at, ids.c.id)))
        )
        return list(db.session.execute(query).unique().scalars())

    def _query_count(self) -> int:
        ids = _ids(self._query_args["filters"]).subquery()
        return db.session.execute(db.select(db.func.count()).select_from(ids)).scalar_one()


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
    pagination = _QueuePagination(page=page_no, per_page=per_page, error_out=False, filters=filters)
    clock = WaitingClock(now or utcnow(), OfficeHours.from_settings())
    services = {s.code: s for s in catalog.all_services()}  # one query: each row's own SLA
    counts = _document_counts([a.id for a in pagination.items])
    rows = []
    for application in pagination.items:
        waited = clock.since(application.status_changed_at)
        docs, rejected = counts.get(application.id, (0, 0))
        service = services.get(application.service_code)
        sla = (service.sla_minutes if service else 60) * 60
        label = (service.short_name or service.name) if service else application.service_code
        rows.append(QueueRow(application, waited, waited > sla, docs, rejected, label))
    return pagination, rows
