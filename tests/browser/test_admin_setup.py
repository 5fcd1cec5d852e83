"""A new office's super admin setting SISAKAT up, in a real browser (found walking the admin
pages as Kesbangpol Kota Balikpapan would): what a plain click does on the settings pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sisakat.models import Role
from sisakat.services.working_time import OfficeHours
from tests.browser.journeys import fresh, log_in

pytestmark = pytest.mark.browser


def test_adding_saturday_to_the_working_days_keeps_monday_to_friday(page, make):
    """Hari kerja was a multiple list: a plain click on "Sabtu" unselected Senin-Jumat, so an
    office open on Saturdays saved Saturday as its only working day and every waiting time and
    SLA counted wrong. Now each day is a checkbox; ticking Sabtu adds it."""
    make.user(Role.SUPERADMIN, username="admin.contoh")
    log_in(page, "admin.contoh")
    page.goto("/admin/pengaturan/jam-layanan")
    for day in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat"):
        expect(page.get_by_label(day, exact=True)).to_be_checked()
    page.get_by_label("Sabtu", exact=True).click()
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("alert").first).to_contain_text("Pengaturan tersimpan.")
    fresh()
    assert OfficeHours.from_settings().workdays == {1, 2, 3, 4, 5, 6}
    fresh()  # the test's read ends before the server writes again
    expect(page.get_by_label("Sabtu", exact=True)).to_be_checked()
    expect(page.get_by_label("Minggu", exact=True)).not_to_be_checked()
    page.get_by_label("Senin", exact=True).click()  # open Tuesday to Saturday
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("alert").first).to_contain_text("Pengaturan tersimpan.")
    fresh()
    assert OfficeHours.from_settings().workdays == {2, 3, 4, 5, 6}


def test_a_friday_prayer_break_is_typed_on_a_phone(phone_page, make):
    """On a phone each day's four times wrap under its name (no sideways scrolling); Friday's
    later close and its break are typed by their labels and counted from then on."""
    make.user(Role.SUPERADMIN, username="admin.contoh")
    page = phone_page
    log_in(page, "admin.contoh")
    page.goto("/admin/pengaturan/jam-layanan")
    page.get_by_label("Jam selesai Jumat").fill("16:30")
    page.get_by_label("Istirahat mulai Jumat").fill("11:30")
    page.get_by_label("Istirahat selesai Jumat").fill("13:00")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("alert").first).to_contain_text("Pengaturan tersimpan.")
    fresh()
    friday = OfficeHours.from_settings().week[4]
    assert [(f"{a:%H.%M}", f"{b:%H.%M}") for a, b in friday] == [
        ("08.00", "11.30"),
        ("13.00", "16.30"),
    ]
    fresh()
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.get_by_label("Istirahat mulai Jumat")).to_have_value("11:30")


def test_the_hours_of_a_day_not_ticked_are_unavailable_until_it_is(phone_page, make):
    """A day not ticked showed its hours like an open day's (Sabtu 08.00-16.00, typed into and
    read out by a screen reader as hours in force), though they are ignored; Tab went through
    all 28 times. Now they are disabled until the day is ticked, and still sent, so a refused
    save shows them again for the day that is ticked later."""
    make.user(Role.SUPERADMIN, username="admin.contoh")
    page = phone_page
    log_in(page, "admin.contoh")
    page.goto("/admin/pengaturan/jam-layanan")
    for label in ("Jam mulai Sabtu", "Istirahat selesai Minggu"):
        expect(page.get_by_label(label)).to_be_disabled()
    expect(page.get_by_label("Jam mulai Jumat")).to_be_enabled()
    page.get_by_label("Jumat", exact=True).press("Space")  # Jumat closed now
    expect(page.get_by_label("Jam selesai Jumat")).to_be_disabled()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Sabtu", exact=True)).to_be_focused()
    page.keyboard.press("Space")  # Sabtu open
    page.keyboard.press("Tab")
    expect(page.get_by_label("Jam mulai Sabtu")).to_be_focused()
    page.get_by_label("Hari libur (satu tanggal TTTT-BB-HH per baris)").fill("25/12/2026")
    page.get_by_role("button", name="Simpan").press("Enter")
    page.wait_for_load_state()
    holidays = page.get_by_label("Hari libur (satu tanggal TTTT-BB-HH per baris)")
    expect(holidays).to_be_focused()
    expect(holidays).to_have_accessible_description(re.compile("bukan tanggal TTTT-BB-HH"))
    expect(page.get_by_label("Jam mulai Jumat")).to_be_disabled()
    expect(page.get_by_label("Jam mulai Jumat")).to_have_value("08:00")
    expect(page.get_by_label("Jam mulai Sabtu")).to_be_enabled()


def test_tapping_a_time_caption_on_a_phone_focuses_its_field(phone_page, make):
    """On a phone each day's captions ("Jam mulai", "Istirahat selesai") were plain text beside
    a hidden label: a tap on one did nothing. Now the caption is the field's label; the name
    heard still says the day."""
    make.user(Role.SUPERADMIN, username="admin.contoh")
    page = phone_page
    log_in(page, "admin.contoh")
    page.goto("/admin/pengaturan/jam-layanan")
    for key, caption, name in (
        ("start_5", "Jam mulai", "Jam mulai Jumat"),
        ("break_end_5", "Istirahat selesai", "Istirahat selesai Jumat"),
    ):
        cell = page.locator(f"#{key}").locator("xpath=..")
        cell.get_by_text(caption, exact=True).click()
        expect(page.get_by_label(name)).to_be_focused()
        expect(page.locator(f"#{key}")).to_have_accessible_name(name)
