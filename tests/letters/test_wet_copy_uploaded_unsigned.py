"""The copy printed for a wet signature ("Unduh untuk TTD basah") uploaded straight back with
the scan box ticked, unsigned: SISAKAT draws that copy afresh at each download and stores none,
so the by-hash refusal of its own unsigned letters missed it, and the letter was issued as
"Tanda tangan basah (pindaian)" without any signature on it. So was a draft preview (DRAF)
of another application, which prints no verification code. A file SISAKAT drew, untouched
(its own creator mark, one revision), is no scan of a signed paper: refused, nothing stored."""

import pytest

from sisakat.extensions import db
from sisakat.models import FileKind, Letter, LetterStatus, Role, StoredFile
from sisakat.services import letter_preparation, settings
from tests import factories
from tests.letters import helpers as h


def _scans_allowed(srikandi: bool) -> None:
    if srikandi:
        h.srikandi_mode(scans=True)
    else:
        settings.update({"signing.allow_scan": True}, actor=None)
        db.session.commit()


def _refused(client, letter: Letter, answer) -> None:
    html = client.get("/tte/").get_data(as_text=True) if answer.status_code == 302 else answer.text
    assert "belum ditandatangani" in html
    assert "bukan pindaian" in html
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert (letter.signed_file_id, letter.candidate_file_id) == (None, None)
    kinds = (FileKind.SIGNED_CANDIDATE, FileKind.LETTER_SIGNED)
    kept = db.session.execute(db.select(StoredFile).where(StoredFile.kind.in_(kinds))).all()
    assert kept == []


@pytest.mark.parametrize("srikandi", [False, True])
def test_the_wet_copy_uploaded_back_unsigned_is_refused(app, login_as, srikandi):
    _scans_allowed(srikandi)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    wet = client.get(f"/tte/surat/{letter.id}/ttd-basah.pdf").get_data()
    _refused(client, letter, h.upload(client, letter, wet, scan="y"))


def test_another_applications_draft_preview_as_a_scan_is_refused(app, login_as):
    _scans_allowed(False)
    mine, (other, _verifier) = h.prepared_letter(), h.approvable()
    draft = letter_preparation.preview_pdf(other)
    client = login_as(factories.user(Role.PENANDATANGAN))
    _refused(client, mine, h.upload(client, mine, draft, scan="y"))


def test_a_real_scan_is_still_issued(app, login_as):
    _scans_allowed(False)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    h.upload(client, letter, factories.pdf_bytes(f"Pindaian {letter.token}"), scan="y")
    db.session.expire_all()
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU
