"""Super admin: each service's requirement list (changes never alter past applications)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from sisakat.admin.requirement_forms import MoveForm, RequirementForm
from sisakat.admin.routes import bp
from sisakat.admin.service_catalog import service_from_args
from sisakat.extensions import db
from sisakat.models import Requirement, Role
from sisakat.policies import role_required
from sisakat.routing import commit_or_show, flash_domain_errors, or_404
from sisakat.services import catalog, requirements


@bp.get("/persyaratan")
@role_required(Role.SUPERADMIN)
def requirement_list():
    """A service's list (``?layanan=``) with order buttons."""
    service = service_from_args()
    return render_template(
        "admin/requirements.html",
        items=requirements.all_requirements(service.code),
        move_form=MoveForm(),
        service=service,
        services=catalog.all_services(),
    )


def _values(form: RequirementForm) -> dict:
    values = {k: getattr(form, k).data for k in ("name", "required", "personal_data", "active")}
    values["description"] = form.description.data or ""
    if form.sort_order.data is not None:
        values["sort_order"] = form.sort_order.data
    return values


def _add(form: RequirementForm, service_code: str) -> None:
    values = _values(form)
    values.setdefault("sort_order", (len(requirements.all_requirements(service_code)) + 1) * 10)
    requirements.save(None, values, actor=current_user, service_code=service_code)


@bp.route("/persyaratan/baru", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def requirement_new():
    """Add a requirement at the end of a service's list (or at the given order)."""
    service = service_from_args()
    form = RequirementForm()
    if form.validate_on_submit() and commit_or_show(form, lambda: _add(form, service.code)):
        flash("Persyaratan ditambahkan.", "success")
        return redirect(url_for(".requirement_list", layanan=service.code))
    return render_template("admin/requirement_form.html", form=form, item=None, service=service)


@bp.route("/persyaratan/<int:requirement_id>", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def requirement_edit(requirement_id: int):
    """Edit one requirement (applications keep the copy they were created with)."""
    item = or_404(db.session.get(Requirement, requirement_id))
    form = RequirementForm(obj=item)
    if request.method == "GET":
        form.seen.data = requirements.seen_token(item)
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: requirements.save(item, _values(form), actor=current_user, seen=form.seen_digest()),
        lambda: requirements.seen_token(item),
    ):
        flash("Persyaratan disimpan.", "success")
        return redirect(url_for(".requirement_list", layanan=item.service_code))
    return render_template(
        "admin/requirement_form.html", form=form, item=item, service=catalog.get(item.service_code)
    )


@bp.post("/persyaratan/<int:requirement_id>/pindah")
@role_required(Role.SUPERADMIN)
def requirement_move(requirement_id: int):
    """Move one requirement up (naik) or down (turun)."""
    item = or_404(db.session.get(Requirement, requirement_id))
    form = MoveForm()
    if form.validate_on_submit() and form.direction.data in ("naik", "turun"):
        with flash_domain_errors():
            requirements.move(item, -1 if form.direction.data == "naik" else 1, actor=current_user)
            db.session.commit()
    return redirect(url_for(".requirement_list", layanan=item.service_code))
