"""Two signers at once on one letter (two heads, a head and the super admin, two tabs): the
second signing call returns after the first has issued the letter. The second signer must be
told the letter is issued and by whom, never that it is "not issued yet". (The signing claim,
``test_inapp_claim.py``, now refuses the first while the second's claim is live; here it has
expired.)"""

from datetime import timedelta

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role, SigningMethod
from sisakat.services import clock, letter_inapp, settings
from tests import factories
from tests.letters import helpers as h
from tests.pki import P12_PASSPHRASE


def test_second_signer_is_told_the_letter_was_issued_by_the_first(app, pki):
    h.trust_office(pki)
    app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    letter_id = h.prepared_letter().id
    first = factories.user(Role.PENANDATANGAN, full_name="Kepala Satu")
    second = factories.user(Role.SUPERADMIN, full_name="Admin Dua")
    first_results = []

    def end_transaction():
        """The second signer's transaction ends before its signing call (its claim committed);
        meanwhile the claim outlives its expiry (letter_claim.expires_at: a call stuck past the
        BSrE timeouts) and the first signer signs the same letter to the end."""
        db.session.commit()
        if not first_results:
            later = clock.now() + timedelta(minutes=10)
            app.config["CLOCK"] = lambda: later
            first_results.extend(
                letter_inapp.sign_batch(
                    [letter_id], P12_PASSPHRASE, actor=first, end_transaction=db.session.commit
                )
            )

    results = letter_inapp.sign_batch(
        [letter_id], P12_PASSPHRASE, actor=second, end_transaction=end_transaction
    )
    db.session.commit()
    assert [r.ok for r in first_results] == [True]
    letter = db.session.get(Letter, letter_id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.signing_method == SigningMethod.PADES
    assert [r.ok for r in results] == [False]
    message = results[0].message
    assert "belum terbit" not in message
    assert "sudah tidak menunggu tanda tangan" in message
    assert "Berlaku" in message
    assert "Kepala Satu" in message
