"""The idle timeout in a real browser: typing in a long form keeps the session in use."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_typing_in_a_long_form_pings_the_session_keep_alive(page, make):
    """After five quiet minutes on a page, the next keystroke tells the server the session is
    in use (``/akun/sesi``), so a long form does not end in the idle timeout."""
    party = make.party()
    username = party.account.username
    db.session.commit()
    page.clock.install()
    page.goto("/akun/masuk")
    page.get_by_label("Nama pengguna atau e-mail").fill(username)
    page.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto("/pemohon/profil")
    field = page.locator("input[type=text]").first
    pings = []
    page.on("request", lambda r: pings.append(r.url) if r.url.endswith("/akun/sesi") else None)
    field.press("End")
    field.type("a")  # the page was just opened: no ping yet
    page.clock.fast_forward("06:00")
    with page.expect_response(lambda r: r.url.endswith("/akun/sesi")) as answer:
        field.type("b")
    assert answer.value.status == 204
    assert len(pings) == 1
