"""The party's page of a revoked (or replaced) application said "Surat permohonan ini dicabut":
"Surat permohonan" is also the first requirement listed on the same page (the party's own
application letter), so it read as if that document had been revoked. It names the letter."""

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, LetterStatus
from tests.letter_helpers import page


@pytest.mark.parametrize(
    ("status", "letter_status", "said"),
    [
        (ApplicationStatus.DICABUT, LetterStatus.DICABUT, "dicabut dan tidak berlaku lagi"),
        (ApplicationStatus.DIGANTI, LetterStatus.DIGANTI, "sudah diganti oleh surat"),
    ],
)
def test_the_party_reads_that_its_letter_not_its_application_letter_ended(
    app, make, login_as, status, letter_status, said
):
    letter = make.issued_letter(status=letter_status, revoked_reason="Uji.")
    application = letter.application
    application.status = status
    db.session.commit()
    text = page(login_as(application.party.account), f"/pemohon/permohonan/{application.id}")
    assert said in text
    assert "Surat permohonan ini" not in text
    assert "Surat keterangan dari permohonan ini" in text
