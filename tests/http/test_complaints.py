"""Complaints: filing, the secret link, staff triage and replies, overdue flags, rate limit."""

import hashlib
import io
import re
from datetime import datetime, timedelta

from reportlab.pdfgen import canvas
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from sisakat.extensions import db
from sisakat.models import Complaint, ComplaintCategory, ComplaintStatus, Role, StoredFile
from sisakat.services import complaints
from tests.auth_helpers import use_clock
from tests.conftest import BASE_URL
from tests.factories import pdf_bytes
from tests.public_helpers import reply_to_complaint, upload

FORM = {
    "name": "Warga Contoh",
    "contact": "0812000001",
    "category": "d0",
    "body": "Antrean di loket terlalu lama.",
}


def test_complaint_lifecycle_seen_by_the_complainant(client, make, login_as):
    data = pdf_bytes("Bukti antrean")
    filed = client.post("/pengaduan", data={**FORM, "attachment": upload(data)})
    link = filed.headers["Location"]
    ticket = db.session.execute(db.select(Complaint)).scalar_one()
    assert re.fullmatch(r"ADU-\d{4}-\d{6}", ticket.ticket)
    assert re.fullmatch(r"[0-9a-f]{32}", ticket.secret)
    assert link == f"/pengaduan/{ticket.ticket}/{ticket.secret}"
    assert (
        db.session.get(StoredFile, ticket.attachment_id).sha256 == hashlib.sha256(data).hexdigest()
    )
    staff = login_as(make.user(Role.VERIFIKATOR))
    reply_to_complaint(staff, ticket.id, "diproses", "Sedang kami periksa.")
    reply_to_complaint(staff, ticket.id, "selesai", "Loket kedua sudah dibuka.")
    page = client.get(link).get_data(as_text=True)
    assert "Sedang kami periksa." in page
    assert "Loket kedua sudah dibuka." in page
    assert "Selesai" in page
    assert "Warga Contoh" not in page  # no personal data on the public page
    assert "0812000001" not in page
    assert [e.status for e in complaints.timeline(ticket)] == [
        ComplaintStatus.BARU,
        ComplaintStatus.DIPROSES,
        ComplaintStatus.SELESAI,
    ]
    assert ticket.closed_at is not None
    url, version = f"/petugas/pengaduan/{ticket.id}/tanggapi", ticket.version
    again = staff.post(url, data={"status": "diproses", "message": "lagi", "version": version})
    assert "Pengaduan ini sudah selesai." in again.get_data(as_text=True)


def test_staff_see_which_officer_wrote_each_step_the_complainant_does_not(client, make, login_as):
    """The staff ticket page listed the replies with no officer's name: a colleague taking
    over a ticket, or the head checking who closed it, had to search the audit log. Each staff
    step now names its officer there; the complainant's page still names nobody."""
    client.post("/pengaduan", data=FORM)
    ticket = db.session.execute(db.select(Complaint)).scalar_one()
    rina = login_as(make.user(Role.VERIFIKATOR, full_name="Rina Petugas Contoh"))
    reply_to_complaint(rina, ticket.id, "diproses", "Sedang kami periksa.")
    bayu = login_as(make.user(Role.SUPERADMIN, full_name="Bayu Admin Contoh"))
    reply_to_complaint(bayu, ticket.id, "selesai", "Loket kedua sudah dibuka.")
    page = bayu.get(f"/petugas/pengaduan/{ticket.id}").get_data(as_text=True)
    steps = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", li)).strip()
        for li in re.findall(r"<li>(.*?)</li>", page.split('class="timeline"')[1], re.S)
    ]
    assert steps[0].startswith("Diterima")
    assert "oleh" not in steps[0]  # filed by the public: no officer
    assert steps[1].startswith("Diproses")
    assert "oleh Rina Petugas Contoh" in steps[1]
    assert steps[2].startswith("Selesai")
    assert "oleh Bayu Admin Contoh" in steps[2]
    public = client.get(f"/pengaduan/{ticket.ticket}/{ticket.secret}").get_data(as_text=True)
    assert "Loket kedua sudah dibuka." in public
    assert "Rina Petugas" not in public
    assert "Bayu Admin" not in public


def test_a_long_list_pages_the_newest_closed_tickets_first_and_counts_them_all(
    app, make, login_as, monkeypatch
):
    """The list comes in pages of ``PER_PAGE``. "Tampilkan semua" put the closed ones oldest
    first, so the newest closed tickets were the ones out of sight. Closed tickets come newest
    first now, and the page says which page of how many tickets it shows."""
    monkeypatch.setattr(complaints, "PER_PAGE", 3)
    base = datetime(2026, 3, 2, 3, 0)
    open_one = make.complaint(body="Masih terbuka")
    closed = [
        make.complaint(status=ComplaintStatus.SELESAI, closed_at=base + timedelta(days=i))
        for i in range(3)
    ]
    staff = login_as(make.user(Role.VERIFIKATOR))
    page = staff.get("/petugas/pengaduan?semua=1").get_data(as_text=True)
    shown = re.findall(r"ADU-\d{4}-\d{6}", page)
    assert shown == [open_one.ticket, closed[2].ticket, closed[1].ticket]
    assert "Halaman 1 dari 2 (4 tiket)" in page
    only_open = staff.get("/petugas/pengaduan").get_data(as_text=True)
    assert "Halaman 1" not in only_open  # one page: no pager


def test_secret_link_only_shows_its_own_ticket(client, make):
    mine, other = make.complaint(), make.complaint(body="Pengaduan orang lain yang rahasia.")
    own = client.get(f"/pengaduan/{mine.ticket}/{mine.secret}")
    assert own.status_code == 200
    assert own.headers["Referrer-Policy"] == "no-referrer"
    assert client.get(f"/pengaduan/{mine.ticket}/{other.secret}").status_code == 404
    assert client.get(f"/pengaduan/{mine.ticket}/{'0' * 32}").status_code == 404
    assert client.get(f"/pengaduan/{mine.ticket}/{mine.secret[:-1]}").status_code == 404
    assert client.get(f"/pengaduan/ADU-2026-999999/{mine.secret}").status_code == 404
    page = client.get(f"/pengaduan/{mine.ticket}/{mine.secret}").get_data(as_text=True)
    assert "Pengaduan orang lain" not in page


def test_overdue_tickets_stand_out_with_a_frozen_clock(app, make, login_as):
    now = [datetime(2026, 3, 2, 1, 0)]
    app.config["CLOCK"] = lambda: now[0]
    late = make.complaint(category_days=5)
    closed = make.complaint(category_days=5)
    complaints.respond(
        closed,
        message="Selesai.",
        status=ComplaintStatus.SELESAI,
        actor=make.user(Role.SUPERADMIN),
        seen_version=closed.version,
    )
    now[0] = datetime(2026, 3, 9, 9, 1)  # 16.01 WIB on the 5th working day (Monday 9 March)
    fresh = make.complaint(category_days=5)
    db.session.commit()
    html = (
        login_as(make.user(Role.VERIFIKATOR))
        .get("/petugas/pengaduan?semua=1")
        .get_data(as_text=True)
    )
    assert "1 tiket belum selesai melewati batas waktu." in html
    assert "Pengaduan Masuk" in html  # the navigation offers triage to the Verifikator
    rows = {
        t: row
        for row in html.split("<tr")
        for t in (late.ticket, fresh.ticket, closed.ticket)
        if t in row
    }
    assert "Terlambat" in rows[late.ticket]
    assert "Terlambat" not in rows[fresh.ticket]
    assert "Terlambat" not in rows[closed.ticket]


def test_a_refused_reply_keeps_what_staff_typed_beside_the_field(client, make, login_as):
    client.post("/pengaduan", data=FORM)
    ticket = db.session.execute(db.select(Complaint)).scalar_one()
    staff = login_as(make.user(Role.VERIFIKATOR))
    long_reply = "Terima kasih atas laporan Anda. " * 200  # over 5.000 characters
    refused = reply_to_complaint(staff, ticket.id, "diproses", long_reply)
    assert refused.status_code == 200
    html = refused.get_data(as_text=True)
    assert 'id="message-error"><div class="invalid-feedback d-block">Paling banyak 5.000' in html
    assert "Terima kasih atas laporan Anda." in html  # not lost to a redirect
    closing = reply_to_complaint(staff, ticket.id, "selesai", "")
    assert closing.status_code == 200
    assert (
        'id="message-error"><div class="invalid-feedback d-block">Tulis jawaban sebelum menutup'
        in closing.get_data(as_text=True)
    )
    assert complaints.timeline(ticket)[-1].status == ComplaintStatus.BARU


def test_a_reply_to_a_ticket_closed_meanwhile_is_shown_back_unsaved(client, make, login_as):
    client.post("/pengaduan", data=FORM)
    ticket = db.session.execute(db.select(Complaint)).scalar_one()
    first, second = (login_as(make.user(Role.VERIFIKATOR)) for _ in range(2))
    url = f"/petugas/pengaduan/{ticket.id}/tanggapi"
    seen = ticket.version  # both pages opened before the ticket was closed
    first.post(
        url, data={"status": "selesai", "message": "Loket kedua sudah dibuka.", "version": seen}
    )
    late = second.post(
        url, data={"status": "diproses", "message": "Kami cek ke loket.", "version": seen}
    )
    html = late.get_data(as_text=True)
    assert late.status_code == 200
    assert "Pengaduan ini sudah ditanggapi oleh" in html
    assert "Jawaban Anda belum tersimpan" in html
    assert "Kami cek ke loket." in html
    assert [e.message for e in complaints.timeline(ticket)][-1] == "Loket kedua sudah dibuka."


def _padded_pdf(size: int) -> bytes:
    """A real one-page PDF of about ``size`` bytes (a long uncompressed text line)."""
    buf = io.BytesIO()
    sheet = canvas.Canvas(buf, invariant=1, pageCompression=0)
    sheet.drawString(72, 700, "x" * size)
    sheet.showPage()
    sheet.save()
    return buf.getvalue()


def _post_big(client, data: bytes, **fields):
    """POST the complaint with a big attachment, encoded in memory (the test client would spill
    a big body to a temp file it never closes)."""
    form = {**FORM, **fields, "attachment": FileStorage(*upload(data))}
    boundary, body = encode_multipart(form)
    return client.post(
        "/pengaduan", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )


def test_the_attachment_cap_is_the_office_upload_cap_the_form_names(app, client):
    """The form says 'PDF, paling besar <MAX_UPLOAD_MB> MB'; a second, fixed 10 MB cap in the
    form refused an 11 MB attachment an office allowing 12 MB had promised to take."""
    app.config.update(MAX_UPLOAD_MB=12, MAX_CONTENT_LENGTH=13 * 1024 * 1024)
    assert "PDF, paling besar 12 MB." in client.get("/pengaduan").get_data(as_text=True)
    data = _padded_pdf(10 * 1024 * 1024 + 512 * 1024)
    filed = _post_big(client, data)
    assert filed.status_code == 302
    stored = db.session.execute(db.select(Complaint)).scalar_one()
    assert db.session.get(StoredFile, stored.attachment_id).size == len(data)
    app.config["MAX_UPLOAD_MB"] = 10
    refused = _post_big(client, data, body="Lampiran kedua untuk pengaduan lain.")
    page = refused.get_data(as_text=True)
    assert "Berkas terlalu besar. Ukuran maksimal 10 MB." in page
    assert "Lampiran kedua untuk pengaduan lain." in page  # what was typed stays


def test_ticket_page_shows_its_own_link_to_keep(client, make):
    """The page asks the complainant to keep its address (the only way back to the replies): it
    shows that address as text to copy or print, since a phone hides most of the URL bar."""
    mine = make.complaint()
    page = client.get(f"/pengaduan/{mine.ticket}/{mine.secret}").get_data(as_text=True)
    link = f"{BASE_URL}/pengaduan/{mine.ticket}/{mine.secret}"  # the public address
    assert f'<code class="text-break" id="tautan-tiket">{link}</code>' in page
    notice = re.search(r'<div class="([^"]*)" id="simpan-tautan">(.*?)</div>', page, re.S)
    assert "tautan-tiket" in notice[2]
    assert "d-print-none" not in notice[1]  # the printout keeps the link


def test_the_same_complaint_sent_twice_is_filed_once(app, client):
    """A second tap, or a reload that sends the form again on a slow phone connection (the
    first answer lost), files the same complaint again: it gets the first ticket back, not a
    second ticket the office answers twice and the complainant never sees."""
    clock = use_clock(app)
    category = ComplaintCategory(name="Pelayanan loket", limit_days=5)
    db.session.add(category)
    db.session.commit()
    form = {**FORM, "category": str(category.id), "form_key": "K" * 32}  # one rendered form
    first = client.post("/pengaduan", data={**form, "attachment": upload(pdf_bytes("Bukti"))})
    clock.advance(minutes=2)
    again = client.post("/pengaduan", data={**form, "attachment": upload(pdf_bytes("Bukti"))})
    assert first.status_code == again.status_code == 302
    assert again.headers["Location"] == first.headers["Location"]
    assert db.session.execute(db.select(db.func.count(Complaint.id))).scalar_one() == 1
    assert db.session.execute(db.select(db.func.count(StoredFile.id))).scalar_one() == 1
    # Another attachment, another text, or the same text much later is a complaint of its own.
    new_file = client.post("/pengaduan", data={**form, "attachment": upload(pdf_bytes("Foto"))})
    other = client.post("/pengaduan", data={**form, "body": "Loket tutup sebelum jam 16.00."})
    clock.advance(minutes=30)
    later = client.post("/pengaduan", data=form)
    answers = (first, new_file, other, later)
    assert len({answer.headers["Location"] for answer in answers}) == 4


def test_a_form_opened_before_the_first_complaint_still_files(client):
    """Until the first complaint the form offers the default categories (``d<i>``), and the
    first complaint stores them. Someone who opened the form before that was refused with
    "Pilih kategori pengaduan." (found by a QA pass): the default is found by its name."""
    first = client.post("/pengaduan", data={**FORM, "category": "d1", "body": "Aplikasi lambat."})
    assert first.status_code == 302
    opened_earlier = client.post("/pengaduan", data={**FORM, "category": "d0"})
    assert opened_earlier.status_code == 302
    filed = db.session.execute(db.select(Complaint).order_by(Complaint.id)).scalars().all()
    assert [c.category.name for c in filed] == ["Sistem/aplikasi", "Pelayanan permohonan"]


def test_a_broken_ticket_link_says_what_to_do(client, make):
    """A link cut short (copied from a chat) answered only "Halaman atau data yang Anda cari
    tidak ada". It now says to check the whole link, or to ask the office with the ticket
    number; the same text for a wrong secret and an unknown ticket, so it reveals nothing."""
    mine = make.complaint()
    cut = client.get(f"/pengaduan/{mine.ticket}/{mine.secret[:-3]}")
    unknown = client.get(f"/pengaduan/ADU-2026-999999/{mine.secret}")
    assert cut.status_code == unknown.status_code == 404
    assert cut.get_data(as_text=True) == unknown.get_data(as_text=True)
    text = cut.get_data(as_text=True)
    assert "Periksa kembali tautan lengkapnya" in text
    assert "sebutkan nomor tiket Anda" in text
    assert cut.headers["Referrer-Policy"] == "no-referrer"
