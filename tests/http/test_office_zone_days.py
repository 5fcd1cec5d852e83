"""An office east of WIB (WIT, UTC+9) reads every day in its own zone: just after its midnight
the UTC calendar is still on the day before, and no screen, export or ticket may show that day."""

from __future__ import annotations

from datetime import datetime

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import settings

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
