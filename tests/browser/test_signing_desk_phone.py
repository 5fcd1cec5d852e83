"""The signing desk (Menunggu TTE) on a phone: its table was about 544 px wide at 360 px (more
with a long board name) and scrolled sideways, a dated letter or not. Below md (768 px) the
number, the date and the status now fold under the applicant, as in the other desk tables; the
tick for batch signing and the buttons (which wrap) keep their columns at 360, 768 and 1280 px,
and paper prints every column."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import LetterStatus, Role
from sisakat.services import clock, settings
from tests.browser.journeys import fresh, log_in
from tests.browser.test_tablet_layout import BOARD, LAPTOP, OVERFLOWS, PHONE, TABLET
from tests.letters import helpers as h

pytestmark = pytest.mark.browser
BUTTONS = ("Unduh PDF", "Unduh .docx", "Unduh untuk TTD basah", "Kembalikan ke Verifikator")


@pytest.mark.parametrize("width", [PHONE, TABLET, LAPTOP])
def test_the_signing_desk_fits_without_scrolling_sideways(page, make, width):
    """Every letter's tick, number, status and buttons on screen, nothing past its edge."""
    # In-app signing (the tick column) with scans allowed: the widest row of buttons.
    settings.update({"signing.backend": "pades", "signing.allow_scan": True}, actor=None)
    letter = h.prepared_letter(make.party(board_name=BOARD))
    number = letter.number_text
    make.issued_letter(status=LetterStatus.MENUNGGU_TTE, signed_file_id=None, letter_date=None)
    signer = make.user(Role.PENANDATANGAN).username
    db.session.commit()
    fresh()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, signer)
    page.goto("/tte/")
    assert page.evaluate(OVERFLOWS) == [], width
    expect(page.get_by_label(f"Pilih surat {number}")).to_be_visible()
    expect(page.get_by_text(number).filter(visible=True).first).to_be_visible()
    badge = page.locator("tbody .badge", has_text="Menunggu TTE")
    expect(badge.filter(visible=True).first).to_be_visible()
    for name in BUTTONS:
        box = page.get_by_role("link", name=name).first.bounding_box()
        assert box is not None, name
        assert 0 <= box["x"] <= box["x"] + box["width"] <= width, name


def test_paper_prints_every_column_of_the_phone_desk(phone_page, make):
    h.prepared_letter()
    signer = make.user(Role.PENANDATANGAN).username
    db.session.commit()
    log_in(phone_page, signer)
    phone_page.goto("/tte/")
    head = phone_page.locator("thead th")
    expect(head.filter(has_text="Nomor")).to_be_hidden()
    phone_page.emulate_media(media="print")
    for name in ("Pemohon", "Nomor", "Tanggal", "Status", "Berkas"):
        expect(head.filter(has_text=name)).to_be_visible()


@pytest.mark.parametrize("backend", ["pades", "bsre"])
def test_paper_prints_the_in_app_desk_table_without_its_controls(page, make, backend):
    # In-app signing wraps the table in the batch form, and paper hides every form: the
    # printed desk was its heading and "Unggah kembali surat bertanda tangan" with no letter.
    settings.update({"signing.backend": backend}, actor=None)
    number = h.prepared_letter(make.party(board_name=BOARD)).number_text
    signer = make.user(Role.PENANDATANGAN).username
    db.session.commit()
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, signer)
    page.goto("/tte/")
    page.emulate_media(media="print")
    head = page.locator("thead th")
    for name in ("Pemohon", "Nomor", "Tanggal", "Status", "Berkas"):
        expect(head.filter(has_text=name)).to_be_visible()
    expect(page.get_by_role("cell", name=number, exact=True)).to_be_visible()
    expect(page.get_by_label(f"Pilih surat {number}")).to_be_hidden()
    expect(page.get_by_label("Passphrase")).to_be_hidden()


def test_a_letter_signed_in_the_app_meanwhile_shows_who_signs_on_a_phone(page, make):
    """A live in-app claim: the row says who is signing and since when, its sign and return
    buttons are disabled in place and the upload form gives way to a note, all within 360 px."""
    settings.update({"signing.backend": "pades"}, actor=None)
    letter = h.prepared_letter(make.party(board_name=BOARD))
    head = make.user(Role.PENANDATANGAN, full_name="Dr. Kepala Contoh Penandatangan, M.Si.")
    letter.signing_by_id, letter.signing_since = head.id, clock.now()
    signer = make.user(Role.PENANDATANGAN).username
    db.session.commit()
    fresh()
    page.set_viewport_size({"width": PHONE, "height": 900})
    log_in(page, signer)
    page.goto("/tte/")
    assert page.evaluate(OVERFLOWS) == []
    who = page.get_by_text("Sedang ditandatangani oleh Dr. Kepala Contoh Penandatangan")
    expect(who.filter(visible=True).first).to_be_visible()
    expect(page.get_by_text("jadi unggahan belum dapat diterima")).to_be_visible()
    for name in ("Sedang ditandatangani", "Kembalikan ke Verifikator"):
        button = page.get_by_role("button", name=name)
        expect(button).to_be_disabled()
        box = button.bounding_box()
        assert box is not None, name
        assert 0 <= box["x"] <= box["x"] + box["width"] <= PHONE, name
