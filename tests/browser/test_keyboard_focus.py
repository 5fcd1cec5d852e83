"""Keyboard and screen-reader users on a phone (360x740): after an action the focus lands where
the answer is, and a refused answer is announced with the field it is about. Found walking the
party's and the public's pages with the keyboard only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser import application_steps as s
from tests.browser import journeys as j
from tests.browser.conftest import ALLOWED_HOST, PHONE

pytestmark = pytest.mark.browser


@contextmanager
def phone_expecting_refusals(browser, live_server) -> Iterator[Page]:
    """A 360x740 page fenced to 127.0.0.1 like ``phone_page``, where an HTTP error answer the
    test provokes on purpose (Chromium logs it to the console) is allowed; script errors still
    fail the test."""
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, locale="id-ID")
    context.route(
        "**/*",
        lambda r: r.continue_() if urlsplit(r.request.url).hostname == ALLOWED_HOST else r.abort(),
    )
    page, errors = context.new_page(), []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()
    assert not errors, errors


def test_a_refused_upload_puts_the_keyboard_back_on_its_file_field(
    browser, live_server, make, tmp_path
):
    """The Unggah button is disabled while the file travels, which dropped the focus to the top
    of the page; refused, the focus is back on the file field, which carries the reason."""
    owner, _board = s.ready_party(make)
    not_pdf = tmp_path / "ktp.pdf"
    not_pdf.write_bytes(b"Ini foto KTP yang diberi nama .pdf, bukan PDF.\n")
    name = s.REQUIRED[0]
    with phone_expecting_refusals(browser, live_server) as page:
        j.log_in(page, owner)
        page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
        row = s.item(page, name)
        file_field = row.get_by_label(f"Berkas PDF untuk {name}")
        file_field.set_input_files(str(not_pdf))
        row.get_by_role("button", name="Unggah").press("Enter")
        expect(row).to_contain_text("Berkas bukan PDF yang valid")
        expect(file_field).to_be_focused()
        expect(file_field).to_have_accessible_description(re.compile("bukan PDF yang valid"))
        expect(file_field).to_have_attribute("aria-invalid", "true")
        expect(row.get_by_role("progressbar", name="Kemajuan unggahan")).to_be_hidden()


def test_an_unanswered_survey_question_gets_the_focus_and_its_message(phone_page):
    """Sent with two of nine questions answered, the survey came back with the focus at the top
    of the page and the radios saying nothing; now the first unanswered question's first option
    has the focus and names the message."""
    page = phone_page
    page.goto("/survei")
    for i in (1, 2):
        page.get_by_role("group", name=f"U{i}.").get_by_role("radio").last.check()
    page.get_by_role("button", name="Kirim Survei").press("Enter")
    page.wait_for_load_state()
    # No service is chosen beforehand: the first thing left to answer is the service.
    services = page.get_by_role("group", name="Layanan yang Anda gunakan")
    expect(services.get_by_role("radio").first).to_be_focused()
    expect(services.get_by_role("radio").first).to_have_accessible_description(
        "Pilih layanan yang Anda gunakan."
    )
    services.get_by_role("radio").last.check()
    page.get_by_role("button", name="Kirim Survei").press("Enter")
    page.wait_for_load_state()
    expect(services.get_by_role("radio").last).to_be_checked()
    first_unanswered = page.get_by_role("group", name="U3.").get_by_role("radio").first
    expect(first_unanswered).to_be_focused()
    expect(first_unanswered).to_have_accessible_description("Pilih salah satu jawaban.")
    expect(first_unanswered).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("group", name="U1.").get_by_role("radio").last).to_be_checked()
    answered = page.get_by_role("group", name="U1.").get_by_role("radio").first
    expect(answered).not_to_have_attribute("aria-invalid", "true")


def test_an_incomplete_board_row_names_its_message_to_a_screen_reader(phone_page, make, tmp_path):
    """The Sekretaris row sent without a name: the page comes back with the focus on that name
    field, and the field now carries its own message (it was only shown beside it)."""
    page = phone_page
    party = make.party(complete=False)
    username = party.account.username
    j.fresh()
    j.log_in(page, username)
    j.nav(page, "Profil Partai")
    j.fill_profile(page, j.png_file(tmp_path))
    page.get_by_label("Nama baris 3", exact=True).fill("")  # Sekretaris, row 2 once renumbered
    page.get_by_role("button", name="Simpan").press("Enter")
    page.wait_for_load_state()
    secretary = page.get_by_label("Nama baris 2", exact=True)
    expect(page.get_by_label("Jabatan baris 2", exact=True)).to_have_value("Sekretaris")
    expect(secretary).to_be_focused()
    expect(secretary).to_have_accessible_description("Isi nama pengurus, atau hapus baris ini.")
    expect(secretary).to_have_attribute("aria-invalid", "true")


def test_after_a_saved_upload_the_focus_is_on_that_document(phone_page, make, tmp_path):
    """The page reloads after a saved upload; the focus used to start again at the top of the
    page (the next Tab went to 'Lewati ke konten'), now it is on the row just uploaded, and the
    next Tab reaches that row's new file."""
    page = phone_page
    owner, _board = s.ready_party(make)
    name = s.REQUIRED[3]
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    row = s.item(page, name)
    row.get_by_label(f"Berkas PDF untuk {name}").set_input_files(str(j.pdf_file(tmp_path)))
    row.get_by_role("button", name="Unggah").press("Enter")
    expect(row.get_by_role("link", name="bukti.pdf")).to_be_visible()
    expect(row).to_be_focused()
    page.keyboard.press("Tab")
    expect(row.get_by_role("link", name="bukti.pdf")).to_be_focused()
