"""Every password field the app renders (login, sign-up, change, the admin's new account and
reset) carries its show-password toggle (``_macros/forms.html``), aimed at that field; the
browser behaviour is in ``tests/browser/test_password_reveal.py``."""

from __future__ import annotations

import re

from sisakat.models import Role


def _fields_and_toggles(page: str) -> tuple[list[str], list[str]]:
    """(ids of the password inputs, the fields the toggles point at), in page order."""
    inputs = re.findall(r"<input[^>]*>", page)
    fields = [re.search(r'id="([^"]+)"', i)[1] for i in inputs if 'type="password"' in i]
    toggles = re.findall(r'<button type="button"[^>]*data-reveal="([^"]+)"', page)
    return fields, toggles


def _assert_every_field_has_its_toggle(client, url: str, expected: int) -> None:
    fields, toggles = _fields_and_toggles(client.get(url).get_data(as_text=True))
    assert len(fields) == expected, url
    assert toggles == fields, url


def test_every_password_field_has_a_toggle(app, client, make, login_as):
    _assert_every_field_has_its_toggle(client, "/akun/masuk", 1)
    _assert_every_field_has_its_toggle(client, "/akun/daftar", 2)
    other = make.user(Role.VERIFIKATOR)
    admin = login_as(make.user(Role.SUPERADMIN))
    _assert_every_field_has_its_toggle(admin, "/akun/kata-sandi", 3)
    _assert_every_field_has_its_toggle(admin, "/admin/pengguna/baru", 2)
    _assert_every_field_has_its_toggle(admin, f"/admin/pengguna/{other.id}", 2)  # reset
