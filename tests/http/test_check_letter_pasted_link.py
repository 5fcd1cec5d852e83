"""Someone checking a letter on the office network pastes the address a QR scanner app showed
(``https://…/verifikasi/<kode>``) into the "Kode verifikasi" box of Cek Keaslian Surat (found by
a QA pass): the browser cut the paste at 60 characters and the page answered "Surat tidak
ditemukan" for a genuine letter. The link now finds the letter, in either box."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.services import letter_registry

LINKS = (
    "https://sisakat.kesbangpol.sumselprov.contoh.go.id/verifikasi/{token}",
    "http://192.168.10.20:8080/verifikasi/{token}/",
    " https://sisakat.contoh.go.id/verifikasi/{token}?utm=wa ",
)


def test_a_pasted_verification_link_finds_the_letter(client, make):
    letter = make.issued_letter()
    db.session.commit()
    for link in LINKS:
        typed = link.format(token=letter.token)
        for query in ({"kode": typed}, {"q": typed}, {"kode": typed, "q": letter.number_text}):
            answer = client.get("/cek-surat", query_string=query)
            assert answer.status_code == 302, query
            assert answer.headers["Location"] == f"/verifikasi/{letter.token}", query


def test_a_link_holding_no_issued_code_finds_nothing(client, make):
    letter = make.issued_letter()
    db.session.commit()
    wrong = letter.token[:-1] + ("A" if letter.token[-1] != "A" else "B")
    for typed in (
        f"https://sisakat.contoh.go.id/verifikasi/{wrong}",
        f"https://sisakat.contoh.go.id/lain/{letter.token}x",
        "https://sisakat.contoh.go.id/verifikasi/",
    ):
        answer = client.get("/cek-surat", query_string={"kode": typed})
        assert answer.status_code == 200, typed
        assert "Surat tidak ditemukan" in answer.get_data(as_text=True), typed
    assert letter_registry.find_by_token(f"/verifikasi/{wrong}") is None


def test_the_code_box_takes_a_whole_link(client):
    """No ``maxlength`` short enough to cut a pasted link in the browser."""
    for url in ("/", "/cek-surat"):
        box = re.search(r'<input[^>]*name="kode"[^>]*>', client.get(url).get_data(as_text=True))
        assert box is not None, url
        limit = re.search(r'maxlength="(\d+)"', box.group(0))
        assert limit is None or int(limit.group(1)) >= 200, box.group(0)


def test_the_letter_link_with_the_full_stop_of_its_sentence_opens_the_letter(client, make):
    """ "Cek di https://…/verifikasi/<kode>." pasted from a chat: the full stop came along and the
    page said the letter was not in the register, casting doubt on a genuine letter."""
    letter = make.issued_letter()
    db.session.commit()
    for tail in (".", ",", ")", "%20", ".%20"):
        answer = client.get(f"/verifikasi/{letter.token}{tail}")
        assert answer.status_code == 200, tail
        assert "BERLAKU" in answer.get_data(as_text=True), tail
    assert client.get(f"/verifikasi/{letter.token}X.").status_code == 404
