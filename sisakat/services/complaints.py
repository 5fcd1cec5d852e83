"""Complaints and suggestions (pengaduan): filing, the secret follow-up link, triage, replies.

Tickets are ``ADU-<year>-<6-digit id>``: the serial is the row id, so two people filing in the
same second can never collide (the year is the filing year in the office zone, for people's
convenience). The complainant's link carries a 128-bit secret (drawn from the form's random
one-time key, ``complaint_repeats.secret_for``) compared in constant time.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from datetime import datetime

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import (
    Complaint,
    ComplaintEntry,
    ComplaintStatus,
    FileKind,
    User,
)
from sisakat.services import (
    audit,
    clock,
    complaint_categories,
    complaint_files,
    complaint_mail,
    concurrency,
    settings,
    text_match,
    working_time,
)
from sisakat.services.complaint_repeats import earlier_copy, secret_for


def now() -> datetime:
    """The current UTC time (frozen in tests through ``services.clock``)."""
    return clock.now()


@dataclass(frozen=True)
class ComplaintInput:
    """What the public form collected (already cleaned by the form)."""

    name: str
    contact: str
    category: str  # a category id, or "d<i>" for a default not yet stored
    body: str
    form_key: str | None = None  # the form's one-time key; None: a complaint of its own


def file_complaint(data: ComplaintInput, upload=None) -> Complaint:
    """Register a complaint; returns it with its ticket and secret (flushed), or the same
    complaint filed moments ago (``complaint_repeats``)."""
    category = complaint_categories.resolve(data.category)
    if category is None:
        raise DomainError("Pilih kategori pengaduan.", field="category")
    if settings.get("complaint.name_required") and not data.name:
        raise DomainError("Nama wajib diisi untuk pengaduan di kantor ini.", field="name")
    moment, fields = now(), {"name": data.name, "contact": data.contact, "body": data.body}
    secret = secret_for(data.form_key)
    if copy := earlier_copy(category.id, secret, moment=moment, upload=upload, **fields):
        return copy  # the same form sent again: its first ticket, nothing stored twice
    attachment = None
    if upload is not None and upload.filename:
        attachment = complaint_files.accept_pdf(upload, kind=FileKind.ATTACHMENT, uploaded_by=None)
    complaint = Complaint(
        secret=secret,
        name=data.name,
        contact=data.contact,
        category_id=category.id,
        body=data.body,
        attachment_id=attachment.id if attachment else None,
        created_at=moment,
        due_at=_due(moment, category.limit_days),
    )
    db.session.add(complaint)
    db.session.flush()
    year = settings.office_date(moment).year  # 00.30 WIT on 1 January files in the new year
    complaint.ticket = ticket_number(year, complaint.id)
    db.session.add(
        ComplaintEntry(
            complaint_id=complaint.id, created_at=moment, status=ComplaintStatus.BARU, message=""
        )
    )
    audit.record("complaint.file", actor=None, object_type="complaint", object_id=complaint.ticket)
    db.session.flush()
    return complaint


def _due(filed_at: datetime, limit_days: int) -> datetime:
    """When a ticket filed at ``filed_at`` falls due: ``limit_days`` working days of the office
    (its open days and holidays, as the application SLA counts), at closing on the last one.
    Stored once at filing: a later change of hours, holidays or the limit moves no filed ticket."""
    hours = working_time.OfficeHours.from_settings()
    return working_time.working_days_due(filed_at, limit_days, hours)


def ticket_number(year: int, serial: int) -> str:
    """A ticket's number: ``ADU-<filing year>-<serial, 6 digits>`` (the one place it is made)."""
    return f"ADU-{year}-{serial:06d}"


def find_by_link(ticket: str, secret: str) -> Complaint | None:
    """The ticket only when the secret matches (constant-time); else None (-> 404). Either in
    any case, as a link typed by hand may be: tickets are ``ADU-...``, and the secret's hex
    digits carry no meaning in their case (lowered, it keeps its 128 bits). The space, full
    stop or comma a link pasted from a sentence brings along is not part of the secret."""
    secret = secret.rstrip(" .,;:!?)")
    complaint = db.session.execute(
        db.select(Complaint).where(Complaint.ticket == ticket[:20].upper())
    ).scalar_one_or_none()
    if complaint is None or not hmac.compare_digest(
        complaint.secret.encode(), secret.lower().encode("utf-8", "replace")
    ):
        return None
    return complaint


def timeline(complaint: Complaint) -> list[ComplaintEntry]:
    """The ticket's steps, oldest first, each with its officer (``actor``) loaded."""
    return list(
        db.session.execute(
            db.select(ComplaintEntry)
            .options(selectinload(ComplaintEntry.actor))
            .where(ComplaintEntry.complaint_id == complaint.id)
            .order_by(ComplaintEntry.id)
        ).scalars()
    )


PER_PAGE = 50
# A ticket number as staff type it: "ADU-2026-000012", "adu-2026-12", "000012" or "12".
TICKET_TYPED = re.compile(r"(?:ADU-?(\d{4})-?)?0*(\d{1,9})", re.IGNORECASE)


def queue(*, open_only: bool = False, search: str = "", page_no: int = 1) -> Pagination:
    """One page of tickets for staff: open ones first by due time, then the closed ones, the
    last closed first. ``search`` matches the ticket number (any case, with or without the
    ``ADU-<year>-`` part and its zeros) or, as typed in any case, the complaint's text, the
    name or the contact (digits may be a phone number as well as a ticket). A typed year must
    be the ticket's own: "ADU-2025-12" never finds ADU-2026-000012."""
    closed = Complaint.status == ComplaintStatus.SELESAI
    query = db.select(Complaint).order_by(
        closed, db.case((~closed, Complaint.due_at)), Complaint.closed_at.desc(), Complaint.id
    )
    if open_only:
        query = query.where(~closed)
    if search:
        query = query.where(_matching(search))
    return db.paginate(query, page=page_no, per_page=PER_PAGE, error_out=False)


def _matching(search: str):
    """The search box's condition: the ticket it names, or the words in the text fields."""
    words = text_match.contains_any((Complaint.body, Complaint.name, Complaint.contact), search)
    typed = TICKET_TYPED.fullmatch(search.strip())
    if typed is None:
        return words
    year, serial = typed.groups()
    if year is None:
        return db.or_(Complaint.id == int(serial), words)
    return db.or_(Complaint.ticket == ticket_number(int(year), int(serial)), words)


def overdue_count() -> int:
    """How many open tickets are past their time limit (all of them, not one page's)."""
    return db.session.execute(
        db.select(db.func.count())
        .select_from(Complaint)
        .where(Complaint.status != ComplaintStatus.SELESAI, Complaint.due_at < now())
    ).scalar_one()


def respond(
    complaint: Complaint,
    *,
    message: str,
    status: ComplaintStatus,
    actor: User,
    seen_version: int | None,
) -> None:
    """Staff triage/reply/close: one timed entry; closing needs a reply and is final.

    ``seen_version`` is the complaint's version the staff member's page showed: another
    officer's reply since (or a missing or forged version) is refused (``StaleRecord``, naming
    who answered and when), so two replies never cross unseen."""
    if seen_version != complaint.version and _already_sent(complaint, actor, status, message):
        return  # the same click arrived twice: store it once
    concurrency.check_version(seen_version, complaint, lambda: _replied_meanwhile(complaint))
    _check_reply(complaint, status, message)
    moment = now()
    entry = ComplaintEntry(complaint_id=complaint.id, created_at=moment, actor_id=actor.id)
    entry.status, entry.message = status, message
    db.session.add(entry)
    complaint.status = status
    flag_modified(complaint, "status")  # an UPDATE (and a new version) even when it stays
    if status == ComplaintStatus.SELESAI:
        complaint.closed_at = moment
    concurrency.flush_versioned(lambda: _replied_meanwhile(complaint))
    complaint_mail.send_step(complaint, entry)  # the complainant's copy, if they left an e-mail
    audit.record(
        "complaint.respond",
        actor=actor,
        object_type="complaint",
        object_id=complaint.ticket,
        details={"status": status.value},
    )
    db.session.flush()


def _check_reply(complaint: Complaint, status: ComplaintStatus, message: str) -> None:
    """A closed ticket takes no more replies; closing needs a reply."""
    if complaint.status == ComplaintStatus.SELESAI:
        raise DomainError("Pengaduan ini sudah selesai.")
    if status == ComplaintStatus.BARU:
        raise DomainError("Pilih status Diproses atau Selesai.", field="status")
    if status == ComplaintStatus.SELESAI and not message:
        raise DomainError("Tulis jawaban sebelum menutup pengaduan.", field="message")


def _newest_entry(complaint: Complaint) -> ComplaintEntry | None:
    return db.session.execute(
        db.select(ComplaintEntry)
        .where(ComplaintEntry.complaint_id == complaint.id)
        .order_by(ComplaintEntry.id.desc())
        .limit(1)
    ).scalar()


def _already_sent(complaint: Complaint, actor: User, status: ComplaintStatus, message: str):
    """The newest step is this very reply by this very officer (a double click)."""
    last = _newest_entry(complaint)
    return (
        last is not None
        and last.actor_id == actor.id
        and (last.status, last.message) == (status, message)
        and complaint.status == status
    )


def _replied_meanwhile(complaint: Complaint) -> str:
    """The refusal of a reply from an out-of-date ticket page: who answered last, and when."""
    last = _newest_entry(complaint)
    actor = db.session.get(User, last.actor_id) if last and last.actor_id else None
    return concurrency.changed_message(
        actor.display_name if actor else None,
        last.created_at if actor else None,
        subject="Pengaduan ini sudah ditanggapi" if actor else "Pengaduan ini sudah berubah",
        advice="Tanggapan Anda belum tersimpan: bacalah riwayat di atas, lalu kirim lagi bila "
        "tanggapan Anda masih diperlukan.",
    )
