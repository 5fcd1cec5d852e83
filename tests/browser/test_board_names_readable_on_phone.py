"""The susunan pengurus rows on a phone: position and name shared one line at 360 px, so each
name box was about 120 px wide and a secretary could not read back "Hj. Siti Contoh
Rahmawati, S.E." before it went into the official letter. The name now has a line of its own
on a phone, beside nothing."""

from __future__ import annotations

import pytest

from tests.browser.journeys import fits_width, fresh, log_in

pytestmark = pytest.mark.browser

NAME = "Hj. Siti Contoh Rahmawati, S.E."
FITS = "el => el.scrollWidth <= el.clientWidth"


def test_a_full_name_with_degrees_is_readable_in_its_box_on_a_phone(phone_page, make):
    party = make.party()
    username = party.account.username
    fresh()
    log_in(phone_page, username)
    phone_page.goto("/pemohon/profil")
    first = phone_page.get_by_label("Nama baris 1", exact=True)
    first.fill(NAME)
    assert first.evaluate(FITS)
    phone_page.get_by_role("button", name="Tambah baris").click()
    added = phone_page.get_by_label("Nama baris 7", exact=True)
    added.fill(NAME)
    assert added.evaluate(FITS)
    position = phone_page.get_by_label("Jabatan baris 1", exact=True).bounding_box()
    name = first.bounding_box()
    assert name["y"] > position["y"]  # on its own line, under its position
    assert fits_width(phone_page)


def test_position_and_name_share_a_line_on_a_desktop(page, make):
    party = make.party()
    username = party.account.username
    fresh()
    log_in(page, username)
    page.goto("/pemohon/profil")
    position = page.get_by_label("Jabatan baris 1", exact=True).bounding_box()
    name = page.get_by_label("Nama baris 1", exact=True).bounding_box()
    assert name["y"] == position["y"]
    assert name["x"] > position["x"]
