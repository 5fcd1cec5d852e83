"""Browser smoke: pages render with the vendored CSS, no console errors, on desktop and phone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _assert_bootstrap_loaded(page) -> None:
    # Bootstrap's reboot sets the body font stack; without the vendored CSS it stays the UA serif.
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "system-ui" in family
    loaded = page.evaluate(
        "[...document.styleSheets].some(s => (s.href || '').endsWith('bootstrap.min.css')"
        " && s.cssRules.length > 100)"
    )
    assert loaded


@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_home_and_login_render_with_vendored_css(request, fixture):
    page = request.getfixturevalue(fixture)
    page.goto("/")
    assert page.get_by_role("heading", name="Layanan Surat Keterangan Daring").is_visible()
    _assert_bootstrap_loaded(page)
    page.goto("/akun/masuk")
    assert page.get_by_role("heading", name="Masuk").is_visible()
    assert page.get_by_label("Kata sandi", exact=True).is_visible()
    _assert_bootstrap_loaded(page)


def test_wrong_password_shows_indonesian_error(page, make):
    make.user(username="budi.contoh", email="budi@contoh.test")
    page.goto("/akun/masuk")
    page.get_by_label("Nama pengguna atau e-mail").fill("budi.contoh")
    page.get_by_label("Kata sandi", exact=True).fill("bukan-kata-sandinya")
    page.get_by_role("button", name="Masuk").click()
    alert = page.get_by_role("alert")
    assert "Nama pengguna atau kata sandi salah" in alert.inner_text()
    assert page.url.endswith("/akun/masuk")
