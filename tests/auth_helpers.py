"""Helpers for the account tests: logging in through the real form, cookies, a fake clock."""

from __future__ import annotations

from flask import current_app

from tests.factories import PASSWORD

COOKIE = "sisakat_session"
LOGIN_URL = "/akun/masuk"


def form_login(client, username: str, password: str = PASSWORD, *, ip: str = "10.0.0.1", **kw):
    """POST the login form from ``ip``; returns the response."""
    return client.post(
        LOGIN_URL,
        data={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": ip},
        **kw,
    )


def cookie_value(client) -> str | None:
    """The session cookie the client currently holds."""
    cookie = client.get_cookie(COOKIE)
    return cookie.value if cookie else None


def copy_session(client):
    """A second client holding a copy of ``client``'s session cookie (a stolen cookie)."""
    other = current_app.test_client()
    other.set_cookie(COOKIE, cookie_value(client))
    return other


def is_logged_in(client, url: str = "/akun/kata-sandi") -> bool:
    """True when ``url`` (any logged-in page) opens instead of redirecting to the login page."""
    response = client.get(url)
    return response.status_code == 200


class FakeClock:
    """A settable clock for ``RATELIMIT_CLOCK`` / ``SESSION_CLOCK``."""

    def __init__(self, start: float = 1_800_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, *, minutes: float = 0, hours: float = 0) -> None:
        """Move time forward."""
        self.now += minutes * 60 + hours * 3600


def use_clock(app, name: str = "RATELIMIT_CLOCK") -> FakeClock:
    """Install a fake clock under ``name`` in the app config."""
    clock = FakeClock()
    app.config[name] = clock
    return clock
