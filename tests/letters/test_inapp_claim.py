"""Two signers of one letter through BSrE (two heads, one head's two tabs, a double submit): the
letter is claimed for the first in its own transaction before BSrE is called, so the second is
refused, told who is signing and since when, and never reaches BSrE (an extra signature there
is an audited legal act). The claim is released on failure and expires after the BSrE
timeouts plus a margin; the signing desk shows a live claim."""

from datetime import timedelta

import pytest

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from sisakat.services import clock, letter_inapp, settings
from tests import factories
from tests.fakes import bsre as fake_module
from tests.letters import helpers as h


def _bsre(app, fake, pki) -> None:
    h.trust_office(pki)
    app.config.update(
        BSRE_BASE_URL=fake.url,
        BSRE_USERNAME=fake_module.USERNAME,
        BSRE_PASSWORD=fake_module.PASSWORD,
        BSRE_CONNECT_TIMEOUT=5,
        BSRE_READ_TIMEOUT=60,
    )
    settings.update({"signing.backend": "bsre"}, actor=None)
    db.session.commit()


def _head(name: str, role=Role.PENANDATANGAN):
    return factories.user(role, full_name=name, nik=fake_module.NIK)


def _sign_calls(fake) -> int:
    return sum(1 for r in fake.requests if r["path"] in ("/api/sign/pdf", "/api/v2/sign/pdf"))


def _sign(letter_id: int, signer, end=None):
    results = letter_inapp.sign_batch(
        [letter_id], fake_module.PASSPHRASE, actor=signer, end_transaction=end or db.session.commit
    )
    db.session.commit()
    return results


def _claimed(letter: Letter, head, since) -> None:
    """A claim as a signing process leaves it (one killed mid-call leaves it for good)."""
    letter.signing_by_id = head.id
    letter.signing_since = since
    db.session.commit()


def test_second_signer_is_refused_before_bsre_and_told_who_signs(app, pki, fake_bsre):
    _bsre(app, fake_bsre, pki)
    letter_id = h.prepared_letter().id
    first, second = _head("Kepala Satu"), _head("Admin Dua", Role.SUPERADMIN)
    seen, second_results = [], []

    def first_ends_transaction():
        """The first signer's transaction ends just before its BSrE call (the second end: the
        first is before the certificate check): the second signer signs meanwhile."""
        db.session.commit()
        seen.append(1)
        if len(seen) == 2:
            second_results.extend(_sign(letter_id, second))
            seen.append(_sign_calls(fake_bsre))

    first_results = _sign(letter_id, first, first_ends_transaction)
    assert seen[2] == 0  # the second signer never reached BSrE
    assert _sign_calls(fake_bsre) == 1
    assert [r.ok for r in first_results] == [True]
    assert [r.ok for r in second_results] == [False]
    message = second_results[0].message
    assert "sedang ditandatangani oleh Kepala Satu sejak" in message
    letter = db.session.get(Letter, letter_id)
    assert letter.status == LetterStatus.BERLAKU
    assert (letter.signing_by_id, letter.signing_since) == (None, None)  # cleared on issue


def test_a_claim_racing_another_loses_by_the_version(app, pki, fake_bsre):
    """Both read the letter unclaimed; the other claim is stored first: the versioned UPDATE
    of this one matches no row, and the refusal names the winner."""
    from sisakat.services import letter_claim

    _bsre(app, fake_bsre, pki)
    letter = h.prepared_letter()
    first, second = _head("Kepala Satu"), _head("Kepala Dua")
    first_id, letter_id = first.id, letter.id
    db.session().expire_on_commit = False
    try:
        letter = db.session.get(Letter, letter_id)
        db.session.commit()  # the second's read ends; its object keeps the unclaimed state
        with db.engine.begin() as conn:
            conn.execute(
                db.update(Letter)
                .where(Letter.id == letter_id)
                .values(
                    signing_by_id=first_id,
                    signing_since=clock.now(),
                    version=Letter.version + 1,
                )
            )
        with pytest.raises(DomainError, match="sedang ditandatangani oleh Kepala Satu sejak"):
            letter_claim.claim(letter, actor=second)
    finally:
        db.session().expire_on_commit = True
    assert db.session.get(Letter, letter_id).signing_by_id == first_id


def test_a_failed_signature_releases_the_claim_so_the_head_retries_at_once(app, pki, fake_bsre):
    _bsre(app, fake_bsre, pki)
    letter_id = h.prepared_letter().id
    head = _head("Kepala Satu")
    fake_bsre.mode = "2031"  # wrong passphrase
    assert [r.ok for r in _sign(letter_id, head)] == [False]
    letter = db.session.get(Letter, letter_id)
    assert (letter.signing_by_id, letter.signing_since) == (None, None)
    fake_bsre.mode = "ok"
    results = _sign(letter_id, head)
    assert [(r.ok, r.message) for r in results] == [(True, "Terbit")]
    assert _sign_calls(fake_bsre) == 2
    assert db.session.get(Letter, letter_id).status == LetterStatus.BERLAKU


def test_a_claim_left_by_a_killed_process_expires(app, pki, fake_bsre):
    """Held for the BSrE connect and read timeouts (5 + 60 s here) plus the margin (60 s)."""
    _bsre(app, fake_bsre, pki)
    letter_id = h.prepared_letter().id
    gone, head = _head("Kepala Satu"), _head("Kepala Dua")
    since = clock.now()
    _claimed(db.session.get(Letter, letter_id), gone, since)
    app.config["CLOCK"] = lambda: since + timedelta(seconds=124)
    results = _sign(letter_id, head)
    assert "sedang ditandatangani oleh Kepala Satu" in results[0].message
    assert _sign_calls(fake_bsre) == 0
    app.config["CLOCK"] = lambda: since + timedelta(seconds=126)
    assert [r.ok for r in _sign(letter_id, head)] == [True]
    assert _sign_calls(fake_bsre) == 1


def test_the_desk_shows_who_is_signing_and_since_when(app, pki, fake_bsre, login_as):
    _bsre(app, fake_bsre, pki)
    letter = h.prepared_letter()
    head = _head("Kepala Satu")
    since = clock.now()
    _claimed(letter, head, since)
    client = login_as(_head("Kepala Dua"))
    page = client.get("/tte/").get_data(as_text=True)
    expected = f"Sedang ditandatangani oleh Kepala Satu sejak {settings.office_time(since)}"
    assert expected in page
    app.config["CLOCK"] = lambda: since + timedelta(seconds=126)
    assert "Sedang ditandatangani" not in client.get("/tte/").get_data(as_text=True)
