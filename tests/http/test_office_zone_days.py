"""An office east of WIB (WIT, UTC+9) reads every day in its own zone: just after its midnight
the UTC calendar is still on the day before, and no screen, export or ticket may show that day."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook

from sisakat.extensions import db
from sisakat.models import Complaint, Role
from sisakat.services import settings
from tests.letter_helpers import fixed_clock

# 16.30 UTC on Sunday 6 December 2026 is 01.30 WIT on Monday 7 December in Sentani.
JUST_AFTER_MIDNIGHT = datetime(2026, 12, 6, 16, 30)


def _wit_office() -> None:
    settings.update({"agency.timezone": "WIT", "agency.city": "Sentani"}, actor=None)
    db.session.commit()


def test_an_application_made_after_the_offices_midnight_shows_the_offices_day(app, make, login_as):
    """The applicant's dashboard and the staff's board history printed the application's UTC
    day (6 Desember) while its timeline said 7 Desember 01.30 WIT."""
    _wit_office()
    application = make.application()
    application.created_at = JUST_AFTER_MIDNIGHT
    db.session.commit()
    party = application.party
    dashboard = login_as(party.account).get("/pemohon/").get_data(as_text=True)
    assert f"Permohonan #{application.id} · SKT Partai Politik · 7 Desember 2026" in dashboard
    assert "6 Desember 2026" not in dashboard
    staff = login_as(make.user(Role.VERIFIKATOR))
    history = staff.get(f"/laporan/rekap-partai/{party.id}").get_data(as_text=True)
    assert f"Permohonan #{application.id} · 7 Desember 2026" in history
    assert "6 Desember 2026" not in history


def test_the_ikm_workbook_dates_a_suggestion_by_the_offices_day(app, make, login_as):
    """The report counts a response by the office's day (7 Desember) and the page shows it at
    7 Desember 2026 01.30 WIT, but the XLSX's Saran sheet dated it 6 Desember 2026."""
    _wit_office()
    make.survey_response(created_at=JUST_AFTER_MIDNIGHT, suggestion="Ruang tunggu sejuk.")
    staff = login_as(make.user(Role.VERIFIKATOR))
    period = "?start=2026-12-07&end=2026-12-07"
    page = staff.get(f"/laporan/ikm{period}").get_data(as_text=True)
    assert "7 Desember 2026 01.30 WIT" in page
    response = staff.get(f"/laporan/ikm.xlsx{period}")
    book = load_workbook(io.BytesIO(response.data))
    sheet = book["Saran"]
    # A date-time cell in the office's zone (sortable in Excel), no longer the text of a day.
    assert [c.value for c in sheet[1]] == ["Waktu (WIT)", "Saran"]
    assert [c.value for c in sheet[2]] == [datetime(2026, 12, 7, 1, 30), "Ruang tunggu sejuk."]
    assert sheet["A2"].is_date
    assert sheet["A2"].number_format == "dd/mm/yyyy hh:mm"
    period = book["IKM"][2]
    assert [c.value for c in period[:4]] == [
        "Periode", datetime(2026, 12, 7), "s.d.", datetime(2026, 12, 7)
    ]  # fmt: skip
    assert period[1].is_date
    assert period[1].number_format == "dd/mm/yyyy"


def test_a_complaint_filed_after_the_offices_new_year_gets_the_new_years_ticket(
    app, client, make, login_as
):
    """Filed at 01.30 WIT on 1 January 2027 (still 31 December in UTC): the ticket said
    ADU-2026-... while the complaint page says it was received on 1 Januari 2027."""
    _wit_office()
    fixed_clock(app, datetime(2026, 12, 31, 16, 30))
    form = {
        "name": "Warga Contoh",
        "contact": "0812000001",
        "category": "d0",
        "body": "Antrean terlalu lama.",
    }
    filed = client.post("/pengaduan", data=form)
    complaint = db.session.execute(db.select(Complaint)).scalar_one()
    assert complaint.ticket == f"ADU-2027-{complaint.id:06d}"
    page = client.get(filed.headers["Location"]).get_data(as_text=True)
    assert complaint.ticket in page
    assert "1 Januari 2027 01.30 WIT" in page
