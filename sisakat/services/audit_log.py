"""Reading the audit trail (the super admin's browser); writing lives in services/audit.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sisakat.extensions import db
from sisakat.models import AuditEvent
from sisakat.services import settings


@dataclass(frozen=True)
class AuditFilter:
    """Optional filters; dates are office-local calendar days."""

    action: str = ""
    actor: str = ""
    object: str = ""  # "application" or "application:12"
    date_from: date | None = None
    date_to: date | None = None


def _utc(day: date) -> datetime:
    """Midnight of an office-local day, in naive UTC."""
    return datetime.combine(day, time()) - timedelta(hours=settings.utc_offset_hours())


def search(filters: AuditFilter, *, page_no: int = 1, per_page: int = 50):
    """One page of events, newest first."""
    query = db.select(AuditEvent)
    if filters.action:
        query = query.where(AuditEvent.action.startswith(filters.action, autoescape=True))
    if filters.actor:
        query = query.where(AuditEvent.actor_label == filters.actor)
    if filters.object:
        kind, _, ident = filters.object.partition(":")
        query = query.where(AuditEvent.object_type == kind.strip())
        if ident.strip():
            query = query.where(AuditEvent.object_id == ident.strip())
    if filters.date_from:
        query = query.where(AuditEvent.created_at >= _utc(filters.date_from))
    if filters.date_to:
        query = query.where(AuditEvent.created_at < _utc(filters.date_to + timedelta(days=1)))
    query = query.order_by(AuditEvent.id.desc())
    return db.paginate(query, page=page_no, per_page=per_page, error_out=False)
