"""A long complaint or survey suggestion pasted into its box (found by a QA pass): the box's
``maxlength`` made the browser cut the paste at 5,000 (complaint) or 2,000 (suggestion)
characters without a word, and the complaint was filed without its end. The boxes now take the
whole paste; the server refuses it beside the field with every character kept to shorten."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Complaint, SurveyResponse

ANSWERS = {f"u{i}": "3" for i in range(1, 10)}


def _textarea(page: str, name: str) -> str:
    return re.search(rf'<textarea[^>]*name="{name}"[^>]*>', page).group(0)


def test_the_boxes_do_not_cut_a_paste(client):
    assert "maxlength" not in _textarea(client.get("/pengaduan").get_data(as_text=True), "body")
    survey = client.get("/survei", follow_redirects=True).get_data(as_text=True)
    assert "maxlength" not in _textarea(survey, "suggestion")


def test_a_too_long_complaint_comes_back_whole_with_the_limit(client):
    long = "Kronologi kejadian di loket. " * 200  # 5,800 characters
    refused = client.post(
        "/pengaduan", data={"contact": "warga@contoh.test", "category": "d0", "body": long}
    )
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "Isi 10 sampai 5.000 karakter." in page
    assert long.strip() + "</textarea>" in page
    assert db.session.execute(db.select(db.func.count(Complaint.id))).scalar_one() == 0


def test_a_too_long_suggestion_comes_back_whole_with_the_answers(client):
    long = "Saran perbaikan layanan. " * 100  # 2,500 characters
    survey = client.get("/survei", follow_redirects=True).get_data(as_text=True)
    service = re.search(r'name="service"[^>]*value="([^"]+)"', survey).group(1)
    page = client.post(
        "/survei", data={**ANSWERS, "service": service, "suggestion": long}
    ).get_data(as_text=True)
    assert "Paling banyak 2.000 karakter." in page
    assert long.strip() + "</textarea>" in page
    assert page.count("checked") >= 9
    assert db.session.execute(db.select(db.func.count(SurveyResponse.id))).scalar_one() == 0
