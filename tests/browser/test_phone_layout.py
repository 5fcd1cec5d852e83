"""Pages that overflowed a phone screen sideways (found walking the app at 390 px): the IKM
chart drawn at a fixed 600-px width, the admin requirement list without a scrolling wrapper and
the public verification page of a wet-signed scan, whose nowrap warning badge widened it; at
360 px, a long uploaded file name or a web address in a staff note on the party's application
page, a web address in a complaint on its public ticket page, and the same on the verifier's
review and the staff complaint detail (unbroken text); and the party profile's board rows, whose
delete buttons stuck out of their card at 360 px."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import (
    Action,
    ApplicationHistory,
    ApplicationStatus,
    Notification,
    Role,
    SigningMethod,
    Verdict,
)
from sisakat.services import notify, requirements
from tests.browser import application_steps as steps
from tests.browser.journeys import fits_width, fresh, log_in

pytestmark = pytest.mark.browser

LONG_FILE_NAME = "Surat_Keputusan_DPP_Partai_Contoh_tentang_Susunan_Pengurus_DPW_2025_revisi.pdf"
LONG_URL = (
    "https://jdih.contoh.example.test/files/peraturan_nomor_57_tahun_2017_tentang_pendaftaran.pdf"
)


def test_ikm_report_and_requirement_list_fit_a_phone(phone_page, make):
    for answers in ((4, 3, 4, 3, 4, 3, 4, 3, 4), (3, 3, 3, 3, 3, 3, 3, 3, 3)):
        make.survey_response(answers)
    requirements.ensure_defaults()
    make.user(Role.SUPERADMIN, username="admin.contoh")
    fresh()
    log_in(phone_page, "admin.contoh")
    phone_page.goto("/laporan/ikm")
    assert phone_page.get_by_role("img", name="Grafik NRR per unsur").is_visible()
    assert fits_width(phone_page)
    phone_page.goto("/admin/persyaratan")
    assert phone_page.get_by_role("link", name="Surat permohonan").first.is_visible()
    assert fits_width(phone_page)


def test_verification_of_a_scanned_letter_fits_a_phone(phone_page, make):
    letter = make.issued_letter(
        signing_method=SigningMethod.SCAN,
        validation_report=json.dumps({"scan": True, "electronic": False}),
    )
    token = letter.token
    fresh()
    phone_page.goto(f"/verifikasi/{token}")
    assert phone_page.get_by_text("Tidak ditandatangani secara elektronik").is_visible()
    assert fits_width(phone_page)


def test_long_file_name_and_web_address_in_a_note_fit_a_phone(phone_page, make):
    """A scanner's long file name and a staff note quoting a web address are single unbroken
    words: they wrap inside the checklist and the timeline instead of widening the page."""
    application = make.application(
        status=ApplicationStatus.PERLU_PERBAIKAN, verdict=Verdict.TIDAK_SESUAI
    )
    stored = steps.versions(application.id, steps.REQUIRED[0])[0].stored_file
    stored.display_name = LONG_FILE_NAME  # one stored PDF backs every document of the factory
    db.session.add(
        ApplicationHistory(
            application_id=application.id,
            action=Action.KEMBALIKAN,
            from_status=ApplicationStatus.DIVERIFIKASI,
            to_status=ApplicationStatus.PERLU_PERBAIKAN,
            note=f"Contoh susunan pengurus ada di {LONG_URL}",
        )
    )
    db.session.commit()
    username, detail = application.party.account.username, f"/pemohon/permohonan/{application.id}"
    fresh()
    log_in(phone_page, username)
    phone_page.goto(detail)
    expect(phone_page.get_by_role("link", name=LONG_FILE_NAME).first).to_be_visible()
    expect(steps.timeline(phone_page)).to_contain_text(LONG_URL)
    assert fits_width(phone_page)


def test_web_address_in_a_complaint_fits_its_ticket_page_on_a_phone(phone_page, make):
    """The complainant pasted a link: the ticket page (body and replies) wraps it."""
    complaint = make.complaint(body=f"Tautan unduhan formulir rusak: {LONG_URL}")
    link = f"/pengaduan/{complaint.ticket}/{complaint.secret}"
    fresh()
    phone_page.goto(link)
    expect(phone_page.get_by_text(LONG_URL)).to_be_visible()
    assert fits_width(phone_page)


def test_long_file_name_and_web_address_fit_the_staff_pages_on_a_phone(phone_page, make):
    """The verifier's review (download link named after the file) and the complaint detail
    (body, attachment name, replies) wrap unbroken text as the party's pages do."""
    application = make.application(status=ApplicationStatus.DIAJUKAN)
    stored = steps.versions(application.id, steps.REQUIRED[0])[0].stored_file
    stored.display_name = LONG_FILE_NAME
    complaint = make.complaint(body=f"Tautan unduhan formulir rusak: {LONG_URL}")
    verifier = make.user(Role.VERIFIKATOR)
    db.session.commit()
    username, review = verifier.username, f"/petugas/permohonan/{application.id}"
    detail = f"/petugas/pengaduan/{complaint.id}"
    fresh()
    log_in(phone_page, username)
    phone_page.goto(review)
    expect(phone_page.get_by_role("link", name=f"Unduh {LONG_FILE_NAME}").first).to_be_visible()
    assert fits_width(phone_page)
    phone_page.goto(detail)
    expect(phone_page.get_by_text(LONG_URL)).to_be_visible()
    assert fits_width(phone_page)


def test_board_rows_stay_inside_their_card_on_a_phone(phone_page, make):
    """The delete button of each susunan pengurus row sat in a 1/12 column narrower than the
    button, so at 360 px the buttons poked out past the card's right edge."""
    party = make.party()
    username = party.account.username
    fresh()
    log_in(phone_page, username)
    phone_page.goto("/pemohon/profil")
    card = phone_page.get_by_role("heading", name="Susunan pengurus").locator("..")
    edge = card.bounding_box()
    remove = phone_page.get_by_role("button", name="Hapus baris 1", exact=True)
    expect(remove).to_be_visible()
    for button in phone_page.get_by_role("button", name="Hapus baris").all():
        box = button.bounding_box()
        assert box["x"] + box["width"] <= edge["x"] + edge["width"], box
    phone_page.get_by_role("button", name="Tambah baris").click()
    box = phone_page.get_by_role("button", name="Hapus baris 7", exact=True).bounding_box()
    assert box["x"] + box["width"] <= edge["x"] + edge["width"], box
    assert fits_width(phone_page)


# A board name typed as one 200-character word (the field's limit): a hostile or careless
# applicant widened every page that shows it, the staff's review included.
UNBROKEN_BOARD = "DPD" + "PARTAICONTOHSEJAHTERATANPASPASI" * 6 + "X" * 11


@pytest.mark.parametrize("width", [360, 1366])
def test_a_board_name_without_spaces_never_widens_a_page(phone_page, make, width):
    """The party's home (its h1), the verifier's review (h1 beside the status badge, and the
    submitted profile), the party's history page and a staff notification naming the board
    wrap the name instead of scrolling sideways."""
    phone_page.set_viewport_size({"width": width, "height": 740})
    owner = make.party(board_name=UNBROKEN_BOARD)
    application = make.submitted(make.application(owner, status=ApplicationStatus.DIAJUKAN))
    verifier = make.user(Role.VERIFIKATOR)
    notify.queue(verifier, f"Permohonan baru dari {UNBROKEN_BOARD}", application_id=application.id)
    db.session.commit()
    party_user, verifier_name = application.party.account.username, verifier.username
    staff_pages = [
        f"/petugas/permohonan/{application.id}",
        f"/laporan/rekap-partai/{application.party_id}",
        "/akun/notifikasi",
    ]
    fresh()
    log_in(phone_page, party_user)
    expect(phone_page.get_by_role("heading", level=1)).to_contain_text(UNBROKEN_BOARD)
    phone_page.wait_for_load_state()  # the style sheet applied, not just the heading parsed
    assert fits_width(phone_page), "/pemohon/"
    phone_page.context.clear_cookies()
    log_in(phone_page, verifier_name)
    for url in staff_pages:
        phone_page.goto(url)
        expect(phone_page.get_by_text(UNBROKEN_BOARD).first).to_be_visible()
        assert fits_width(phone_page), url


@pytest.mark.parametrize("width", [360, 1366])
def test_a_board_name_without_spaces_fits_the_letter_lists(phone_page, make, width):
    """Cari Surat's and the letter register's applicant columns (shown from 768 px) kept the
    unbroken name whole, so the table ran past its wrapper and the page scrolled sideways on
    a laptop."""
    phone_page.set_viewport_size({"width": width, "height": 740})
    make.issued_letter(make.party(board_name=UNBROKEN_BOARD))
    admin = make.user(Role.SUPERADMIN).username
    fresh()
    log_in(phone_page, admin)
    phone_page.goto("/petugas/surat")
    expect(phone_page.get_by_role("link", name=UNBROKEN_BOARD)).to_be_visible()
    assert fits_width(phone_page), "/petugas/surat"
    phone_page.goto("/admin/surat")
    expect(phone_page.get_by_role("cell", name=UNBROKEN_BOARD)).to_be_visible()
    assert fits_width(phone_page), "/admin/surat"


def test_a_phone_shows_the_bell_and_its_count_without_opening_the_menu(phone_page, make):
    """On a phone the bell sat inside the collapsed menu: a party whose application came back
    for corrections saw nothing until it opened the menu for another reason."""
    owner = make.user(Role.PEMOHON, username="sekretaris.bel")
    make.party(owner)
    db.session.add(Notification(user_id=owner.id, message="Permohonan Anda perlu perbaikan."))
    db.session.commit()
    fresh()
    log_in(phone_page, "sekretaris.bel")
    expect(phone_page.get_by_role("button", name="Buka menu")).to_be_visible()
    bells = phone_page.get_by_role("link", name="Notifikasi, 1 belum dibaca")
    bell = bells.locator("visible=true")  # the one in the closed menu is hidden
    expect(bell).to_have_count(1)
    expect(bell).to_contain_text("1")
    assert fits_width(phone_page)
    bell.click()
    expect(phone_page.get_by_role("heading", level=1)).to_contain_text("Notifikasi")
    expect(phone_page.get_by_text("Permohonan Anda perlu perbaikan.")).to_be_visible()


def test_a_long_board_name_in_the_opened_menu_fits_a_phone(phone_page, make):
    """The account's name is the menu's last item: a board named in full ("DPD Partai ... Kota
    ...") stretched the opened menu to about 490 px, so the page slid sideways and the name was
    cut off just where the Keluar button is found on a shared phone."""
    board = "DPD Partai Contoh Persatuan Pembangunan Demokrasi Kota Palembang"
    owner = make.user(Role.PEMOHON, username="sekretaris.panjang", full_name=board)
    make.party(owner, board_name=board)
    fresh()
    log_in(phone_page, "sekretaris.panjang")
    phone_page.get_by_role("button", name="Buka menu").click()
    expect(phone_page.locator(".navbar-collapse.collapse.show")).to_be_visible()
    name = phone_page.get_by_role("navigation", name="Navigasi utama").get_by_text(board)
    expect(name).to_be_visible()
    assert fits_width(phone_page)
    name.click()
    expect(phone_page.get_by_role("button", name="Keluar")).to_be_visible()
    assert fits_width(phone_page)
