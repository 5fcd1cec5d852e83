"""Texts a verifier reads (found walking a verifier's day): a colleague's name with a degree
ended the refusal with two periods ("Rina Pemeriksa, S.H.."), and the queue told 39 working
hours as "1 hari 15 jam", a "day" of 24 office hours (three office days), dropping the minutes."""

import re
from datetime import datetime

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Role
from tests.monitoring_helpers import wib


def test_refusal_names_a_colleague_with_a_degree_with_one_period(client, make, login_as):
    rina = make.user(Role.VERIFIKATOR, full_name="Rina Pemeriksa, S.H.")
    application = make.application(status=ApplicationStatus.DIVERIFIKASI, claimed_by=rina)
    other = login_as(make.user(Role.VERIFIKATOR), client)
    answer = other.post(
        f"/petugas/permohonan/{application.id}/setujui",
        data={"version": application.version},
        follow_redirects=True,
    )
    text = re.sub(r"\s+", " ", answer.get_data(as_text=True))
    assert "sedang diverifikasi oleh Rina Pemeriksa, S.H. " in text or (
        "sedang diverifikasi oleh Rina Pemeriksa, S.H.<" in text
    )
    assert "S.H.." not in text
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI


def test_queue_tells_working_time_in_hours_and_minutes(app, client, make, login_as):
    # Monday 30 November 2026 08.30 WIB to Sunday 6 December: 7,5 + 4 x 8 = 39,5 office hours
    app.config["CLOCK"] = lambda: datetime(2026, 12, 6, 13, 0)
    application = make.application(status=ApplicationStatus.DIAJUKAN)
    application.submitted_at = application.status_changed_at = wib("2026-11-30 08:30")
    db.session.commit()
    page = login_as(make.user(Role.VERIFIKATOR), client).get("/petugas/")
    text = re.sub(r"\s+", " ", page.get_data(as_text=True))
    assert "39 jam 30 menit" in text
    assert "hari" not in text[text.index("<tbody>") : text.index("</tbody>")]
