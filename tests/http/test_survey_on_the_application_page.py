"""The issue notification ("Buka permohonan untuk mengunduhnya") leads to the application page,
and there the party downloaded its letter without ever seeing the satisfaction survey: only the
dashboard offered "Isi Survei Kepuasan". The application page offers it too, until answered."""

from sisakat.extensions import db
from sisakat.models import ApplicationStatus
from tests.letter_helpers import SURVEY_ANSWERS, page


def test_the_issued_application_page_offers_the_survey_until_it_is_answered(app, make, login_as):
    letter = make.issued_letter()
    db.session.commit()
    party = login_as(letter.application.party.account)
    url = f"/pemohon/permohonan/{letter.application_id}"
    survey = f"{url}/survei"
    assert f'href="{survey}"' in page(party, url)
    assert "Isi Survei Kepuasan" in page(party, url)
    assert party.post(survey, data=SURVEY_ANSWERS).status_code == 302
    assert "Isi Survei Kepuasan" not in page(party, url)


def test_an_application_not_issued_offers_no_survey(app, make, login_as):
    application = make.application(status=ApplicationStatus.DIAJUKAN)
    db.session.commit()
    party = login_as(application.party.account)
    assert "Isi Survei Kepuasan" not in page(party, f"/pemohon/permohonan/{application.id}")
