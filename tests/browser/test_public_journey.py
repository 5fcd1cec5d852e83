"""Issue 6 seen through a real browser: the service page, a complaint followed through its secret
link after a staff reply, the satisfaction survey, and a refused form that keeps the input."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import Complaint, ComplaintStatus, Role, SurveyResponse
from tests.browser import journeys as j
from tests.public_helpers import requirements

pytestmark = pytest.mark.browser

COMPLAINT = "Berkas unggahan saya tidak muncul di halaman permohonan."
REPLY = "Berkas sudah kami periksa; silakan unggah ulang dalam format PDF."


def test_visitor_reads_the_skt_service(page):
    requirements()
    page.goto("/")
    page.get_by_role("link", name=re.compile("Surat Keterangan Terdaftar \\(SKT\\)")).click()
    expect(page.get_by_role("heading", name=re.compile("^Standar Pelayanan"))).to_be_visible()
    expect(page.get_by_role("heading", name="1. Persyaratan")).to_be_visible()
    marks = page.get_by_text(re.compile("^(Wajib|Opsional)$"))
    listed = page.get_by_role("listitem").filter(has=marks)
    expect(listed).to_have_count(3)  # the inactive requirement is not shown
    expect(listed.first).to_contain_text("Surat permohonan")
    expect(listed.first).to_contain_text("Wajib")
    diagram = page.get_by_role("img", name=re.compile("^Alur pelayanan: 1\\."))
    expect(diagram).to_be_visible()
    assert diagram.evaluate("img => img.complete && img.naturalWidth > 0")
    assert j.fits_width(page)


def test_complaint_with_pdf_is_answered_and_seen_through_the_secret_link(page, make, tmp_path):
    pdf = j.pdf_file(tmp_path)
    make.user(Role.VERIFIKATOR, username="verif.contoh")
    page.goto("/")
    page.get_by_role("link", name="Pengaduan").last.click()
    page.get_by_label("Kontak (e-mail atau nomor HP) untuk balasan").fill("0812 0000 2222")
    page.get_by_label("Kategori").select_option(label="Sistem/aplikasi")
    page.get_by_label("Isi pengaduan atau saran").fill(COMPLAINT)
    page.get_by_label("Lampiran (PDF, opsional)").set_input_files(str(pdf))
    page.get_by_role("button", name="Kirim Pengaduan").click()
    ticket = re.search(r"nomor tiket (\S+)\.", j.alert_text(page)).group(1)
    expect(page.get_by_role("heading", name=f"Tiket {ticket}")).to_be_visible()
    secret_link = page.url
    j.log_in(page, "verif.contoh")
    j.nav(page, "Pengaduan Masuk")
    page.get_by_role("link", name=ticket).click()
    page.get_by_label("Status").select_option(label="Diproses (tanggapi, belum selesai)")
    page.get_by_label("Jawaban untuk pelapor").fill(REPLY)
    page.get_by_role("button", name="Simpan Tanggapan").click()
    assert "Tanggapan disimpan." in j.alert_text(page)
    j.log_out(page)
    page.goto(secret_link)
    expect(page.get_by_role("list").filter(has_text=REPLY)).to_be_visible()
    expect(page.get_by_text("Diproses").first).to_be_visible()
    j.fresh()
    stored = db.session.scalars(db.select(Complaint).filter_by(ticket=ticket)).one()
    assert (stored.status, stored.body) == (ComplaintStatus.DIPROSES, COMPLAINT)
    assert stored.attachment.sha256 == j.sha256(pdf)


def test_survey_is_submitted_with_a_thank_you(phone_page):
    page = phone_page
    page.goto("/")
    j.nav(page, "Survei")
    j.fill_survey(
        page,
        "Pelayanan cepat dan ramah.",
        service="Surat Keterangan Melapor Keberadaan Organisasi Kemasyarakatan (Ormas)",
    )
    page.get_by_role("button", name="Kirim Survei").click()
    assert "Terima kasih, jawaban survei Anda sudah kami terima." in j.alert_text(page)
    j.fresh()
    response = db.session.scalars(db.select(SurveyResponse)).one()
    assert response.suggestion == "Pelayanan cepat dan ramah."
    assert response.service_code == "lapor_ormas"  # the one chosen, not the first listed


def test_empty_required_field_shows_message_and_keeps_input(page):
    page.goto("/pengaduan")
    page.get_by_label("Nama (boleh dikosongkan)").fill("Rudi Contoh")
    page.get_by_label("Kontak (e-mail atau nomor HP) untuk balasan").fill("rudi@contoh.test")
    page.get_by_label("Kategori").select_option(label="Saran dan masukan")
    page.get_by_role("button", name="Kirim Pengaduan").click()
    body = page.get_by_label("Isi pengaduan atau saran")
    expect(body).to_have_accessible_description(re.compile("Tulis isi pengaduan."))
    expect(body).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Nama (boleh dikosongkan)")).to_have_value("Rudi Contoh")
    expect(page.get_by_label("Kategori")).to_have_value("d2")
    expect(page.get_by_label("Kontak (e-mail atau nomor HP) untuk balasan")).to_have_value(
        "rudi@contoh.test"
    )
    j.fresh()
    assert db.session.scalars(db.select(Complaint)).first() is None


def test_a_too_big_attachment_is_refused_beside_the_field_before_sending(phone_page, tmp_path):
    """Over the cap, the browser used to send the form and show only the 'Berkas terlalu besar'
    page (a 'Kembali ke Beranda' button, the complaint out of sight); the field says it now."""
    page = phone_page
    big = tmp_path / "pindaian-besar.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (12 * 1024 * 1024))  # over the request cap too
    page.goto("/pengaduan")
    page.get_by_label("Kategori").select_option(label="Sistem/aplikasi")
    page.get_by_label("Isi pengaduan atau saran").fill(COMPLAINT)
    attachment = page.get_by_label("Lampiran (PDF, opsional)")
    attachment.set_input_files(str(big))
    page.get_by_role("button", name="Kirim Pengaduan").click()
    expect(attachment).to_be_focused()
    expect(attachment).to_have_attribute("aria-invalid", "true")
    expect(attachment).to_have_accessible_description(
        re.compile(r"Berkas terlalu besar\. Ukuran maksimal 10 MB\.")
    )
    expect(page.get_by_label("Isi pengaduan atau saran")).to_have_value(COMPLAINT)
    j.fresh()
    assert db.session.scalars(db.select(Complaint)).first() is None
    j.fresh()  # end the test's read before the server writes
    attachment.set_input_files(str(j.pdf_file(tmp_path)))  # a fitting file clears the refusal
    expect(attachment).not_to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Kirim Pengaduan").click()
    assert "nomor tiket" in j.alert_text(page)


def test_an_expired_form_session_says_how_to_get_the_typed_text_back(browser, live_server):
    """The session behind a public form is gone (phone browser restarted, cookies cleared): the
    400 page said 'muat ulang halaman', which empties the form. It now says to press Back, where
    the text still is, and sending from there files the complaint."""
    from tests.browser.test_keyboard_focus import phone_expecting_refusals

    with phone_expecting_refusals(browser, live_server) as page:
        page.goto("/pengaduan")
        page.get_by_label("Kategori").select_option(label="Sistem/aplikasi")
        page.get_by_label("Isi pengaduan atau saran").fill(COMPLAINT)
        page.context.clear_cookies()
        page.get_by_role("button", name="Kirim Pengaduan").click()
        expect(page.get_by_role("heading", name="Permintaan tidak valid")).to_be_visible()
        expect(page.get_by_text("Tekan tombol Kembali pada peramban")).to_be_visible()
        page.go_back()
        expect(page.get_by_label("Isi pengaduan atau saran")).to_have_value(COMPLAINT)
        page.get_by_role("button", name="Kirim Pengaduan").click()
        assert "nomor tiket" in j.alert_text(page)
    j.fresh()
    assert db.session.scalars(db.select(Complaint)).one().body == COMPLAINT


def test_back_after_the_survey_thanks_and_sending_again_counts_once(page):
    """The survey page is not cached, so Back after the thanks loaded it again with a fresh
    one-time key and a second send stored a second answer. Back now returns to the form's own
    address, which says the answer is in; the next respondent opens Survei afresh."""
    ormas = "Surat Keterangan Melapor Keberadaan Organisasi Kemasyarakatan (Ormas)"
    page.goto("/")
    j.nav(page, "Survei")
    j.fill_survey(page, "Pelayanan cepat dan ramah.", service=ormas)
    page.get_by_role("button", name="Kirim Survei").click()
    assert "Terima kasih, jawaban survei Anda sudah kami terima." in j.alert_text(page)
    page.go_back()
    expect(page.get_by_text("Penilaian Anda sudah kami terima")).to_be_visible()
    expect(page.get_by_role("button", name="Kirim Survei")).to_have_count(0)
    page.get_by_role("link", name="Isi survei baru").click()
    j.fill_survey(page, "Responden berikutnya.", service=ormas)
    page.get_by_role("button", name="Kirim Survei").click()
    assert "Terima kasih, jawaban survei Anda sudah kami terima." in j.alert_text(page)
    j.fresh()
    suggestions = db.session.scalars(db.select(SurveyResponse.suggestion)).all()
    assert sorted(suggestions) == ["Pelayanan cepat dan ramah.", "Responden berikutnya."]
