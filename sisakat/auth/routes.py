"""Authentication routes: login, logout, party and ormas sign-up, password change."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from sisakat.auth.forms import PASSWORD_HELP, ChangePasswordForm, LoginForm, RegisterForm
from sisakat.errors import render_error
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.forms_common import ActionForm
from sisakat.models import User
from sisakat.navigation import home_endpoint
from sisakat.routing import show_domain_error
from sisakat.services import accounts, audit, office_contacts
from sisakat.sessions import must_change_message, start_session

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


def _begin_session(user: User) -> None:
    """A brand-new session for ``user``: nothing from the anonymous session survives."""
    session.clear()  # no session fixation: the cookie value changes at login
    login_user(user)
    start_session(user)


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    """Log in with username or e-mail; failures are rate limited per account and per address."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user)))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(
                form.username.data, form.password.data, ip=request.remote_addr or ""
            )
        except accounts.LoginThrottled as exc:
            db.session.commit()  # keep the audit row of the refused attempt
            body, code = render_error(429, exc.message)
            return body, code, {"Retry-After": str(accounts.LOGIN_ACCOUNT_LIMIT.seconds)}
        db.session.commit()
        if user is None:
            flash("Nama pengguna atau kata sandi salah, atau akun tidak aktif.", "danger")
        else:
            _begin_session(user)
            return redirect(safe_next(request.args.get("next")) or url_for(home_endpoint(user)))
    return render_template("auth/login.html", form=form, contacts=office_contacts.contacts())


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


@bp.route("/daftar", methods=["GET", "POST"])
def register():
    """Sign-up of a party board or an ormas: the account and its applicant row, then straight to
    the dashboard. An ormas alike an existing one is shown the similar ones first and must
    confirm (``accounts.SimilarOrmasExists``)."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user)))
    form = RegisterForm()
    similar = []
    if form.validate_on_submit():
        try:
            user = _register(form)
            db.session.commit()
        except accounts.SimilarOrmasExists as exc:
            similar = _ask_to_confirm(form, exc)
        except accounts.RegistrationThrottled as exc:
            return _too_many_sign_ups(exc)
        except DomainError as exc:
            show_domain_error(exc, form)  # a weak password beside its field; the rest flashed
        else:
            return _welcome(user, form)
    return render_template(
        "auth/register.html", form=form, password_help=PASSWORD_HELP, similar=similar
    )


def _ask_to_confirm(form: RegisterForm, exc: accounts.SimilarOrmasExists) -> list:
    """Nothing is kept: the ormas alike the new one are shown, and the confirmation box must
    be ticked again."""
    db.session.rollback()
    form.confirm_similar.data = False
    return exc.similar


def _too_many_sign_ups(exc: accounts.RegistrationThrottled):
    """Nothing is kept: 429 with the time to wait (``Retry-After``)."""
    db.session.rollback()
    body, code = render_error(429, exc.message)
    return body, code, {"Retry-After": str(accounts.REGISTER_IP_LIMIT.seconds)}


def _welcome(user: User, form: RegisterForm):
    """Signed up: the new account's session, then its dashboard with a hint to complete the
    profile."""
    _begin_session(user)
    noun = "ormas" if form.is_ormas else "partai"
    flash(f"Akun berhasil dibuat. Silakan lengkapi profil {noun}.", "success")
    return redirect(url_for(home_endpoint(user)))


def _register(form: RegisterForm) -> User:
    """One service call for the chosen kind of applicant. A refusal for a taken e-mail is
    committed: it wrote only its rate-limit count (``accounts.EmailTaken``)."""
    try:
        return _register_kind(form)
    except accounts.EmailTaken:
        db.session.commit()
        raise


def _register_kind(form: RegisterForm) -> User:
    """``accounts.register_ormas`` or ``register_party`` with the form's values."""
    if form.is_ormas:
        return accounts.register_ormas(
            name=form.ormas_name.data,
            abbreviation=form.ormas_abbreviation.data or "",
            chair=form.chair_name.data,
            email=form.email.data,
            password=form.password.data,
            confirmed_similar=bool(form.confirm_similar.data),
            ip=request.remote_addr or "",
        )
    return accounts.register_party(
        board_name=form.board_name.data,
        email=form.email.data,
        password=form.password.data,
        ip=request.remote_addr or "",
    )


@bp.route("/kata-sandi", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password; other sessions of the account end, this one continues."""
    user = current_user._get_current_object()
    form = ChangePasswordForm(identities=(user.username, user.email or ""))
    if form.validate_on_submit():
        try:
            accounts.change_password(user, current=form.current.data, new=form.password.data)
            db.session.commit()
        except accounts.WrongPassword as exc:
            db.session.commit()  # keep the counted failure and its audit row
            form.current.errors = [exc.message]
        except DomainError as exc:
            show_domain_error(exc, form)  # beside its field (focused), or flashed
        else:
            login_user(user)  # the new epoch: this browser stays in, copied cookies do not
            flash("Kata sandi berhasil diubah. Sesi di perangkat lain telah diakhiri.", "success")
            return redirect(url_for(home_endpoint(user)))
    held = must_change_message(user) if user.must_change_password else None
    return render_template(
        "auth/change_password.html", form=form, password_help=PASSWORD_HELP, held=held
    )
