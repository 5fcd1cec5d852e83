"""Issue 1 seen through a real browser: a party signs up and completes its profile (desktop and
phone), and the super admin creates a Verifikator who can then log in."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import Party, Role, User
from tests.browser import journeys as j

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("fixture", ["page", "phone_page"])
def test_party_signs_up_completes_profile_and_logs_out(request, fixture, tmp_path):
    page = request.getfixturevalue(fixture)
    logo = j.png_file(tmp_path)
    j.fill_registration(page, "dpw@partai-contoh.test")
    page.get_by_role("button", name="Daftar").click()
    expect(page.get_by_role("heading", name=f"Beranda {j.BOARD}")).to_be_visible()
    assert "Akun berhasil dibuat" in j.alert_text(page)
    j.nav(page, "Profil Partai")
    expect(page.get_by_label("Nama kepengurusan")).to_have_value(j.BOARD)
    j.fill_profile(page, logo)
    page.get_by_role("button", name="Simpan").click()
    assert "Profil partai tersimpan." in j.alert_text(page)
    shown = page.get_by_role("img", name="Logo Partai Contoh Sejahtera")
    expect(shown).to_be_visible()
    assert j.fits_width(page)  # a long board name in the navbar must not widen the page
    assert shown.evaluate("img => img.complete && img.naturalWidth") == 120
    j.log_out(page)
    j.fresh()
    party = db.session.scalars(db.select(Party)).one()
    assert party.account.email == "dpw@partai-contoh.test"
    assert (party.party_name, party.postal_code) == ("Partai Contoh Sejahtera", "30126")
    assert [(o.position, o.name) for o in party.officers] == [
        ("Ketua", "Rina Contoh"),
        ("Sekretaris", "Dodi Contoh"),
        ("Bendahara", "Maya Contoh"),
        ("Wakil Sekretaris", "Sari Contoh"),
    ]
    assert party.logo.content_type == "image/png"  # re-encoded by the server


def test_superadmin_creates_verifier_who_can_log_in(page, make):
    make.user(Role.SUPERADMIN, username="admin.contoh", full_name="Admin Contoh")
    j.log_in(page, "admin.contoh")
    j.nav(page, "Administrasi")
    page.get_by_role("link", name="Pengguna", exact=True).click()
    page.get_by_role("link", name="Tambah Petugas").click()
    page.get_by_label("Nama pengguna").fill("verif.contoh")
    page.get_by_label("E-mail").fill("verif@contoh.test")
    page.get_by_label("Nama lengkap").fill("Vera Contoh")
    page.get_by_label("Peran").select_option(label="Verifikator")
    page.get_by_label("Kata sandi awal").fill("frasa sandi petugas baru")
    page.get_by_label("Ulangi kata sandi").fill("frasa sandi petugas baru")
    page.get_by_role("button", name="Simpan").click()
    assert "Akun verif.contoh berhasil dibuat. Pemiliknya wajib menggantinya" in j.alert_text(page)
    expect(page.get_by_role("cell", name="Vera Contoh", exact=True)).to_be_visible()
    j.log_out(page)
    j.log_in(page, "verif.contoh", "frasa sandi petugas baru")
    # The admin knows that password: the first page is Ubah Kata Sandi, saying why.
    expect(page.get_by_role("heading", name="Ubah Kata Sandi")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="ditetapkan oleh admin")).to_be_visible()
    page.goto("/petugas/")
    expect(page.get_by_role("heading", name="Ubah Kata Sandi")).to_be_visible()
    page.get_by_label("Kata sandi saat ini").fill("frasa sandi petugas baru")
    page.get_by_label("Kata sandi baru").fill("frasa sandi milik vera")
    page.get_by_label("Ulangi kata sandi").fill("frasa sandi milik vera")
    page.get_by_role("button", name="Simpan").click()
    assert "Kata sandi berhasil diubah" in j.alert_text(page)
    expect(page.get_by_text("Vera Contoh (Verifikator)")).to_be_visible()
    j.fresh()
    verifier = db.session.scalars(db.select(User).filter_by(username="verif.contoh")).one()
    assert (verifier.role, verifier.active) == (Role.VERIFIKATOR, True)
