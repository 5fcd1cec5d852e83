"""The copy printed for a wet signature when SRIKANDI numbers: blanks to write on, never
SRIKANDI's ``${...}`` variables (nobody fills them on paper)."""

import re

from sisakat.models import Role
from sisakat.services import numbering, settings
from tests import factories
from tests.letters import helpers as h
from tests.pdf import helpers as pdfh


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(pdfh.pages_text(pdf)).split())


def test_wet_copy_in_srikandi_mode_leaves_number_and_date_blank_for_the_pen(app, login_as):
    # Before: the printed page read "Nomor : ${nomor_naskah}", "Sekayu, ${tgl_naskah}" and
    # "${ttd_pengirim}" where the official signs; the scan then carried them to the applicant.
    h.srikandi_mode(scans=True)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    wet = _text(client.get(f"/tte/surat/{letter.id}/ttd-basah.pdf").get_data())
    assert "${" not in wet
    assert re.search(r"Nomor : \.{10,}", wet)
    place = settings.get("agency.city")
    assert re.search(rf"{re.escape(place)}, \.{{10,}}", wet)
    assert letter.token in wet
    # The letter kept for SRIKANDI (PDF and konsep) still carries SRIKANDI's variables.
    stored = _text(h.unsigned(letter))
    for variable in ("${nomor_naskah}", "${tgl_naskah}", "${ttd_pengirim}"):
        assert variable in stored


def test_scan_confirmation_in_srikandi_mode_speaks_of_a_scan(app, login_as):
    # Before: the confirm page warned "Nomor surat tidak terbaca otomatis" (a scan is never
    # read: the number is typed from the paper) and issuing said "Surat bertanda tangan
    # diterima", not that the letter goes out as a wet-signed scan.
    h.srikandi_mode(scans=True)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    page = h.upload(client, letter, factories.pdf_bytes("Pindaian"), scan="y")
    page = page.get_data(as_text=True)
    assert "Berkas pindaian tanda tangan basah" in page
    assert "tidak terbaca otomatis" not in page
    data = {
        "candidate_id": re.search(r'name="candidate_id" type="hidden" value="(\d+)"', page)[1],
        "scan": "1",
        "number": "400.8/0123/Kesbangpol/2026",
        "letter_date": numbering.office_today().isoformat(),
    }
    done = client.post(f"/tte/surat/{letter.id}/konfirmasi", data=data, follow_redirects=True)
    assert "Pindaian surat bertanda tangan basah diterima" in done.get_data(as_text=True)
