"""What a user sees when a form refuses input or is sent twice: a bad logo is refused next to its
field with the rest kept, and a double-clicked sign-up creates exactly one account."""

from __future__ import annotations

import re

import pytest
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
