"""A wet-signed scan is checked for hygiene only, so another party's letter picked from the
pile (its e-signed PDF, or a scan with a text layer) went through with the scan box ticked: the
letter was issued, and the party downloaded someone else's letter from its own page. Now a scan
printing another letter's verification code is refused as the e-signed upload is (SIG-7)."""

import pytest

from sisakat.extensions import db
from sisakat.models import FileKind, Letter, LetterStatus, Role, SigningMethod, StoredFile
from sisakat.services import settings
from tests import factories
from tests.letters import helpers as h


@pytest.mark.parametrize("srikandi", [False, True])
def test_another_letters_signed_pdf_uploaded_as_a_scan_is_refused(app, login_as, pki, srikandi):
    h.trust_office(pki)
    if srikandi:
        h.srikandi_mode(scans=True)
    else:  # SISAKAT numbers: the scan was issued at once
        settings.update({"signing.allow_scan": True}, actor=None)
        db.session.commit()
    mine, theirs = h.prepared_letter(), h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    answer = h.upload(client, mine, h.signed(theirs, pki), scan="y")
    html = client.get("/tte/").get_data(as_text=True) if answer.status_code == 302 else answer.text
    assert "surat untuk permohonan lain" in html
    db.session.expire_all()
    mine = db.session.get(Letter, mine.id)
    assert (mine.status, mine.candidate_file_id) == (LetterStatus.MENUNGGU_TTE, None)
    assert mine.signed_file_id is None
    kinds = (FileKind.SIGNED_CANDIDATE, FileKind.LETTER_SIGNED)
    kept = db.session.execute(db.select(StoredFile).where(StoredFile.kind.in_(kinds))).all()
    assert kept == []


def test_a_scan_without_another_letters_code_is_still_taken(app, login_as, pki):
    h.srikandi_mode(scans=True)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    page = h.upload(client, letter, factories.pdf_bytes(f"Pindaian {letter.token}"), scan="y")
    assert 'name="candidate_id"' in page.get_data(as_text=True)  # on to the number


def test_an_e_signed_letter_ticked_as_a_scan_is_refused_not_called_wet_signed(app, login_as, pki):
    """The letter's own e-signed PDF with the scan box ticked was issued as a wet-signed scan:
    the public page said "Tidak ditandatangani secara elektronik" of a file carrying a valid
    signature, and no signature report was kept."""
    h.trust_office(pki)
    settings.update({"signing.allow_scan": True}, actor=None)
    db.session.commit()
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    answer = h.upload(client, letter, h.signed(letter, pki), scan="y")
    html = client.get("/tte/").get_data(as_text=True) if answer.status_code == 302 else answer.text
    assert "bertanda tangan elektronik yang sah, bukan pindaian" in html
    db.session.expire_all()
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE
    answer = h.upload(client, letter, h.signed(letter, pki))  # unticked: issued as e-signed
    db.session.expire_all()
    issued = db.session.get(Letter, letter.id)
    assert (issued.status, issued.signing_method) == (LetterStatus.BERLAKU, SigningMethod.SRIKANDI)
