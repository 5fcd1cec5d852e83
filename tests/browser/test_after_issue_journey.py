"""After the SKT is issued, on a phone: the party rates the service from its dashboard link, once
per application; the link is gone afterwards and the survey page says it was filled."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import SurveyResponse
from tests.browser import journeys as j

pytestmark = pytest.mark.browser

SUGGESTION = "SKT terbit tepat waktu; terima kasih."


def test_party_fills_the_survey_after_issue_once_from_its_dashboard(phone_page, make):
    page = phone_page
    letter = make.issued_letter()
    owner, application_id = letter.application.party.account.username, letter.application_id
    board = letter.application.party.board_name
    j.fresh()
    j.log_in(page, owner)
    expect(page.get_by_role("link", name="Unduh SKT")).to_be_visible()
    page.get_by_role("link", name="Isi Survei Kepuasan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Survei")
    j.fill_survey(page, SUGGESTION)
    page.get_by_role("button", name="Kirim Survei").click()
    assert "Terima kasih, jawaban survei Anda sudah kami terima." in j.alert_text(page)
    expect(page.get_by_role("heading", name=f"Beranda {board}")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Beranda Pemohon · [^<]+$"))  # no markup in <title>
    expect(page.get_by_role("link", name="Unduh SKT")).to_be_visible()
    expect(page.get_by_role("link", name="Isi Survei Kepuasan")).to_have_count(0)
    assert j.fits_width(page)
    page.goto(f"/pemohon/permohonan/{application_id}/survei")
    expect(page.get_by_role("status")).to_contain_text("Survei untuk permohonan ini sudah diisi.")
    expect(page.get_by_role("button", name="Kirim Survei")).to_have_count(0)
    j.fresh()
    (response,) = db.session.scalars(db.select(SurveyResponse)).all()
    assert (response.application_id, response.suggestion) == (application_id, SUGGESTION)
    assert response.u9 == 4  # the best of the four answers
