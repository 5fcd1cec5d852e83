"""A letter leaving the pending state (issued by upload, returned to the verifier) after its
in-app signing claim (``letter_claim``) expired keeps no claim fields: the issued or cancelled
letter named a signer "since" a moment long past."""

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from tests import factories
from tests.letters import helpers as h

REASON = "Alamat sekretariat salah ketik pada surat."


def _other(login_as):
    return login_as(factories.user(Role.SUPERADMIN, full_name="Admin Dua"))


def _claim_fields(letter_id: int) -> tuple:
    letter = db.session.get(Letter, letter_id)
    return letter.status, letter.signing_by_id, letter.signing_since


def test_an_upload_after_an_expired_claim_issues_without_the_old_claim(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    data = h.signed(letter, pki)
    h.expire_claim(app, h.claimed_by_head(letter))
    assert h.upload(_other(login_as), letter, data).status_code == 302
    assert _claim_fields(letter.id) == (LetterStatus.BERLAKU, None, None)


def test_a_return_after_an_expired_claim_cancels_without_the_old_claim(app, login_as):
    letter = h.prepared_letter()
    h.expire_claim(app, h.claimed_by_head(letter))
    version = letter.application.version
    data = {"version": str(version), "reason": REASON, "confirm": "y"}
    answer = _other(login_as).post(f"/tte/surat/{letter.id}/kembalikan", data=data)
    assert answer.status_code == 302
    assert _claim_fields(letter.id) == (LetterStatus.DIBATALKAN, None, None)
