"""What a user sees when a form refuses input or is sent twice: a bad logo is refused next to its
field with the rest kept, and a double-clicked sign-up creates exactly one account because the
submit button is disabled while the form is on its way."""

from __future__ import annotations

import re
from contextlib import suppress

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import Party, User
from sisakat.services import images
from tests.browser import journeys as j

pytestmark = pytest.mark.browser

SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", SVG, images.MSG_SVG),
        ("logo.png", b"Ini berkas teks biasa, bukan gambar.\n" * 20, images.MSG_NOT_IMAGE),
    ],
)
def test_bad_logo_is_refused_next_to_the_field_and_input_stays(
    page, make, tmp_path, name, content, message
):
    party = make.party(complete=False)
    username, party_id = party.account.username, party.id
    j.fresh()  # end the test's read transaction: SQLite would lock the server out
    bad = tmp_path / name
    bad.write_bytes(content)
    j.log_in(page, username)
    j.nav(page, "Profil Partai")
    j.fill_profile(page, bad)
    page.get_by_role("button", name="Simpan").click()
    logo_field = page.get_by_label("Logo partai", exact=True)
    expect(logo_field).to_have_accessible_description(re.compile(re.escape(message)))
    expect(logo_field).to_have_attribute("aria-invalid", "true")
    assert message in j.alert_text(page)
    for label, value in j.PROFILE_TEXT.items():
        expect(page.get_by_label(label, exact=True)).to_have_value(value)
    # The page comes back renumbered: the removed row is gone, the added one is kept.
    expect(page.get_by_label("Nama baris 2", exact=True)).to_have_value("Dodi Contoh")
    expect(page.get_by_label("Jabatan baris 7", exact=True)).to_have_value("Wakil Sekretaris")
    j.fresh()
    party = db.session.get(Party, party_id)
    assert (party.party_name or "", party.logo) == ("", None)  # nothing saved


def test_double_clicked_sign_up_creates_one_account(page):
    j.fill_registration(page, "ganda@partai-contoh.test")
    page.get_by_role("button", name="Daftar").dblclick()
    expect(page.get_by_role("heading", name=f"Beranda {j.BOARD}")).to_be_visible()
    assert "Akun berhasil dibuat" in j.alert_text(page)
    expect(page.get_by_role("alert").filter(has_text="sudah")).to_have_count(0)
    j.fresh()
    accounts = db.session.scalars(db.select(User).filter_by(email="ganda@partai-contoh.test"))
    assert len(accounts.all()) == 1


def test_submit_button_is_disabled_while_the_form_is_on_its_way(page):
    """The double-click guard itself (static/js/sisakat.js): while the sign-up POST is held on
    its way, a second real click on the button sends no second submit, because the guard has
    disabled it. What the old page saw is kept in sessionStorage, which outlives the navigation
    (locators and page scripts wait for a pending navigation, so they cannot look meanwhile)."""
    j.fill_registration(page, "tahan@partai-contoh.test")
    held = []

    def hold_post(route):
        if route.request.method == "POST":
            held.append(route)  # answered below, after the second click
        else:
            route.continue_()

    page.route("**/akun/daftar", hold_post)
    button = page.get_by_role("button", name="Daftar")
    box = button.bounding_box()
    page.evaluate("""() => {
        const button = document.querySelector("form button[type=submit]");
        sessionStorage.setItem("submits", "0");
        document.addEventListener("submit", () => {
            const submits = Number(sessionStorage.getItem("submits")) + 1;
            sessionStorage.setItem("submits", String(submits));
            setTimeout(() => sessionStorage.setItem("disabled", String(button.disabled)), 50);
        });
    }""")
    with page.expect_request(lambda request: request.method == "POST"):
        button.click(no_wait_after=True)
    page.wait_for_timeout(300)  # the old page is still shown: the POST is held
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)
    try:
        assert len(held) == 1
    finally:  # release the page either way, so a failure does not hang the teardown
        held[0].continue_()
        for extra in held[1:]:
            with suppress(PlaywrightError):
                extra.abort()
    expect(page.get_by_role("heading", name=f"Beranda {j.BOARD}")).to_be_visible()
    seen = page.evaluate(
        '() => [sessionStorage.getItem("submits"), sessionStorage.getItem("disabled")]'
    )
    assert seen == ["1", "true"]
    j.fresh()
    accounts = db.session.scalars(db.select(User).filter_by(email="tahan@partai-contoh.test"))
    assert len(accounts.all()) == 1


def test_a_refused_form_puts_the_keyboard_on_the_first_field_in_error(page):
    """Passwords that differ: the page comes back with the focus on the repeat field, whose
    message a screen reader reads with it (aria-describedby), not at the top of the page."""
    j.fill_registration(page, "fokus@contoh.test")
    page.get_by_label("Ulangi kata sandi").fill(j.PARTY_PASSWORD + "x")
    page.get_by_label("Ulangi kata sandi").press("Enter")
    page.wait_for_load_state()
    focused = page.evaluate("document.activeElement.id")
    assert focused == "confirm"
    described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert "confirm-error" in described
    message = page.locator("#confirm-error").inner_text()
    assert message.strip()
