"""The letter search on a page past its end (a bookmarked or shared link after letters were
filtered away) says that page is empty and links the last one, as the queue does; it said
"Tidak ada surat yang cocok." although letters matched."""

from __future__ import annotations

from sisakat.models import Role


def test_a_page_past_the_end_says_so_and_links_the_last_page(app, make, login_as):
    letter = make.issued_letter()
    client = login_as(make.user(Role.VERIFIKATOR))
    body = client.get(
        "/petugas/surat", query_string={"nomor": letter.number_text, "halaman": 99}
    ).get_data(as_text=True)
    assert "Tidak ada surat yang cocok." not in body  # one does
    assert "Halaman 99 kosong; pencarian ini menemukan 1 surat." in body
    assert "halaman=1" in body
    assert "nomor=" in body  # the link keeps the search
    none = client.get("/petugas/surat", query_string={"nomor": "TIDAK-ADA"})
    assert "Tidak ada surat yang cocok." in none.get_data(as_text=True)
