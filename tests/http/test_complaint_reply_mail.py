"""The complainant hears of each staff step by e-mail when the contact they left is an e-mail
address (the public form asks for one "untuk balasan"); a phone number or nothing sends nothing,
a refused reply sends nothing, and the desk says which applies."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Complaint, OutgoingEmail, Role
from tests.conftest import BASE_URL
from tests.http.test_complaints import FORM
from tests.public_helpers import reply_to_complaint


def _outbox() -> list[OutgoingEmail]:
    db.session.expire_all()
    return list(db.session.execute(db.select(OutgoingEmail).order_by(OutgoingEmail.id)).scalars())


def _file(client, contact: str) -> Complaint:
    assert client.post("/pengaduan", data={**FORM, "contact": contact}).status_code == 302
    return db.session.execute(db.select(Complaint).order_by(Complaint.id.desc())).scalars().first()


def test_each_staff_step_reaches_an_e_mail_contact_with_the_private_link(client, make, login_as):
    ticket = _file(client, " warga.contoh@contoh.test ")
    assert _outbox() == []  # filing a complaint mails nobody: the form is no open relay
    staff = login_as(make.user(Role.VERIFIKATOR))
    desk = staff.get(f"/petugas/pengaduan/{ticket.id}").get_data(as_text=True)
    assert "Server e-mail belum disetel" in desk  # the test app has no SMTP_HOST
    reply_to_complaint(staff, ticket.id, "diproses", "Sedang kami periksa.")
    reply_to_complaint(staff, ticket.id, "selesai", "Loket kedua sudah dibuka.")
    first, last = _outbox()
    link = f"{BASE_URL}/pengaduan/{ticket.ticket}/{ticket.secret}"
    assert first.to_address == last.to_address == "warga.contoh@contoh.test"
    assert first.subject == f"[SISAKAT] Tanggapan pengaduan {ticket.ticket}: Diproses"
    assert last.subject == f"[SISAKAT] Tanggapan pengaduan {ticket.ticket}: Selesai"
    assert first.kind == "complaint_reply"
    assert "Sedang kami periksa." in first.body
    assert link in first.body
    assert "Loket kedua sudah dibuka." in last.body
    assert "Status sekarang: Selesai" in last.body
    assert "Yth. Warga Contoh," in last.body
    assert "Antrean di loket terlalu lama." not in last.body  # the complaint's own text stays
    assert client.get(link.removeprefix(BASE_URL)).status_code == 200


def test_a_phone_contact_gets_no_mail_and_the_desk_says_to_call(client, make, login_as):
    ticket = _file(client, "0812 3456 7890")
    staff = login_as(make.user(Role.VERIFIKATOR))
    desk = staff.get(f"/petugas/pengaduan/{ticket.id}").get_data(as_text=True)
    assert "Kontak pelapor bukan alamat e-mail" in desk
    reply_to_complaint(staff, ticket.id, "selesai", "Loket kedua sudah dibuka.")
    assert _outbox() == []


def test_the_desk_says_the_reply_is_mailed_when_the_server_is_set(app, client, make, login_as):
    ticket = _file(client, "warga@contoh.test")
    app.config["SMTP_HOST"] = "127.0.0.1"
    staff = login_as(make.user(Role.VERIFIKATOR))
    desk = staff.get(f"/petugas/pengaduan/{ticket.id}").get_data(as_text=True)
    assert "dikirim ke e-mail pelapor di atas" in desk


def test_a_refused_reply_mails_nothing(client, make, login_as):
    ticket = _file(client, "warga@contoh.test")
    first, second = (login_as(make.user(Role.VERIFIKATOR)) for _ in range(2))
    url, seen = f"/petugas/pengaduan/{ticket.id}/tanggapi", ticket.version
    first.post(url, data={"status": "selesai", "message": "Sudah dibuka.", "version": seen})
    late = second.post(url, data={"status": "diproses", "message": "Kami cek.", "version": seen})
    assert "Jawaban Anda belum tersimpan" in late.get_data(as_text=True)
    assert [row.subject.rsplit(": ", 1)[1] for row in _outbox()] == ["Selesai"]


def test_a_step_stored_outside_a_request_mails_the_same_link(app, make):
    """The service builds the link from the URL map, so a reply stored by a script (no request)
    is mailed with the same private link."""
    from sisakat.models import ComplaintStatus
    from sisakat.services import complaints

    ticket = make.complaint(contact="warga@contoh.test")
    complaints.respond(
        ticket,
        message="Sudah kami tindak lanjuti.",
        status=ComplaintStatus.SELESAI,
        actor=make.user(Role.SUPERADMIN),
        seen_version=ticket.version,
    )
    (row,) = _outbox()
    assert f"{BASE_URL}/pengaduan/{ticket.ticket}/{ticket.secret}" in row.body
