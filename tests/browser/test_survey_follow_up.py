"""The follow-up of one survey period, written by the super admin on a phone and read on /ikm
on a phone: the period is picked (year, then period) without an ever-growing list of text boxes,
and a long unbroken link in the text stays inside the screen (it pushed /ikm wider than a phone:
pre-wrapped text did not break inside a word)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.models import Role
from sisakat.services import numbering, settings
from tests.browser.journeys import fits_width, fresh, log_in

pytestmark = pytest.mark.browser

LINK = (
    "https://kesbangpol.contoh.go.id/dokumen/tindak-lanjut-hasil-survei-kepuasan-semester-satu.pdf"
)
TEXT = f"Unsur waktu penyelesaian terendah: <b>loket</b> dibuka pukul 07.30.\nLaporan: {LINK}"


def test_super_admin_writes_a_semesters_follow_up_and_the_public_reads_it_there(phone_page, make):
    year = numbering.office_today().year
    make.user(Role.SUPERADMIN, username="admin.contoh")
    log_in(phone_page, "admin.contoh")
    phone_page.goto("/admin/kontak")
    phone_page.get_by_role("link", name="Tindak lanjut hasil survei per periode").click()
    phone_page.get_by_label("Tahun", exact=True).select_option(str(year))
    phone_page.get_by_label("Periode", exact=True).select_option(label="Semester I (Januari-Juni)")
    phone_page.get_by_role("button", name="Pilih periode").click()
    box = phone_page.get_by_label(f"Tindak lanjut Semester I {year}")
    expect(box).to_have_value("")
    assert fits_width(phone_page)
    box.fill(TEXT)
    phone_page.get_by_role("button", name="Simpan").click()
    expect(phone_page.get_by_role("alert").first).to_contain_text(
        f"Tindak lanjut Semester I {year} tersimpan."
    )
    fresh()
    assert settings.get("survey.follow_up_periods") == {f"{year}-1": TEXT}
    fresh()
    phone_page.goto("/ikm")
    heading = phone_page.get_by_role(
        "heading", name=f"Tindak lanjut hasil survei Semester I {year}"
    )
    expect(heading).to_be_visible()
    shown = phone_page.locator("#tindak-lanjut-semester-1")
    expect(shown).to_have_text(TEXT)  # markup shown as typed, the line break kept
    assert phone_page.locator("#tindak-lanjut-semester-1 b").count() == 0
    expect(phone_page.locator("#tindak-lanjut-tahun")).to_have_count(0)
    assert fits_width(phone_page)
