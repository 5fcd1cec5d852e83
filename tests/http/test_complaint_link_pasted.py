"""A complainant opens the ticket link pasted back from a chat or a note (found by a QA pass):
with a slash after it, or the full stop of the sentence it stood in, the page said the ticket
was not found, as if the complaint were lost. Such a link now opens the ticket; a wrong secret
still finds nothing."""

from __future__ import annotations

FORM = {
    "name": "Warga Contoh",
    "contact": "0812000002",
    "category": "d0",
    "body": "Balasan atas pertanyaan persyaratan belum diterima.",
}


def test_a_ticket_link_with_a_trailing_slash_or_full_stop_opens_the_ticket(client):
    link = client.post("/pengaduan", data=FORM).headers["Location"]
    for pasted in (f"{link}/", f"{link}.", f"{link}%20", f"{link},"):
        answer = client.get(pasted, follow_redirects=True)
        assert answer.status_code == 200, pasted
        page = answer.get_data(as_text=True)
        assert "Batas waktu" in page, pasted
        assert "Balasan atas pertanyaan" in page, pasted


def test_a_wrong_secret_with_a_trailing_slash_still_finds_nothing(client):
    link = client.post("/pengaduan", data=FORM).headers["Location"]
    wrong = link[:-1] + ("0" if link[-1] != "0" else "1")
    for pasted in (f"{wrong}/", f"{wrong}.", f"{link}0", f"{link[:-1]}."):
        answer = client.get(pasted, follow_redirects=True)
        assert answer.status_code == 404, pasted
        assert "Balasan atas pertanyaan" not in answer.get_data(as_text=True)
    odd = client.get(f"{link}/lain", follow_redirects=True)
    assert odd.status_code == 404
