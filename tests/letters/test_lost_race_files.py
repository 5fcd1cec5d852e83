"""A step that stores a file (the drawn letter at approval, a signed PDF or a wet-signed scan at
the signing desk, the PDF signed in the app) and then loses a race at its final versioned write
(another transaction's UPDATE of the row's version, played behind the ORM's back as in
``tests/unit/test_lost_race_refusals.py``): refused as out of date, and the stored file goes with
its rolled-back row, so nothing is left under uploads/ that no ``stored_files`` row points to."""

from __future__ import annotations

import io

import pytest

from sisakat.exceptions import StaleApplication
from sisakat.extensions import db
from sisakat.models import Application, Letter, LetterStatus, Role, SigningMethod
from sisakat.services import letter_inapp, letter_signing, settings, verification
from tests import factories
from tests.letters import helpers as h
from tests.unit.test_lost_race_refusals import _files, _won_meanwhile


def test_approval_losing_at_the_update_leaves_no_drawn_letter(app):
    """Before: the unsigned letter drawn by the approval hook stayed under uploads/."""
    application, verifier = h.approvable()
    before, seen = _files(), application.version
    _won_meanwhile(Application, application.id)
    with pytest.raises(StaleApplication):
        verification.approve(application, actor=verifier, seen_version=seen)
    assert _files() == before


def _lose_scan(letter: Letter) -> None:
    """Another desk changed ``letter`` between this upload's read and its write."""
    signer = factories.user(Role.PENANDATANGAN)  # commits: before the letter is read
    db.session.refresh(letter)
    _won_meanwhile(Letter, letter.id)
    with pytest.raises(StaleApplication):
        letter_signing.receive_upload(
            letter,
            io.BytesIO(factories.pdf_bytes("Pindaian surat bertanda tangan basah")),
            filename="pindaian.pdf",
            actor=signer,
            scan=True,
        )


def test_scan_upload_losing_at_the_issue_leaves_no_file(app):
    """Before: the scan was kept under uploads/ and its row rolled back by the refusal."""
    settings.update({"signing.allow_scan": True}, actor=None)
    letter = h.prepared_letter()
    before = _files()
    _lose_scan(letter)
    assert _files() == before


def test_srikandi_scan_losing_before_the_number_is_confirmed_is_refused(app):
    """Before: the unnumbered letter's candidate was written by a plain flush: a 500
    (StaleDataError) and the scan left under uploads/."""
    h.srikandi_mode(scans=True)
    letter = h.prepared_letter()
    before = _files()
    _lose_scan(letter)
    assert _files() == before
    db.session.expire_all()
    assert db.session.get(Letter, letter.id).candidate_file_id is None


def test_inapp_signing_losing_at_the_issue_leaves_no_file(app, pki):
    """Before: the signed PDF was stored, then the issue refused, the file left behind."""
    h.trust_office(pki)
    letter = h.prepared_letter()
    signer = factories.user(Role.PENANDATANGAN)  # commits: before the letter is read
    ticket = letter_inapp.Ticket(letter.id, letter.version, h.unsigned(letter), job=None)
    signed, before = h.signed(letter, pki), _files()
    _won_meanwhile(Letter, letter.id)
    with pytest.raises(StaleApplication):
        letter_inapp.accept_signed(ticket, signed, method=SigningMethod.PADES, actor=signer)
    assert _files() == before
    db.session.expire_all()
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE
