"""The verifiers' queue: filters, waiting time in office working hours (``working_time``),
constant query count."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import aliased

from sisakat import formatting
from sisakat.extensions import db, read
from sisakat.models import (
    Application,
    ApplicationDocument,
    ApplicationRequirement,
    ApplicationStatus,
    Level,
    Party,
    User,
    Verdict,
)
from sisakat.services import catalog, office, party_level, text_match, working_time
from sisakat.services import clock as clock_service
from sisakat.services.documents import replaced as document_replaced

ACTIVE = (ApplicationStatus.DIAJUKAN, ApplicationStatus.DIVERIFIKASI)


@dataclass(frozen=True)
class QueueFilter:
    """What the verifier asked for (all optional)."""

    status: ApplicationStatus | None = None
    level: Level | None = None
    search: str = ""
    newest_first: bool = False  # default: longest waiting first
    service: str | None = None  # a service code


class QueueRow(NamedTuple):
    """One line of the queue, ready for the template: only the columns the page shows. A named
    tuple, so the template unpacks each row in its ``for`` (plain Python unpacking) instead of
    reading ~14 attributes through Jinja's ``getattr``, two calls each, 25 times a page; the
    template names the fields in this order (``tests/unit/test_queue_row_fields.py``)."""

    id: int
    board_name: str
    level: Level | None
    status: ApplicationStatus
    claimed_by: str | None  # the claiming officer's display name
    waiting_seconds: float
    overdue: bool
    documents: int
    rejected: int
    service_code: str = ""
    service_label: str = ""
    waited: str = ""  # waiting_seconds in words (``formatting.durasi``)
    files: str = ""  # "3 dokumen diunggah · 1 dokumen tidak sesuai"


def _board_level():
    """The board's level as ``party_level.board_level`` reads it, the office's only level a
    bound parameter (``only_level``) so the cached statements serve every request."""
    return party_level.board_level_sql(sa.bindparam("only_level", type_=party_level.LEVEL_TYPE))


def _order(newest_first: bool, changed, ident) -> tuple:
    """Longest waiting first (or newest); the id breaks ties so pages never overlap."""
    if newest_first:
        return changed.desc(), ident.desc()
    return changed, ident


def _ids(level: bool, search: bool, service: bool):
    """The ids in the queue, in queue order: narrow rows, served by the
    ``(status, status_changed_at, id)`` index; the party is joined only when a filter needs it.
    Values are bound at execution (``statuses``, ``service``, ``level``, ``pattern``)."""
    statuses = sa.bindparam("statuses", expanding=True, type_=Application.__table__.c.status.type)
    query = db.select(Application.id, Application.status_changed_at)
    query = query.where(Application.status.in_(statuses))
    if service:
        query = query.where(Application.service_code == sa.bindparam("service", type_=sa.String))
    if not (level or search):
        return query
    query = query.join(Party, Application.party_id == Party.id)
    if level:
        query = query.where(_board_level() == sa.bindparam("level", type_=party_level.LEVEL_TYPE))
    if search:
        pattern = sa.bindparam("pattern", type_=sa.String)  # a text_match.contains_pattern
        query = query.where(
            db.or_(
                text_match.matches(Party.board_name, pattern),
                text_match.matches(Party.party_name, pattern),
            )
        )
    return query


def _document_counts(application_id):
    """(documents uploaded, documents whose newest version is judged Tidak Sesuai) of one
    application, as two correlated scalar subqueries (25 index lookups on
    ``application_requirements.application_id``). A document is a requirement with at least one
    file, however often it was replaced (six documents with one re-upload read "6", not "7").
    A version replaced since it was judged is not counted: the applicant fixed it."""
    base = (
        db.select(db.func.count(db.distinct(ApplicationDocument.application_requirement_id)))
        .join(
            ApplicationRequirement,
            ApplicationRequirement.id == ApplicationDocument.application_requirement_id,
        )
        .where(ApplicationRequirement.application_id == application_id)
    )
    rejected = base.where(ApplicationDocument.verdict == Verdict.TIDAK_SESUAI, ~document_replaced())
    return base.scalar_subquery(), rejected.scalar_subquery()


@functools.cache
def _statements(level: bool, search: bool, service: bool, newest_first: bool) -> tuple:
    """``(count, page)`` for one shape of filter, built once per process (building a statement
    costs more Python than running it); every value is a bound parameter."""
    count = db.select(db.func.count()).select_from(_ids(level, search, service).subquery())
    ids = (
        _ids(level, search, service)
        .order_by(*_order(newest_first, Application.status_changed_at, Application.id))
        .limit(sa.bindparam("limit", type_=sa.Integer))
        .offset(sa.bindparam("offset", type_=sa.Integer))
        .subquery()
    )
    claimer = aliased(User)
    documents, rejected = _document_counts(ids.c.id)
    rows = (
        db.select(
            ids.c.id,
            ids.c.status_changed_at,
            Application.submitted_at,
            Application.status,
            Application.service_code,
            Party.board_name,
            _board_level(),
            claimer.full_name,
            claimer.username,
            documents,
            rejected,
        )
        .select_from(ids)
        .join(Application, Application.id == ids.c.id)
        .join(Party, Party.id == Application.party_id)
        .outerjoin(claimer, claimer.id == Application.claimed_by_id)
        .order_by(*_order(newest_first, ids.c.status_changed_at, ids.c.id))
    )
    return count, rows


def _parameters(filters: QueueFilter) -> dict:
    values: dict = {
        "statuses": [filters.status] if filters.status else list(ACTIVE),
        "only_level": office.only_level(),  # a setting already read this request: no query
    }
    if filters.service:
        values["service"] = filters.service
    if filters.level:
        values["level"] = filters.level
    if filters.search:
        values["pattern"] = text_match.contains_pattern(filters.search)
    return values


class _QueuePagination(Pagination):
    """Flask-SQLAlchemy's pagination over two lean statements: the count over ids only, and the
    page as 25 ids (sorted on the narrow id rows) joined to just the columns the table shows,
    as plain rows (no ORM entities, no party officers, logo or snapshot)."""

    def _shape(self) -> tuple:
        filters = self._query_args["filters"]
        shape = (
            bool(filters.level),
            bool(filters.search),
            bool(filters.service),
            filters.newest_first,
        )
        return _statements(*shape), _parameters(filters)

    def _query_items(self) -> list:
        (_, rows), values = self._shape()
        values.update(limit=self.per_page, offset=self._query_offset)
        return read(rows, values).all()

    def _query_count(self) -> int:
        (count, _), values = self._shape()
        return read(count, values).scalar_one()


def _row(item, clock: working_time.WaitingClock, services_by_code: dict) -> QueueRow:
    """One queue row from a page item: the working time waited, whether it is past its
    service's SLA, who claimed it and the service's label."""
    (
        ident,
        changed,
        submitted,
        status,
        code,
        board,
        level,
        full_name,
        username,
        docs,
        rejected,
    ) = item
    # The promise runs from the (re)submission, not from the claim: a verifier taking the
    # application must not make a late one look on time (the order stays by the last
    # change, which the queue index serves).
    waited = clock.since(submitted or changed)
    claimed_by = (full_name or username) if username is not None else None
    sla, label = services_by_code.get(code, (3600, code))
    files = f"{docs} dokumen diunggah" + (f" · {rejected} dokumen tidak sesuai" if rejected else "")
    return QueueRow(
        ident,
        board,
        level,
        status,
        claimed_by,
        waited,
        waited > sla,
        docs,
        rejected,
        code,
        label,
        formatting.durasi(waited),
        files,
    )


def page(
    filters: QueueFilter,
    *,
    services: list | None = None,
    page_no: int = 1,
    per_page: int = 25,
    now: datetime | None = None,
):
    """One page of the queue: ``(pagination, rows)`` in a fixed number of queries;
    ``services`` is the catalogue when the caller already has it (read here otherwise)."""
    pagination = _QueuePagination(page=page_no, per_page=per_page, error_out=False, filters=filters)
    clock = working_time.WaitingClock(
        now or clock_service.now(), working_time.OfficeHours.from_settings()
    )
    # One query for every service: each row is judged against its own service's SLA.
    services_by_code = {
        s.code: (s.sla_minutes * 60, s.short_name or s.name)
        for s in (catalog.all_services() if services is None else services)
    }
    rows = [_row(item, clock, services_by_code) for item in pagination.items]
    return pagination, rows
