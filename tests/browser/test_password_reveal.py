"""Show password: every password field (login, sign-up, change, the admin's new account and
reset) has one button beside it that shows and hides what was typed, as a toggle a keyboard and
a screen reader can use (``aria-pressed``, Indonesian name). Before, there was none, and a
mistyped password on a phone could only be typed again blind. Without JavaScript the button is
hidden rather than dead."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from tests.browser.conftest import DESKTOP
from tests.browser.test_no_script_nav import no_script_page
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser
NAME = "Tampilkan kata sandi"


def test_the_toggle_shows_and_hides_by_keyboard_and_the_shown_password_still_logs_in(page, make):
    make.user(username="budi.contoh", email="budi@contoh.test", full_name="Budi Contoh")
    db.session.commit()  # read nothing after: the test's session would hold the write lock
    page.goto("/akun/masuk")
    field = page.get_by_label("Kata sandi", exact=True)
    toggle = page.get_by_role("button", name=NAME)
    expect(toggle).to_have_attribute("aria-pressed", "false")
    page.get_by_label("Nama pengguna atau e-mail").fill("budi.contoh")
    field.fill(PASSWORD)
    field.press("Tab")
    expect(toggle).to_be_focused()  # the next stop after the field
    page.keyboard.press("Space")
    expect(field).to_have_attribute("type", "text")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(field).to_have_value(PASSWORD)  # nothing typed is lost
    page.keyboard.press("Enter")
    expect(field).to_have_attribute("type", "password")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(field).to_have_attribute("type", "text")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("button", name="Budi Contoh", exact=False)).to_be_visible()
    assert "/akun/masuk" not in page.url  # logged in: the shown password was sent as typed


def test_each_field_of_the_sign_up_has_its_own_toggle(page):
    page.goto("/akun/daftar")
    first = page.get_by_label("Kata sandi", exact=True)
    second = page.get_by_label("Ulangi kata sandi")
    toggles = page.get_by_role("button", name=NAME)
    expect(toggles).to_have_count(2)
    first.fill("rahasia-satu")
    toggles.first.click()
    expect(first).to_have_attribute("type", "text")
    expect(second).to_have_attribute("type", "password")  # only the field beside it


def test_without_javascript_the_toggle_is_hidden_not_dead(browser, live_server):
    with no_script_page(browser, live_server, DESKTOP) as page:
        page.goto("/akun/masuk")
        expect(page.get_by_label("Kata sandi", exact=True)).to_be_visible()
        toggle = page.locator("button[data-reveal]")
        expect(toggle).to_have_count(1)  # rendered, but not offered without its script
        expect(toggle).to_be_hidden()
