"""A refused file left its red message under the file field after the user chose another file:
a board that sent a text file as its logo, then picked a real PNG, still read "Berkas bukan
gambar PNG atau JPEG yang valid." under the new choice (and, on the complaint form, an
encrypted attachment's message stayed next to a new file's). The server's message is about
the file it was sent; choosing another file takes it away until the next answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.services import images
from tests.browser import journeys as j

pytestmark = pytest.mark.browser


def test_choosing_another_logo_clears_the_refusal_of_the_last_one(phone_page, make, tmp_path):
    page = phone_page
    party = make.party(complete=False)
    username = party.account.username
    j.fresh()  # end the test's read transaction: SQLite would lock the server out
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"Ini berkas teks biasa, bukan gambar.\n" * 20)
    j.log_in(page, username)
    j.nav(page, "Profil Partai")
    j.fill_profile(page, bad)
    page.get_by_role("button", name="Simpan").click()
    logo_field = page.get_by_label("Logo partai", exact=True)
    card = page.locator(".card").filter(has=logo_field)
    expect(card).to_contain_text(images.MSG_NOT_IMAGE)
    expect(logo_field).to_have_attribute("aria-invalid", "true")

    logo_field.set_input_files(str(j.png_file(tmp_path)))
    expect(card).not_to_contain_text(images.MSG_NOT_IMAGE)
    expect(logo_field).not_to_have_attribute("aria-invalid", "true")
    expect(logo_field).not_to_have_class("is-invalid")

    page.get_by_role("button", name="Simpan").click()
    assert "tersimpan" in j.alert_text(page)
