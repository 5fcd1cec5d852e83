"""Account forms tell a phone which keyboard and which saved password to offer: an e-mail
keyboard with "@" and no capital first letter, the saved password on login only, and a fresh
password (never the user's own, nor an admin's, autofilled) wherever a new one is chosen."""

from __future__ import annotations

import re

from sisakat.models import Role


def _inputs(html: str) -> dict[str, str]:
    """Each named input's opening tag, by name."""
    tags = re.findall(r"<input\b[^>]*>", html)
    return {re.search(r'name="([^"]+)"', t).group(1): t for t in tags if 'name="' in t}


def test_login_offers_the_saved_account(client):
    inputs = _inputs(client.get("/akun/masuk").get_data(as_text=True))
    assert 'autocomplete="username"' in inputs["username"]
    assert 'autocapitalize="none"' in inputs["username"]
    assert 'autocomplete="current-password"' in inputs["password"]


def test_sign_up_gets_an_email_keyboard_and_a_new_password(client):
    inputs = _inputs(client.get("/akun/daftar").get_data(as_text=True))
    assert 'type="email"' in inputs["email"]
    assert 'autocomplete="email"' in inputs["email"]
    assert 'autocomplete="new-password"' in inputs["password"]
    assert 'autocomplete="new-password"' in inputs["confirm"]


def test_changing_the_password_fills_only_the_current_one(app, make, login_as):
    client = login_as(make.party().account)
    inputs = _inputs(client.get("/akun/kata-sandi").get_data(as_text=True))
    assert 'autocomplete="current-password"' in inputs["current"]
    assert 'autocomplete="new-password"' in inputs["password"]
    assert 'autocomplete="new-password"' in inputs["confirm"]


def test_an_admin_creating_an_account_is_not_offered_their_own_password(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    inputs = _inputs(client.get("/admin/pengguna/baru").get_data(as_text=True))
    assert 'autocomplete="new-password"' in inputs["password"]
