"""The satisfaction survey and the IKM report (page, XLSX, print)."""

import io
import re
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import Role, SurveyResponse
from sisakat.services import survey
from tests.auth_helpers import use_clock

ANSWERS = {f"u{i}": "4" for i in range(1, 10)} | {"service": "skt_parpol"}


def test_public_survey_is_stored_with_optional_respondent_data(client):
    page = client.get("/survei", follow_redirects=True).get_data(as_text=True)
    assert "Sangat sopan dan ramah" in page  # official answer wording
    response = client.post(
        "/survei",
        data={**ANSWERS, "u3": "2", "sex": "Perempuan", "suggestion": "Tambah kursi tunggu."},
    )
    assert response.status_code == 302
    row = db.session.execute(db.select(SurveyResponse)).scalar_one()
    assert row.answers() == (4, 4, 2, 4, 4, 4, 4, 4, 4)
    assert (row.sex, row.age_group, row.application_id) == ("Perempuan", "", None)
    incomplete = client.post("/survei", data={"u1": "4"})
    assert "Pilih salah satu jawaban." in incomplete.get_data(as_text=True)
    assert client.post("/survei", data={**ANSWERS, "u1": "5"}).status_code == 200


def test_one_response_per_issued_application(app, make):
    first, second = make.issued_letter().application_id, make.issued_letter().application_id
    data = survey.SurveyInput(answers=(3,) * 9)
    survey.submit(data, application_id=first)
    db.session.commit()
    with pytest.raises(DomainError, match="sudah diisi"):
        survey.submit(data, application_id=first)
    survey.submit(data, application_id=second)
    survey.submit(data)  # public responses have no application
    survey.submit(data)
    assert db.session.execute(db.select(db.func.count(SurveyResponse.id))).scalar_one() == 4


def test_public_survey_is_rate_limited(app, client):
    use_clock(app)
    statuses = [client.post("/survei", data=ANSWERS).status_code for _ in range(5)]
    assert statuses == [302] * 5
    refused = client.post("/survei", data={**ANSWERS, "suggestion": "Antrean perlu nomor."})
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "3600"  # the clock stands at the window's start
    page = refused.get_data(as_text=True)
    assert "Terlalu banyak kiriman dari alamat ini" in page
    # The answers come back as given, not an error page that drops them.
    assert len(re.findall(r'<input checked[^>]*value="4"', page)) == 9
    assert "Antrean perlu nomor.</textarea>" in page


def test_report_page_and_xlsx_hold_the_same_numbers(app, make, login_as):
    from tests.unit.test_ikm import HAND_WORKED

    for answers in HAND_WORKED:
        make.survey_response(answers, created_at=datetime(2026, 5, 4, 3, 0), commit=False)
    make.survey_response((1,) * 9, created_at=datetime(2025, 12, 1), suggestion="Lama")
    staff = login_as(make.user(Role.PENANDATANGAN))
    html = staff.get("/laporan/ikm?start=2026-01-01&end=2026-12-31").get_data(as_text=True)
    assert '<div class="fs-3" id="responden">4</div>' in html
    assert '<div class="fs-3" id="nilai-ikm">81,94</div>' in html
    assert "B (Baik)" in html
    assert "IKM = (NRR U1 × 1/9" in html
    xlsx = staff.get("/laporan/ikm.xlsx?start=2026-01-01&end=2026-12-31")
    sheet = load_workbook(io.BytesIO(xlsx.data))["IKM"]
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert rows["Jumlah responden"][1] == 4
    assert rows["IKM"][1] == 81.94
    assert rows["Mutu pelayanan"][1] == "B (Baik)"
    assert [rows[f"U{i}"][3] for i in range(1, 10)] == [
        3.5,
        3.25,
        2.75,
        4,
        3.25,
        3.25,
        3.75,
        2.75,
        3,
    ]
    for i in range(1, 10):
        assert f"{rows[f'U{i}'][3]:.2f}".replace(".", ",") in html
    assert survey.report(date(2026, 1, 1), date(2026, 12, 31)).result.respondents == 4


def test_report_page_and_xlsx_show_the_respondent_profile(app, make, login_as):
    """The survey asks age, sex, education and occupation, and the SKM report of PermenPANRB
    14/2017 carries that profile of the respondents; the staff report and its XLSX showed none
    of it (the answers were stored and never read). Both now count them per choice, with the
    answers that left a question empty as "Tidak diisi", each group adding up to the
    respondents of the period."""
    moment = datetime(2026, 5, 4, 3, 0)
    for sex, education in (("Perempuan", "D4/S1"), ("Perempuan", "S2"), ("Laki-laki", "")):
        make.survey_response(created_at=moment, sex=sex, education=education, commit=False)
    make.survey_response(created_at=datetime(2025, 12, 1), sex="Laki-laki")  # another period
    staff = login_as(make.user(Role.VERIFIKATOR))
    html = staff.get("/laporan/ikm?start=2026-01-01&end=2026-12-31").get_data(as_text=True)
    profile = re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", html.split('id="profil"')[1]))
    for line in ("Perempuan 2", "Laki-laki 1", "D4/S1 1", "S2 1", "SMP 0", "Tidak diisi 1"):
        assert line in profile
    assert "Tidak diisi 3" in profile  # nobody gave an age nor an occupation
    sheet = load_workbook(
        io.BytesIO(staff.get("/laporan/ikm.xlsx?start=2026-01-01&end=2026-12-31").data)
    )["Profil Responden"]
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert ("Jenis kelamin", "Perempuan", 2) in rows
    assert ("Jenis kelamin", "Laki-laki", 1) in rows
    assert ("Pendidikan", "Tidak diisi", 1) in rows
    assert ("Usia", "Tidak diisi", 3) in rows
    for group in ("Usia", "Jenis kelamin", "Pendidikan", "Pekerjaan"):
        assert sum(r[2] for r in rows if r[0] == group) == 3


def test_xlsx_suggestions_never_become_formulas(app, make, login_as):
    make.survey_response(suggestion='=HYPERLINK("http://contoh.test","klik")')
    xlsx = login_as(make.user(Role.VERIFIKATOR)).get("/laporan/ikm.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.data))["Saran"]
    cell = sheet.cell(row=2, column=2)
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://contoh.test","klik")'  # exact text, no quote


def test_no_service_is_chosen_for_the_respondent_while_there_are_several(client):
    """The first service used to be chosen beforehand, so everyone who did not change it was
    counted under it (skewing that service's IKM): with two active services nothing is chosen,
    and a survey sent without one is refused beside the field, keeping every answer."""
    blank = client.get("/survei", follow_redirects=True).get_data(as_text=True)
    assert 'name="service"' in blank
    assert not re.search(r'<input checked[^>]*name="service"', blank)
    unchosen = {k: v for k, v in ANSWERS.items() if k != "service"}
    refused = client.post("/survei", data={**unchosen, "suggestion": "Loket ramah."})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert re.search(
        r'<div id="service-error"><div class="invalid-feedback d-block">'
        r"Pilih layanan yang Anda gunakan\.</div>",
        page,
    )
    assert len(re.findall(r'<input checked[^>]*value="4"', page)) == 9
    assert "Loket ramah.</textarea>" in page
    forged = client.post("/survei", data={**ANSWERS, "service": "tidak_ada"})
    assert "Pilih layanan yang Anda gunakan." in forged.get_data(as_text=True)
    assert db.session.execute(db.select(db.func.count(SurveyResponse.id))).scalar_one() == 0
    chosen = client.post("/survei", data={**ANSWERS, "service": "lapor_ormas"})
    assert chosen.status_code == 302
    assert db.session.execute(db.select(SurveyResponse.service_code)).scalar_one() == "lapor_ormas"


def test_the_only_active_service_is_chosen_beforehand(app, client):
    from sisakat.services import catalog

    catalog.get("lapor_ormas").active = False
    db.session.commit()
    blank = client.get("/survei", follow_redirects=True).get_data(as_text=True)
    assert re.search(r'<input checked[^>]*name="service"[^>]*value="skt_parpol"', blank)
    assert "lapor_ormas" not in blank
