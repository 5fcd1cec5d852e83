"""The complainant's ticket page: it says whether the attachment arrived (name and size, as
text, no download for the public), and a link typed by hand in another case still opens."""

from sisakat.extensions import db
from sisakat.formatting import ukuran
from sisakat.models import Complaint, StoredFile
from tests.factories import pdf_bytes
from tests.public_helpers import upload

FORM = {
    "name": "Warga Contoh",
    "contact": "0812000001",
    "category": "d0",
    "body": "Antrean di loket terlalu lama.",
}
NAME = "<img src=x onerror=alert(1)> Bukti & foto.pdf"


def test_the_ticket_page_names_the_attachment_that_arrived(client):
    data = pdf_bytes("Bukti antrean")
    link = client.post("/pengaduan", data={**FORM, "attachment": upload(data, NAME)})
    page = client.get(link.headers["Location"]).get_data(as_text=True)
    complaint = db.session.execute(db.select(Complaint)).scalar_one()
    stored = db.session.get(StoredFile, complaint.attachment_id)
    assert stored.size == len(data)
    shown = "&lt;img src=x onerror=alert(1)&gt; Bukti &amp; foto.pdf"
    assert f"{shown} ({ukuran(len(data))})" in page
    assert "<img src=x" not in page
    assert "/lampiran" not in page  # the public page offers no download
    staff_only = client.get(f"/petugas/pengaduan/{complaint.id}/lampiran")
    assert staff_only.status_code in (302, 403)
    assert staff_only.get_data() != data


def test_a_ticket_without_attachment_says_so(client):
    link = client.post("/pengaduan", data=FORM).headers["Location"]
    page = client.get(link).get_data(as_text=True)
    assert "Tidak ada lampiran" in page


def test_sizes_read_the_indonesian_way():
    assert ukuran(512) == "512 byte"
    assert ukuran(2048) == "2 KB"
    assert ukuran(1536) == "1,5 KB"
    assert ukuran(3 * 1024 * 1024 + 300 * 1024) == "3,3 MB"


def test_a_link_typed_in_another_case_opens_the_ticket(client, make):
    """The secret is 32 hex digits: their case carries nothing (still 128 bits either way), so
    a link typed by hand in capitals, or with the ticket in small letters, opens the ticket."""
    mine = make.complaint()
    for ticket, secret in (
        (mine.ticket, mine.secret.upper()),
        (mine.ticket.lower(), mine.secret),
        (mine.ticket.lower(), mine.secret.upper()),
    ):
        answer = client.get(f"/pengaduan/{ticket}/{secret}")
        assert answer.status_code == 200
        assert mine.ticket in answer.get_data(as_text=True)
    other = make.complaint()
    assert client.get(f"/pengaduan/{mine.ticket}/{other.secret.upper()}").status_code == 404
