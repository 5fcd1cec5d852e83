"""Super admin: the catalogue of common Tidak Sesuai reasons."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from sisakat.admin.requirement_forms import ReasonForm
from sisakat.admin.routes import bp
from sisakat.extensions import db
from sisakat.models import ReasonTemplate, Role
from sisakat.policies import role_required
from sisakat.routing import commit_or_show, flash_domain_errors, or_404
from sisakat.services import requirements


@bp.route("/alasan", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def reason_list():
    """The catalogue, and the form that adds a reason."""
    form = ReasonForm()
    if form.validate_on_submit():
        with flash_domain_errors() as outcome:
            requirements.save_reason(None, text=form.text.data, active=True, actor=current_user)
            db.session.commit()
            flash("Alasan ditambahkan.", "success")
        if outcome.ok:
            return redirect(url_for(".reason_list"))
    items = requirements.reasons(active_only=False)
    return render_template("admin/reasons.html", form=form, items=items)


@bp.route("/alasan/<int:reason_id>", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def reason_edit(reason_id: int):
    """Change or deactivate one reason."""
    reason = or_404(db.session.get(ReasonTemplate, reason_id))
    form = ReasonForm(obj=reason)
    if request.method == "GET":
        form.seen.data = requirements.reason_token(reason)
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: requirements.save_reason(
            reason,
            text=form.text.data,
            active=form.active.data,
            actor=current_user,
            seen=form.seen_digest(),
        ),
        lambda: requirements.reason_token(reason),
    ):
        flash("Alasan disimpan.", "success")
        return redirect(url_for(".reason_list"))
    return render_template("admin/reason_form.html", form=form, reason=reason)
