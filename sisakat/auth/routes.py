"""Authentication routes."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from sisakat.auth.forms import LoginForm
from sisakat.extensions import db
from sisakat.forms_common import ActionForm
from sisakat.navigation import home_endpoint
from sisakat.services import accounts, audit
from sisakat.sessions import start_session

bp = Blueprint("auth", __name__, url_prefix="/akun")


def safe_next(target: str | None) -> str | None:
    """Only local paths: no scheme, no host, no ``//`` or ``/\\`` tricks."""
    if not target:
        return None
    target = target.strip()
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith(("//", "/\\"))
    ):
        return None
    if any(ord(ch) < 32 for ch in target) or "\\" in target:
        return None
    return target


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    """Log in with username or e-mail."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user)))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.username.data, form.password.data)
        db.session.commit()
        if user is None:
            flash("Nama pengguna atau kata sandi salah, atau akun tidak aktif.", "danger")
        else:
            session.clear()  # no session fixation: a fresh session at login
            login_user(user)
            start_session(user)
            return redirect(safe_next(request.args.get("next")) or url_for(home_endpoint(user)))
    return render_template("auth/login.html", form=form)


@bp.post("/keluar")
@login_required
def logout():
    """Log out and end every copy of this session."""
    form = ActionForm()
    if form.validate_on_submit():
        accounts.end_sessions(current_user)
        audit.record("auth.logout", actor=current_user)
        db.session.commit()
        logout_user()
        session.clear()
        flash("Anda telah keluar.", "info")
    return redirect(url_for("public.index"))
