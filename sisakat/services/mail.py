"""E-mail through an outbox: ``enqueue`` joins the caller's transaction; ``deliver_due`` sends
after the commit, outside any request, with exponential retry.

Delivery never runs inside a request: a cron/Task Scheduler job (``flask --app app send-mail``) or
the optional background thread of app.py calls ``deliver_due``. Several processes may run it at
once: each row is claimed with a guarded UPDATE (``status='pending'``), so only one sends it.
"""

from __future__ import annotations

import logging
import smtplib
import threading
from datetime import datetime, timedelta
from email.message import EmailMessage

from flask import Flask, current_app

from sisakat.config import public_base_url
from sisakat.extensions import db
from sisakat.models import (
    EMAIL_KINDS,
    EmailPreference,
    EmailStatus,
    OutgoingEmail,
    Role,
    User,
    utcnow,
)
from sisakat.services import audit, parties, reminder_texts

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BASE_DELAY = timedelta(minutes=1)  # 1, 2, 4, 8, 16 minutes between attempts
STALE_CLAIM = timedelta(minutes=10)  # a sender that died mid-send: the row is retried
SMTP_TIMEOUT = 15


def wants(user: User, kind: str) -> bool:
    """Whether ``user`` wants e-mails of ``kind`` (no preference row = every kind on)."""
    if not user.email or not user.active:
        return False
    pref = db.session.get(EmailPreference, user.id)
    return True if pref is None else bool(getattr(pref, kind, True))


def enqueue(to: str, subject: str, body: str, *, kind: str = "") -> OutgoingEmail:
    """Add one message to the outbox (flushed; sent only if the caller's transaction commits).

    Header values are folded onto one line: a subject carrying a staff note with line breaks
    would otherwise make ``EmailMessage`` refuse the message at every sending attempt."""
    subject = " ".join(subject.split())
    row = OutgoingEmail(
        to_address=to.strip()[:254], subject=subject[:255], body=body, kind=kind[:32]
    )
    db.session.add(row)
    db.session.flush()
    return row


def notification_email(
    user: User,
    message: str,
    link: str,
    *,
    kind: str,
    subject: str | None = None,
    next_step: str = "",
) -> None:
    """The e-mail copy of an in-app notification, when the user opted in to ``kind``.
    ``subject``: a short one (the message without a staff note, which the body carries);
    ``next_step``: what the reader does next, its own paragraph after the message."""
    if not wants(user, kind):
        return
    base = public_base_url(current_app.config)  # the QR codes' address, however typed
    url = base + link if link and base else ""
    # The bare Jinja template: no request context processors (the CLI sends reminders too).
    template = current_app.jinja_env.get_template(f"email/{kind}.txt")
    settings_url = page_url("auth.notification_preferences", {})
    body = template.render(
        user=user, message=message, next_step=next_step, url=url, settings_url=settings_url
    )
    enqueue(user.email, "[SISAKAT] " + (subject or message)[:200], body, kind=kind)


def page_url(endpoint: str, values: dict) -> str:
    """The absolute address of a page for an e-mail: the configured public address and the
    route's path (from the URL map, so also outside a request: the CLI sends reminders), or ""
    when no public address is set (never the request's host)."""
    base = public_base_url(current_app.config)
    return base + current_app.url_map.bind("").build(endpoint, values) if base else ""


def _claim(row_id: int, now: datetime) -> bool:
    """Take one row for sending; False when another process got it first."""
    stale = now - STALE_CLAIM
    result = db.session.execute(
        db.update(OutgoingEmail)
        .where(
            OutgoingEmail.id == row_id,
            db.or_(
                OutgoingEmail.status == EmailStatus.PENDING,
                db.and_(
                    OutgoingEmail.status == EmailStatus.SENDING, OutgoingEmail.claimed_at < stale
                ),
            ),
        )
        .values(status=EmailStatus.SENDING, claimed_at=now)
    )
    db.session.commit()
    return result.rowcount == 1


def _smtp_send(row: OutgoingEmail) -> None:
    """One SMTP conversation (raises on any failure)."""
    cfg = current_app.config
    msg = EmailMessage()
    msg["From"] = cfg.get("SMTP_SENDER") or cfg.get("SMTP_USER") or "sisakat@localhost"
    msg["To"] = row.to_address
    msg["Subject"] = row.subject
    msg.set_content(row.body)
    with smtplib.SMTP(cfg["SMTP_HOST"], int(cfg["SMTP_PORT"]), timeout=SMTP_TIMEOUT) as smtp:
        if cfg.get("SMTP_USE_TLS"):
            smtp.starttls()
        if cfg.get("SMTP_USER"):
            smtp.login(cfg["SMTP_USER"], cfg.get("SMTP_PASSWORD") or "")
        smtp.send_message(msg)


def _error_text(exc: Exception) -> str:
    """A short error for the row, with the password removed should a server echo it."""
    text = f"{type(exc).__name__}: {exc}"
    secret = str(current_app.config.get("SMTP_PASSWORD") or "")
    if secret:
        text = text.replace(secret, "***")
    return text[:500]


def _finish(row: OutgoingEmail, error: Exception | None, now: datetime) -> bool:
    """Record the outcome of one attempt; True when sent."""
    row.attempts += 1
    if error is None:
        row.status, row.sent_at, row.last_error = EmailStatus.SENT, utcnow(), ""
    else:
        row.last_error = _error_text(error)
        give_up = row.attempts >= MAX_ATTEMPTS
        row.status = EmailStatus.FAILED if give_up else EmailStatus.PENDING
        row.next_attempt_at = now + BASE_DELAY * (2 ** (row.attempts - 1))
        log.warning("e-mail %s attempt %s failed: %s", row.id, row.attempts, row.last_error)
    db.session.commit()
    return error is None


def waiting() -> int:
    """E-mails in the outbox not sent yet (pending or being sent)."""
    return db.session.execute(
        db.select(db.func.count(OutgoingEmail.id)).where(
            OutgoingEmail.status.in_((EmailStatus.PENDING, EmailStatus.SENDING))
        )
    ).scalar_one()


def deliver_due(*, now: datetime | None = None, limit: int = 50) -> tuple[int, int]:
    """Send the due messages; returns ``(sent, failed attempts)``. Commits per message."""
    now = now or utcnow()
    if not current_app.config.get("SMTP_HOST"):
        return 0, 0
    due = db.select(OutgoingEmail.id).where(
        db.or_(
            db.and_(
                OutgoingEmail.status == EmailStatus.PENDING, OutgoingEmail.next_attempt_at <= now
            ),
            db.and_(
                OutgoingEmail.status == EmailStatus.SENDING,
                OutgoingEmail.claimed_at < now - STALE_CLAIM,
            ),
        )
    )
    ids = list(db.session.execute(due.order_by(OutgoingEmail.id).limit(limit)).scalars())
    db.session.commit()  # no transaction stays open across the SMTP conversation
    sent = failed = 0
    for row_id in ids:
        if not _claim(row_id, now):
            continue
        row = db.session.get(OutgoingEmail, row_id)
        db.session.commit()
        try:
            _smtp_send(row)
            error = None
        except (OSError, smtplib.SMTPException, ValueError) as exc:
            # ValueError: a header the email package refuses (a row written before folding);
            # it fails this row instead of stopping the whole run with the row stuck "sending".
            error = exc
        if _finish(row, error, now):
            sent += 1
        else:
            failed += 1
    return sent, failed


def start_background_sender(app: Flask, *, interval: float = 30.0) -> threading.Thread:
    """A daemon thread that delivers the outbox every ``interval`` seconds (app.py, SMTP only)."""

    def loop() -> None:
        stop = threading.Event()
        while not stop.wait(interval):
            with app.app_context():
                try:
                    deliver_due()
                except Exception:  # the thread must survive a database hiccup
                    log.exception("background e-mail delivery failed")
                    db.session.rollback()
                finally:
                    db.session.remove()

    thread = threading.Thread(target=loop, name="sisakat-mail", daemon=True)
    thread.start()
    return thread


def preferences(user: User) -> dict[str, bool]:
    """The user's choice per e-mail kind (defaults: all on)."""
    pref = db.session.get(EmailPreference, user.id)
    return {kind: True if pref is None else bool(getattr(pref, kind)) for kind, _l in EMAIL_KINDS}


def preference_labels(user: User) -> dict[str, str]:
    """The label of each e-mail kind as ``user`` reads it: the reminders name the letter of the
    applicant's own kind (an ormas holds a Surat Keterangan Melapor, never an SKT); staff, who
    serve every kind, read neutral wording."""
    labels = dict(EMAIL_KINDS)
    if user.role == Role.PEMOHON:
        kind = parties.kind_of(getattr(user, "party", None))
        labels["reminders"] = reminder_texts.PREFERENCES[kind]
    else:
        labels["reminders"] = reminder_texts.NEUTRAL_PREFERENCE
    return labels


def save_preferences(user: User, choices: dict[str, bool]) -> None:
    """Store the user's choices (flush) and audit the change."""
    pref = db.session.get(EmailPreference, user.id)
    if pref is None:
        pref = EmailPreference(user_id=user.id)
        db.session.add(pref)
    for kind, _label in EMAIL_KINDS:
        setattr(pref, kind, bool(choices.get(kind)))
    audit.record(
        "email.preferences",
        actor=user,
        object_type="user",
        object_id=user.id,
        details={k: bool(v) for k, v in choices.items()},
    )
    db.session.flush()
