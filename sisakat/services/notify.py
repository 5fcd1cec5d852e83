"""In-app notifications (the navbar bell). Rows join the caller's transaction (flush only)."""

from __future__ import annotations

from collections.abc import Iterable

from sisakat.extensions import db, read
from sisakat.models import Application, Notification, Role, User, utcnow
from sisakat.services import catalog, mail

# Paths of the pages a notification points to; tests/unit/test_workflow_rules.py checks them
# against url_for, so they cannot drift from the routes.
PARTY_APPLICATION = "/pemohon/permohonan/{id}"
STAFF_APPLICATION = "/petugas/permohonan/{id}"


def application_link(user: User, application_id: int) -> str:
    """Where ``user`` opens the application."""
    pattern = PARTY_APPLICATION if user.role == Role.PEMOHON else STAFF_APPLICATION
    return pattern.format(id=application_id)


def queue(
    user: User,
    message: str,
    link: str = "",
    *,
    kind: str = "applications",
    subject: str | None = None,
    application_id: int | None = None,
    asks_action: bool = False,
    next_step: str = "",
) -> Notification:
    """Add one notification for ``user`` (flushed with the caller's transaction), plus its
    e-mail in the outbox when the user wants e-mails of ``kind`` (sent after the commit);
    ``subject``: the e-mail's short subject when ``message`` carries a note;
    ``application_id``: the application it is about; ``asks_action``: it gives ``user`` work
    on that application (``close_action_notices``); ``next_step``: what to do next, in the
    e-mail only."""
    row = Notification(
        user_id=user.id,
        message=message[:500],
        link=link[:300],
        application_id=application_id,
        asks_action=asks_action,
    )
    db.session.add(row)
    mail.notification_email(user, message, link, kind=kind, subject=subject, next_step=next_step)
    db.session.flush()
    return row


def application_label(application_id: int) -> str:
    """How every notification about an application names it (bell, e-mail body and subject):
    its number and the service's short name, as the party's list names it ("Permohonan #12 ·
    SKT Partai Politik"); a party with two applications (a renewal, SKT and an ormas report)
    and the staff tell them apart. The staff texts carry the board after it."""
    application = db.session.get(Application, application_id)
    if application is None:
        return f"Permohonan #{application_id}"
    service = catalog.get(application.service_code)
    name = (service.short_name or service.name) if service else application.service_code
    return f"Permohonan #{application_id} · {name}"


def queue_many(
    users: Iterable[User],
    message: str,
    application_id: int,
    *,
    subject: str | None = None,
    asks_action: bool = False,
    next_step: str = "",
) -> None:
    """The same message about one application for several users, each with their own link,
    named by ``application_label`` (the body "<label> — <message>", the e-mail subject
    "<label>: <subject>"); ``asks_action`` and ``next_step`` as in ``queue``."""
    label = application_label(application_id)
    message = f"{label} — {message}"
    subject = f"{label}: {subject}" if subject else None
    for user in users:
        link = application_link(user, application_id)
        queue(
            user,
            message,
            link,
            subject=subject,
            application_id=application_id,
            asks_action=asks_action,
            next_step=next_step,
        )


def close_action_notices(application_id: int) -> int:
    """Mark read every unread "please act" notice about the application: it has left the state
    they asked about, so the work is done (by the one who acted, whose own notice closes too)
    or moot for the others (another signer issued or returned the letter, another verifier
    took the review). The rows stay, read, in each list; informational notices are never
    touched. Returns how many."""
    result = db.session.execute(
        db.update(Notification)
        .where(
            Notification.application_id == application_id,
            Notification.asks_action.is_(True),
            Notification.read_at.is_(None),
        )
        .values(read_at=utcnow())
    )
    return int(result.rowcount or 0)


def users_with_role(*roles: Role) -> list[User]:
    """Active users with one of ``roles`` (who staff notifications go to)."""
    query = db.select(User).where(User.role.in_(roles), User.active.is_(True)).order_by(User.id)
    return list(db.session.execute(query).scalars())


# Built once: the navbar bell runs it on every page of a logged-in user.
_UNREAD = db.select(db.func.count(Notification.id)).where(
    Notification.user_id == db.bindparam("user_id"), Notification.read_at.is_(None)
)


def unread_count(user: User) -> int:
    """How many of the user's notifications are unread (one query)."""
    return int(read(_UNREAD, {"user_id": user.id}).scalar_one())


def recent(user: User, limit: int = 50) -> list[Notification]:
    """The user's newest notifications."""
    query = (
        db.select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.id.desc())
        .limit(limit)
    )
    return list(db.session.execute(query).scalars())


def mark_all_read(user: User) -> int:
    """Mark every unread notification of ``user`` read; returns how many."""
    result = db.session.execute(
        db.update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.flush()
    return int(result.rowcount or 0)


def hotline_link(user: User) -> str:
    """The office's WhatsApp click-to-chat link for a party (setting ``contact.whatsapp``)."""
    from sisakat.formatting import wa_link
    from sisakat.services import settings

    if user.role != Role.PEMOHON:
        return ""
    contact = settings.group("contact")
    return wa_link(contact.get("whatsapp"), str(contact.get("whatsapp_message") or ""))
