"""The letter comparison tells a photo or a scan from an altered letter."""

from __future__ import annotations

import io

from sisakat.services import storage
from tests.factories import pdf_bytes, png_bytes
from tests.letter_helpers import stored_count


def test_a_photo_of_the_letter_is_not_called_an_altered_letter(client, make):
    """An officer holding the paper letter photographed it and compared the photo: the page
    said "BERBEDA ... Berkas mungkin telah diubah" about a genuine letter. A file that is no
    PDF is refused beside the field, saying what can be compared."""
    letter = make.issued_letter()
    before = stored_count()
    url = f"/verifikasi/{letter.token}/bandingkan"
    photo = client.post(url, data={"berkas": (io.BytesIO(png_bytes()), "surat.jpg")})
    html = photo.get_data(as_text=True)
    assert photo.status_code == 200
    assert "BERBEDA" not in html
    assert "Berkas ini bukan PDF" in html
    assert "berkas PDF surat yang diterbitkan" in html
    assert stored_count() == before


def test_a_different_pdf_says_a_scan_always_differs(client, make):
    """A scan of the paper letter is a PDF too, and always differs: the answer says so, so a
    genuine letter is not taken for a forgery; the same bytes are still SAMA PERSIS."""
    letter = make.issued_letter()
    url = f"/verifikasi/{letter.token}/bandingkan"
    scan = client.post(url, data={"berkas": (io.BytesIO(pdf_bytes("Hasil pindai")), "scan.pdf")})
    html = scan.get_data(as_text=True)
    assert "Berkas ini BERBEDA" in html
    assert "Hasil pindai (scan) atau foto surat kertas selalu berbeda" in html
    issued = storage.read_bytes(letter.signed_file)
    same = client.post(url, data={"berkas": (io.BytesIO(issued), "surat.pdf")})
    assert "Berkas ini SAMA PERSIS" in same.get_data(as_text=True)
