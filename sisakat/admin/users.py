"""User administration: list, create staff accounts, edit, (de)activate, reset passwords."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from sisakat.admin.routes import bp
from sisakat.admin.user_forms import (
    ResetPasswordForm,
    StaffCreateForm,
    StaffEditForm,
    UserFilterForm,
)
from sisakat.auth.forms import PASSWORD_HELP
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.forms_common import ActionForm, page_number
from sisakat.models import Role, User
from sisakat.policies import role_required
from sisakat.routing import commit_or_show, show_domain_error
from sisakat.services import users


def _load_user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _details(form: StaffEditForm) -> dict:
    """The editable values from a form; a Pemohon's form has only e-mail and name."""

    def value(name: str) -> str | None:
        return (form[name].data or None) if name in form else None

    return {
        "email": form.email.data,
        "full_name": form.full_name.data,
        "role": Role(form.role.data) if "role" in form else Role.PEMOHON,
        "position": value("position") or "",
        "nip": value("nip"),
        "nik": value("nik"),
    }


def _edit_form(user: User) -> StaffEditForm:
    form = StaffEditForm(obj=user)
    if user.role == Role.PEMOHON:
        for name in ("role", "position", "nip", "nik"):  # a party account stays a party account
            del form[name]
    return form


@bp.get("/pengguna")
@role_required(Role.SUPERADMIN)
def user_list():
    """All accounts, filtered by role and a search on name, username and e-mail."""
    form = UserFilterForm(request.args)
    form.validate()  # a bad value drops that filter only
    role = Role(form.role.data) if form.role.data and not form.role.errors else None
    search = (form.q.data or "") if not form.q.errors else ""
    page = page_number(request.args)
    pagination = users.list_users(role=role, search=search, page=page)
    return render_template(
        "admin/users/list.html", form=form, pagination=pagination, action_form=ActionForm()
    )


@bp.route("/pengguna/baru", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def create_user():
    """A new staff account (Verifikator, Penandatangan or Super admin)."""
    form = StaffCreateForm()
    if form.validate_on_submit():
        try:
            user = users.create_staff(
                actor=current_user,
                username=form.username.data,
                password=form.password.data,
                **_details(form),
            )
            db.session.commit()
        except DomainError as exc:
            show_domain_error(exc, form)
        else:
            flash(f"Akun {user.username} berhasil dibuat. {users.OWNER_CHANGES}", "success")
            return redirect(url_for(".user_list"))
    return render_template("admin/users/form.html", form=form, password_help=PASSWORD_HELP)


@bp.route("/pengguna/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def edit_user(user_id: int):
    """Edit an account's details; also the place for its activation and password reset."""
    user = _load_user_or_404(user_id)
    form = _edit_form(user)
    if request.method == "GET":
        form.seen.data = users.seen_token(user)
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: users.update_user(
            user, actor=current_user, seen=form.seen_digest(), **_details(form)
        ),
        lambda: users.seen_token(user),  # reloaded after the rollback: what is stored now
    ):
        flash("Data pengguna disimpan.", "success")
        return redirect(url_for(".edit_user", user_id=user_id))
    return _edit_page(user, form, ResetPasswordForm(formdata=None))


def _edit_page(user: User, form: StaffEditForm, reset_form: ResetPasswordForm) -> str:
    """The account's page: its details form, its status and the password reset form."""
    return render_template(
        "admin/users/form.html",
        form=form,
        user=user,
        action_form=ActionForm(),
        reset_form=reset_form,
        password_help=PASSWORD_HELP,
    )


def _set_active(user_id: int, active: bool, done: str):
    user = _load_user_or_404(user_id)
    if ActionForm().validate_on_submit():
        try:
            users.set_active(user, active, actor=current_user)
            db.session.commit()
            flash(done.format(user.username), "success")
        except DomainError as exc:
            db.session.rollback()
            flash(exc.message, "danger")
    return redirect(url_for(".edit_user", user_id=user_id))


@bp.post("/pengguna/<int:user_id>/nonaktifkan")
@role_required(Role.SUPERADMIN)
def deactivate_user(user_id: int):
    """Deactivate an account: it cannot log in and its sessions stop at once."""
    return _set_active(user_id, False, "Akun {} dinonaktifkan; semua sesinya berakhir.")


@bp.post("/pengguna/<int:user_id>/aktifkan")
@role_required(Role.SUPERADMIN)
def activate_user(user_id: int):
    """Activate an account again."""
    return _set_active(user_id, True, "Akun {} diaktifkan kembali.")


@bp.post("/pengguna/<int:user_id>/reset-kata-sandi")
@role_required(Role.SUPERADMIN)
def reset_password(user_id: int):
    """Set a new password typed by the super admin; the account's sessions end."""
    user = _load_user_or_404(user_id)
    form = ResetPasswordForm(identities=(user.username, user.email or ""))
    if form.validate_on_submit():
        try:
            users.reset_password(user, actor=current_user, password=form.password.data)
            db.session.commit()
        except DomainError as exc:
            show_domain_error(exc, form)
        else:
            flash(
                f"Kata sandi {user.username} diganti; sampaikan kepada pemiliknya. "
                f"{users.OWNER_CHANGES}",
                "success",
            )
            return redirect(url_for(".edit_user", user_id=user_id))
    # Every problem beside its field at once; the details form shows what is stored.
    edit_form = _edit_form(user)
    edit_form.seen.data = users.seen_token(user)
    return _edit_page(user, edit_form, form)
