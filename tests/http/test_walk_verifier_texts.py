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


def test_refused_return_and_approval_say_what_is_missing_once(client, make, login_as):
    """A return with nothing marked Tidak Sesuai said 'Alasan wajib diisi.' (the note box is
    optional for a return: it is filled from the Tidak Sesuai list), and an approval repeated
    'Dokumen wajib belum dinyatakan Sesuai:' once per document."""
    vera = make.user(Role.VERIFIKATOR)
    application = make.application(status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera)
    verifier, url = login_as(vera, client), f"/petugas/permohonan/{application.id}"
    data = {"version": application.version, "note": "", "internal_note": ""}
    returned = verifier.post(f"{url}/kembalikan", data=data, follow_redirects=True)
    text = re.sub(r"\s+", " ", returned.get_data(as_text=True))
    assert "Belum dapat diproses: Tandai minimal satu dokumen Tidak Sesuai beserta alasannya." in (
        text
    )
    assert "Alasan wajib diisi." not in text
    approved = verifier.post(f"{url}/setujui", data=data, follow_redirects=True)
    text = re.sub(r"\s+", " ", approved.get_data(as_text=True))
    assert text.count("belum dinyatakan Sesuai") == 1
    assert "Dokumen wajib belum dinyatakan Sesuai: Surat permohonan; SK kepengurusan" in text
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI
