"""Staff complaint triage: the queue (overdue tickets stand out), a ticket, reply and close."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from sisakat.db_setup import writes_on_get
from sisakat.exceptions import DomainError, StaleRecord
from sisakat.extensions import db
from sisakat.forms_common import filter_args, page_number
from sisakat.models import Complaint, ComplaintStatus, Role
from sisakat.policies import role_required
from sisakat.reports.forms import PeriodForm
from sisakat.routing import XLSX, download, show_domain_error
from sisakat.services import audit, complaint_mail, complaints, numbering, storage, table_export
from sisakat.services import complaint_stats as complaint_stats_service
from sisakat.verification.forms import ComplaintFilterForm, ComplaintReplyForm
from sisakat.verification.routes import bp

TRIAGE_ROLES = (Role.VERIFIKATOR, Role.SUPERADMIN)


# A template global, not a context processor: a constant function needs no per-page call.
@bp.app_template_global()
def can_triage_complaints(user) -> bool:
    """Verifikator and Super admin handle complaints (used by the navigation)."""
    return bool(user is not None and user.is_authenticated and user.role in TRIAGE_ROLES)


def _load(complaint_id: int) -> Complaint:
    complaint = db.session.get(Complaint, complaint_id)
    if complaint is None:
        abort(404)
    return complaint


@bp.get("/pengaduan")
@role_required(*TRIAGE_ROLES)
def complaint_queue():
    """Open tickets by due time (``?semua=1``: closed ones too), searchable (``?q=``), paged;
    overdue ones flagged."""
    form = ComplaintFilterForm(request.args)
    open_only, search = form.chosen()
    pagination = complaints.queue(
        open_only=open_only, search=search, page_no=page_number(request.args)
    )
    now = complaints.now()
    return render_template(
        "verification/complaints.html",
        form=form,
        pagination=pagination,
        rows=pagination.items,
        overdue={c.id for c in pagination.items if c.is_overdue(now)},
        overdue_total=complaints.overdue_count(),
        args=filter_args(form, request.args),
    )


@bp.get("/pengaduan/statistik")
@role_required(*TRIAGE_ROLES)
def complaint_stats():
    """Per category, for a period: received, still open, closed, closed in time, average days
    to close (UU 25/2009 reporting; ``PeriodForm``: this year to date by default)."""
    form = PeriodForm(request.args)
    start, end = form.period(numbering.office_today())
    lines, total = complaint_stats_service.by_category(start, end)
    return render_template(
        "verification/complaint_stats.html",
        form=form,
        start=start,
        end=end,
        lines=lines,
        total=total,
    )


@bp.get("/pengaduan/statistik.xlsx")
@role_required(*TRIAGE_ROLES)
def complaint_stats_xlsx():
    """The same table as an XLSX, its first line naming the day and the period."""
    today = numbering.office_today()
    start, end = PeriodForm(request.args).period(today)
    table = complaint_stats_service.table(*complaint_stats_service.by_category(start, end))
    data = table_export.xlsx(complaint_stats_service.title(start, end, today), [table])
    return download(data, XLSX, f"statistik-pengaduan-{start:%Y%m%d}-{end:%Y%m%d}.xlsx")


@bp.get("/pengaduan/<int:complaint_id>")
@role_required(*TRIAGE_ROLES)
def complaint_detail(complaint_id: int):
    """One ticket with its timeline and the reply form."""
    complaint = _load(complaint_id)
    return _detail(complaint, ComplaintReplyForm(version=complaint.version))


def _detail(complaint: Complaint, form: ComplaintReplyForm):
    """The ticket page; ``form`` keeps what was typed when a reply was refused."""
    return render_template(
        "verification/complaint_detail.html",
        complaint=complaint,
        entries=complaints.timeline(complaint),
        overdue=complaint.is_overdue(complaints.now()),
        can_respond=complaint.status != ComplaintStatus.SELESAI,
        reply_note=complaint_mail.desk_note(complaint),
        form=form,
    )


@bp.post("/pengaduan/<int:complaint_id>/tanggapi")
@role_required(*TRIAGE_ROLES)
def respond_complaint(complaint_id: int):
    """Triage, reply or close a ticket (one timed entry)."""
    complaint = _load(complaint_id)
    form = ComplaintReplyForm()
    if not form.validate_on_submit():
        return _detail(complaint, form)  # the field errors beside the fields; the text kept
    try:
        complaints.respond(
            complaint,
            message=form.message.data or "",
            status=ComplaintStatus(form.status.data),
            actor=current_user,
            seen_version=form.seen_version(),
        )
        db.session.commit()
    except DomainError as exc:
        show_domain_error(exc, form)
        complaint = _load(complaint_id)
        if isinstance(exc, StaleRecord):  # the page now shows the other reply: a resend adds
            form.version.data = str(complaint.version)
        return _detail(complaint, form)
    flash("Tanggapan disimpan.", "success")
    return redirect(url_for(".complaint_detail", complaint_id=complaint_id))


@bp.get("/pengaduan/<int:complaint_id>/lampiran")
@role_required(*TRIAGE_ROLES)
@writes_on_get
def complaint_attachment(complaint_id: int):
    """The complaint's PDF attachment (viewing is audited: it may hold personal data)."""
    complaint = _load(complaint_id)
    if complaint.attachment is None:
        abort(404)
    audit.record(
        "complaint.attachment_view",
        actor=current_user,
        object_type="complaint",
        object_id=complaint.ticket,
    )
    db.session.commit()
    return storage.send(complaint.attachment)
