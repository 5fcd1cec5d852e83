"""Reading the audit trail (the super admin's browser); writing lives in services/audit.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from sisakat.converters import parse_int
from sisakat.extensions import db
from sisakat.models import (
    Application,
    ApplicationDocument,
    ApplicationRequirement,
    AuditEvent,
    FaqEntry,
    Letter,
    LetterNumber,
    Party,
    ReasonTemplate,
    Requirement,
    Service,
    User,
)
from sisakat.services import audit_labels, settings


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
    if filters.action:  # a code's start, or the words the log shows for an action
        query = query.where(
            sa.or_(
                AuditEvent.action.startswith(filters.action, autoescape=True),
                AuditEvent.action.in_(audit_labels.actions_named(filters.action)),
            )
        )
    if filters.actor:  # user names are stored in lower case; "cli" and the like too
        query = query.where(sa.func.lower(AuditEvent.actor_label) == filters.actor.lower())
    if filters.object:
        query = query.where(_object_clause(filters.object))
    if filters.date_from:
        query = query.where(AuditEvent.created_at >= _utc(filters.date_from))
    if filters.date_to:
        query = query.where(AuditEvent.created_at < _utc(filters.date_to + timedelta(days=1)))
    query = query.order_by(AuditEvent.id.desc())
    return db.paginate(query, page=page_no, per_page=per_page, error_out=False)


def _object_clause(code: str):
    """The events about the object ``code`` names ("application" or "application:12"). One
    application's code also finds the events on its documents (verdicts, views of a KTP scan)
    and on its letters: the trail of that application, as an auditor asks for it."""
    kind, _, ident = (part.strip() for part in code.partition(":"))
    if not ident:
        return AuditEvent.object_type == kind
    clause = sa.and_(AuditEvent.object_type == kind, AuditEvent.object_id == ident)
    application_id = parse_int(ident, low=1) if kind == "application" else None
    if application_id is None:
        return clause
    # The ids as the log stores them (text), read first: comparing with a cast id in SQL mixes
    # collations on MariaDB. Two short queries, only when one application is asked for.
    documents = db.session.scalars(
        db.select(ApplicationDocument.id)
        .join(ApplicationDocument.requirement)
        .where(ApplicationRequirement.application_id == application_id)
    )
    letters = db.session.scalars(
        db.select(Letter.id).where(Letter.application_id == application_id)
    )
    return sa.or_(
        clause,
        sa.and_(
            AuditEvent.object_type == "application_document",
            AuditEvent.object_id.in_([str(i) for i in documents]),
        ),
        sa.and_(
            AuditEvent.object_type == "letter", AuditEvent.object_id.in_([str(i) for i in letters])
        ),
    )


# Kinds of object whose row the log reads: its key, and the column naming it (None: the number).
LOOKUPS = {
    "application": (Application.id, None),
    "faq": (FaqEntry.id, FaqEntry.question),
    "letter": (Letter.id, Letter.number_text),
    "letter_number": (LetterNumber.id, LetterNumber.number_text),
    "party": (Party.id, Party.board_name),
    "reason_template": (ReasonTemplate.id, ReasonTemplate.text),
    "requirement": (Requirement.id, Requirement.name),
    "service": (Service.code, Service.name),
    "user": (User.id, User.username),
}


@dataclass(frozen=True)
class ObjectRef:
    """What an event is about: its stored ``kind`` and ``ident``, the ``text`` the log shows
    ("Surat 200.1/7/2026") and whether the object's row still exists (``found``)."""

    kind: str
    ident: str
    text: str
    found: bool


def _names(kind: str, idents: set[str]) -> dict[str, str | None]:
    """The stored ids of ``kind`` among ``idents`` whose row exists, with their names (one
    query). An id that cannot be the key (junk, or too large for it) is simply not found."""
    key, name = LOOKUPS[kind]
    if isinstance(key.type, sa.Integer):
        keys = {parse_int(i, low=1): i for i in idents}
        keys.pop(None, None)
    else:
        keys = {i: i for i in idents}
    if not keys:
        return {}
    columns = (key, name) if name is not None else (key, sa.null())
    rows = db.session.execute(db.select(*columns).where(key.in_(keys)))
    return {keys[k]: n for k, n in rows}


def objects(events) -> dict[int, ObjectRef | None]:
    """Each event's object (None: about no object), by event id; one query per kind of object
    among ``events``, whatever their number."""
    wanted: dict[str, set[str]] = {}
    for e in events:
        if e.object_type in LOOKUPS and e.object_id:
            wanted.setdefault(e.object_type, set()).add(e.object_id)
    names = {kind: _names(kind, idents) for kind, idents in wanted.items()}
    refs: dict[int, ObjectRef | None] = {}
    for e in events:
        found = names.get(e.object_type, {})
        text = audit_labels.object_text(e.object_type, e.object_id, found.get(e.object_id))
        refs[e.id] = (
            ObjectRef(e.object_type, e.object_id, text, e.object_id in found)
            if e.object_type
            else None
        )
    return refs
