"""The satisfaction survey after issue: offered on the dashboard, one response per application."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, SurveyResponse
from tests.letter_helpers import SURVEY_ANSWERS, page


def _responses(application_id: int) -> int:
    return db.session.execute(
        db.select(db.func.count(SurveyResponse.id)).where(
            SurveyResponse.application_id == application_id
        )
    ).scalar_one()


def test_party_rates_its_issued_application_once(app, make, login_as):
    letter = make.issued_letter()
    party = login_as(letter.application.party.account)
    url = f"/pemohon/permohonan/{letter.application_id}/survei"
    assert "Isi Survei Kepuasan" in page(party, "/pemohon/")
    assert "Sangat sopan dan ramah" in page(party, url)
    done = party.post(url, data={**SURVEY_ANSWERS, "u2": "3"})
    assert done.status_code == 302
    assert done.headers["Location"].endswith("/pemohon/")
    row = db.session.execute(db.select(SurveyResponse)).scalar_one()
    assert row.application_id == letter.application_id
    assert row.u2 == 3
    again = party.post(url, data=SURVEY_ANSWERS)
    assert "sudah diisi" in again.get_data(as_text=True)
    assert _responses(letter.application_id) == 1
    assert "Isi Survei Kepuasan" not in page(party, "/pemohon/")


def test_survey_is_closed_before_issue_and_hidden_from_other_parties(app, make, login_as):
    letter = make.issued_letter()
    owner = letter.application.party
    draft = make.application(owner, status=ApplicationStatus.DIAJUKAN)
    party = login_as(owner.account)
    closed = party.post(f"/pemohon/permohonan/{draft.id}/survei", data=SURVEY_ANSWERS)
    assert "setelah surat untuk permohonan ini terbit" in closed.get_data(as_text=True)
    assert _responses(draft.id) == 0
    stranger = login_as(make.party().account)
    url = f"/pemohon/permohonan/{letter.application_id}/survei"
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, data=SURVEY_ANSWERS).status_code == 404
    assert _responses(letter.application_id) == 0
    assert party.get("/pemohon/permohonan/999999/survei").status_code == 404


def test_survey_url_builder_for_the_issue_notification(app, make):
    from sisakat.submission.survey import survey_url

    letter = make.issued_letter()
    with app.test_request_context():
        assert survey_url(letter.application_id) == (
            f"/pemohon/permohonan/{letter.application_id}/survei"
        )


def test_closed_survey_of_an_ormas_never_speaks_of_an_skt(app, make, login_as):
    # An ormas receives a Surat Keterangan Melapor, never an SKT (Kemendagri issues those);
    # before, its closed survey page said "setelah SKT untuk permohonan ini terbit".
    report = make.application(make.ormas(), status=ApplicationStatus.DIAJUKAN)
    html = page(login_as(report.party.account), f"/pemohon/permohonan/{report.id}/survei")
    assert "setelah surat untuk permohonan ini terbit" in html
    assert "SKT" not in html.split("<main", 1)[1]
