"""Super admin: browse and filter the audit trail (read-only: no route changes it)."""

from __future__ import annotations

from flask import render_template, request

from sisakat.admin.requirement_forms import AuditFilterForm
from sisakat.admin.routes import bp
from sisakat.forms_common import page_number
from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.services import audit_labels
from sisakat.services import audit_log as audit_log_service


@bp.get("/log-audit")
@role_required(Role.SUPERADMIN)
def audit_log():
    """Filter by action, actor, object and date range; paginated, newest first."""
    form = AuditFilterForm(request.args)
    filters = audit_log_service.AuditFilter()
    if form.validate():
        filters = audit_log_service.AuditFilter(
            action=form.action.data or "",
            actor=form.actor.data or "",
            object=form.object.data or "",
            date_from=form.date_from.data,
            date_to=form.date_to.data,
        )
    page_no = page_number(request.args)
    pagination = audit_log_service.search(filters, page_no=page_no)
    args = {k: v for k, v in request.args.items() if k != "halaman"}
    return render_template(
        "admin/audit_log.html",
        form=form,
        pagination=pagination,
        args=args,
        action_label=audit_labels.action_label,
        outcome_label=audit_labels.outcome_label,
    )
