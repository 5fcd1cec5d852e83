"""Flask-Login wiring: the epoch-checked user loader and idle/absolute session timeouts."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask, flash, g, jsonify, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user, login_url, logout_user
from itsdangerous import URLSafeTimedSerializer

from sisakat.extensions import db, login_manager
from sisakat.models import Role, User
from sisakat.routing import from_script
from sisakat.services import clock

# Built once: every logged-in request runs it, and ``session.get`` rebuilds its SELECT (and the
# statement's cache key) on each call, ~0.3 ms of Python more than running a ready statement.
_USER_BY_ID = sa.select(User).where(User.id == sa.bindparam("ident"))


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """``<id>:<epoch>``: a stale epoch (logout, password change, deactivation) is refused."""
    ident, _, epoch = user_id.partition(":")
    if not ident.isdigit() or not epoch.isdigit():
        return None
    user = db.session.execute(_USER_BY_ID, {"ident": int(ident)}).scalar_one_or_none()
    if user is None or not user.is_active or user.session_epoch != int(epoch):
        return None
    return user


def start_session(user: User, *, now: float | None = None) -> None:
    """Record login time for the absolute timeout (the caller has cleared the session)."""
    stamp = clock.timestamp() if now is None else now
    session["login_at"] = stamp
    session["seen_at"] = stamp


class SessionCookies(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with its signing serializer built once per set of keys:
    Flask builds it again when it opens and when it saves each request's cookie (~45 Python
    calls each), though it depends only on ``SECRET_KEY`` and ``SECRET_KEY_FALLBACKS``, which
    are compared on every request, so a changed key takes effect at once."""

    _built: tuple[tuple, URLSafeTimedSerializer | None] | None = None

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        """The serializer of the app's current keys (None without a secret key, as Flask)."""
        keys = (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))
        built = self._built
        if built is None or built[0] != keys:
            built = self._built = (keys, super().get_signing_serializer(app))
        return built[1]


EXPIRED = "Sesi Anda berakhir. Silakan masuk kembali."
MUST_CHANGE = (
    "Kata sandi akun Anda ditetapkan oleh {by}. Ganti dengan kata sandi Anda sendiri "
    "sebelum melanjutkan."
)


def must_change_message(user) -> str:
    """Why ``user`` is held at Ubah Kata Sandi, naming who set the password as the user knows
    them: staff know the super admin as "admin", a party only the office's staff."""
    return MUST_CHANGE.format(by="petugas kantor" if user.role == Role.PEMOHON else "admin")


# What an account held at Ubah Kata Sandi may still reach: that page, leaving, the session
# ping of its form, the static files and the monitor's health check.
CHANGE_PAGE = "auth.change_password"
OPEN_WHILE_HELD = frozenset({CHANGE_PAGE, "auth.logout", "auth.keep_alive", "static"})


def hold_for_password_change(user):
    """While the account's password is one the admin typed (``must_change_password``), every
    other request of the logged-in ``user`` leads to Ubah Kata Sandi (a page script gets JSON
    403). Called by the timeout check, which has the user at hand: no hook of its own."""
    if not user.must_change_password:
        return None
    if request.endpoint in OPEN_WHILE_HELD or request.endpoint == "public.healthz":
        return None
    if from_script():
        return jsonify(ok=False, message=must_change_message(user)), 403
    return redirect(url_for(CHANGE_PAGE))


@login_manager.unauthorized_handler
def _unauthorized():
    """A page script (the upload progress bar) gets JSON it can show; a page gets the login
    form with one message and a way back (``next``)."""
    if from_script():
        message = EXPIRED if g.get("session_expired") else login_manager.login_message
        message += " Muat ulang halaman; berkas belum terkirim."
        return jsonify(ok=False, message=message), 401
    if not g.get("session_expired"):
        flash(login_manager.login_message, login_manager.login_message_category)
    return redirect(login_url(login_manager.login_view, next_url=request.url))


def init_app(app: Flask) -> None:
    """Configure the login manager and enforce idle and absolute timeouts on every request."""
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."
    login_manager.login_message_category = "warning"
    login_manager.session_protection = "basic"

    app.session_interface = SessionCookies()

    @app.before_request
    def _enforce_timeouts():
        user = current_user._get_current_object()
        if not user.is_authenticated:
            return None
        now = clock.timestamp()
        idle = app.config["SESSION_IDLE_MINUTES"] * 60
        absolute = app.config["SESSION_ABSOLUTE_HOURS"] * 3600
        cookie = session._get_current_object()  # read twice below: one proxy lookup
        login_at = cookie.get("login_at", now)
        seen_at = cookie.get("seen_at", now)
        if now - seen_at > idle or now - login_at > absolute:
            logout_user()
            session.clear()
            g.session_expired = True  # the login page says so once, not twice
            if not from_script():
                flash(EXPIRED, "warning")
            return None
        # Only refresh the stamp once a minute so GETs do not rewrite the cookie each time.
        if now - seen_at > 60:
            session["seen_at"] = now
        return hold_for_password_change(user)  # after the timeouts: a stale session is out
