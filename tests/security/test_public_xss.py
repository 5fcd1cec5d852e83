"""XSS payloads typed into every public form come back inert wherever they are shown."""

from markupsafe import escape

from sisakat.extensions import db
from sisakat.models import Complaint, Role
from tests.public_helpers import XSS, assert_inert, reply_to_complaint

ANSWERS = {f"u{i}": "3" for i in range(1, 10)} | {"service": "skt_parpol"}


def test_complaint_fields_are_inert_for_the_complainant_and_staff(client, make, login_as):
    body = f"Isi pengaduan {XSS}"
    # The contact must be an e-mail address or a phone number: a payload there is refused and
    # echoed (the next test), so the stored one is an address with markup-like characters.
    contact = "<b>warga'x@contoh.test"
    form = {"name": XSS[:120], "contact": contact, "category": "d0", "body": body}
    link = client.post("/pengaduan", data=form).headers["Location"]
    assert_inert(client.get(link).get_data(as_text=True))
    ticket = db.session.execute(db.select(Complaint)).scalar_one()
    staff = login_as(make.user(Role.VERIFIKATOR))
    reply = f"Tanggapan petugas {XSS}"
    reply_to_complaint(staff, ticket.id, "diproses", reply)
    for page in (staff.get(f"/petugas/pengaduan/{ticket.id}"), client.get(link)):
        html = page.get_data(as_text=True)
        assert str(escape(reply)) in html  # the reply itself is shown, as text
        assert_inert(html)
    assert str(escape(contact)) in staff.get(f"/petugas/pengaduan/{ticket.id}").get_data(
        as_text=True
    )
    listing = staff.get("/petugas/pengaduan").get_data(as_text=True)
    assert ticket.ticket in listing
    assert "<script>alert" not in listing
    assert "<img src=x" not in listing


def test_rejected_complaint_form_echoes_input_inert(client):
    form = {"name": XSS, "contact": XSS[:120], "category": "d0", "body": "<b>"}
    response = client.post("/pengaduan", data=form)
    html = response.get_data(as_text=True)
    assert "Isi 10 sampai 5.000 karakter." in html
    assert "agar petugas dapat membalas" in html  # the contact refused, and echoed inert
    assert_inert(html)


def test_survey_suggestion_is_inert_in_the_report(client, make, login_as):
    client.post("/survei", data={**ANSWERS, "suggestion": XSS})
    html = login_as(make.user(Role.VERIFIKATOR)).get("/laporan/ikm").get_data(as_text=True)
    assert_inert(html)


def test_letter_check_query_is_inert(client):
    html = client.get("/cek-surat", query_string={"q": XSS[:120]}).get_data(as_text=True)
    assert "Surat tidak ditemukan" in html or "tidak diizinkan" in html or "satu baris" in html
    assert "<script>alert" not in html
    assert "<img src=x" not in html
