"""The SRIKANDI confirm form's hidden ``scan`` mark decides whether the candidate is issued as
a wet-signed scan, and a scan is issued without any signature check. It used to be believed as
sent: a signer could post it for an upload waiting for the super admin's manual review (a file
that matched no letter) or for an e-signed upload, with scans not even allowed, and the letter
was issued, the review skipped. The confirm page now applies the upload's scan rules again."""

import re

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Letter, LetterStatus, Role
from sisakat.pdf.skt import render_skt
from sisakat.services import letters, numbering
from tests import factories
from tests.letters import helpers as h
from tests.signing import pdfs

NUMBER = "200.1.5.3/91/BAN.KBP/2026"


def _srikandi_signed(letter, pki) -> bytes:
    """What SRIKANDI hands back: re-rendered with its number and date, then signed."""
    today = numbering.office_today().isoformat()
    inputs = {**letters.inputs_of(letter), "number_text": NUMBER, "issued_on": today}
    inputs["srikandi"] = False
    return pdfs.sign(render_skt(letters.context_of(inputs, token=letter.token)), pki.signer)


def _post(client, letter, *, scan: str):
    data = {
        "candidate_id": str(letter.candidate_file_id),
        "number": NUMBER,
        "letter_date": numbering.office_today().isoformat(),
        "scan": scan,
    }
    return client.post(f"/tte/surat/{letter.id}/konfirmasi", data=data)


def _not_issued(letter_id: int, status: LetterStatus) -> Letter:
    letter = db.session.get(Letter, letter_id)
    assert letter.status == status
    assert letter.signed_file_id is None
    assert letter.number_id is None
    assert letter.application.status == ApplicationStatus.MENUNGGU_TTE
    return letter


def test_a_forged_scan_mark_cannot_issue_an_upload_under_review(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()  # scans not allowed
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    h.upload(client, letter, pdfs.sign(pdfs.letter_pdf(), pki.signer))  # no letter of ours
    letter = _not_issued(letter.id, LetterStatus.PERLU_TINJAUAN)
    page = _post(client, letter, scan="1").get_data(as_text=True)
    _not_issued(letter.id, LetterStatus.PERLU_TINJAUAN)
    assert "Unggah pindaian tanda tangan basah tidak diaktifkan." in page


def test_a_forged_scan_mark_cannot_issue_a_review_even_with_scans_allowed(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode(scans=True)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    h.upload(client, letter, pdfs.sign(pdfs.letter_pdf(), pki.signer))
    letter = _not_issued(letter.id, LetterStatus.PERLU_TINJAUAN)
    page = _post(client, letter, scan="1").get_data(as_text=True)
    _not_issued(letter.id, LetterStatus.PERLU_TINJAUAN)
    assert "tinjauan" in page


def test_a_forged_scan_mark_cannot_turn_an_e_signed_upload_into_a_scan(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode(scans=True)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    page = h.upload(client, letter, _srikandi_signed(letter, pki)).get_data(as_text=True)
    assert re.search(r'name="scan" type="hidden" value=""', page)
    letter = _not_issued(letter.id, LetterStatus.MENUNGGU_TTE)
    _post(client, letter, scan="1")
    _not_issued(letter.id, LetterStatus.MENUNGGU_TTE)


def test_the_confirm_form_cannot_issue_a_letter_sisakat_numbered(app, login_as, pki):
    """SISAKAT numbering has no confirm page: a forged confirm of an upload under review that
    prints another number (the code and the party right) would issue a letter whose PDF
    prints a number other than the register's."""
    h.trust_office(pki)
    letter = h.prepared_letter()
    assert letter.number_id is not None
    inputs = {**letters.inputs_of(letter), "number_text": NUMBER}
    other_number = render_skt(letters.context_of(inputs, token=letter.token))
    client = login_as(factories.user(Role.PENANDATANGAN))
    h.upload(client, letter, pdfs.sign(other_number, pki.signer))
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.PERLU_TINJAUAN
    _post(client, letter, scan="")
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.PERLU_TINJAUAN
    assert letter.signed_file_id is None
