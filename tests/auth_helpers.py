"""Helpers for the account tests: logging in through the real form, cookies, a fake clock."""

from __future__ import annotations

from datetime import datetime, timedelta

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


# Where test clocks start: 2027-01-15 08:00 UTC, a whole hour (rate-limit windows start there).
CLOCK_START = datetime(2027, 1, 15, 8, 0)


class FakeClock:
    """A settable clock for ``app.config["CLOCK"]`` (``services.clock``): naive UTC datetimes,
    starting at ``CLOCK_START``."""

    def __init__(self, start: datetime = CLOCK_START):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, *, minutes: float = 0, hours: float = 0) -> None:
        """Move time forward."""
        self.now += timedelta(minutes=minutes, hours=hours)


def use_clock(app) -> FakeClock:
    """Install a fake clock as the app's clock."""
    clock = FakeClock()
    app.config["CLOCK"] = clock
    return clock
