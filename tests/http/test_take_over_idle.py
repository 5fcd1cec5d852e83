"""A review is not blocked while its verifier is away but still active: after two whole working
days without an act of theirs on the application, another verifier may take it over. The
review page says since when it is idle, the audit row names both verifiers and the earlier
claimer is told. Before, only a deactivated claimer's review could be taken over."""

from __future__ import annotations

import json
from datetime import timedelta

from sisakat.extensions import db
from sisakat.models import (
    ApplicationDocument,
    ApplicationStatus,
    AuditEvent,
    Notification,
    Role,
    Verdict,
)
from sisakat.services import settings, takeover, verification


def _post(client, application, what: str):
    db.session.refresh(application)
    return client.post(
        f"/petugas/permohonan/{application.id}/{what}",
        data={"version": str(application.version)},
        follow_redirects=True,
    )


def _page(client, application) -> str:
    return client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)


def test_a_claim_idle_for_two_working_days_can_be_taken_over(app, make, login_as):
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    budi = make.user(Role.VERIFIKATOR, full_name="Budi Pemeriksa")
    application = make.application(status=ApplicationStatus.DIAJUKAN)
    vera_client = login_as(vera)
    assert "diambil untuk diverifikasi" in _post(vera_client, application, "ambil").get_data(
        as_text=True
    )
    claimed_at = takeover.last_activity(application)

    # The day after the claim, even at its end: Vera is still within her two working days.
    app.config["CLOCK"] = lambda: claimed_at + timedelta(days=1, hours=8)
    budi_client = login_as(budi)  # sessions follow the moved clock
    page = _page(budi_client, application)
    assert "Ambil Alih Verifikasi" not in page
    assert "Tidak ada tindakan dari" not in page
    refused = _post(budi_client, application, "ambil-alih").get_data(as_text=True)
    assert "tidak bertindak atas permohonan ini selama 2 hari kerja" in refused
    db.session.refresh(application)
    assert application.claimed_by_id == vera.id

    # Two weeks on (at least two whole working days whatever the weekday and holidays).
    app.config["CLOCK"] = lambda: claimed_at + timedelta(days=14)
    vera_client, budi_client = login_as(vera), login_as(budi)
    since = settings.office_time(claimed_at)
    page = _page(budi_client, application)
    assert f"Tidak ada tindakan dari Vera Verifikator pada permohonan ini sejak {since}" in page
    assert "Ambil Alih Verifikasi" in page
    assert "Ambil Alih Verifikasi" not in _page(vera_client, application)  # her own review
    done = _post(budi_client, application, "ambil-alih").get_data(as_text=True)
    assert "Verifikasi permohonan ini Anda ambil alih." in done
    db.session.refresh(application)
    assert application.claimed_by_id == budi.id
    assert application.status == ApplicationStatus.DIVERIFIKASI

    event = db.session.execute(
        db.select(AuditEvent).filter_by(action="application.take_over")
    ).scalar_one()
    details = json.loads(event.details)
    assert event.actor_id == budi.id
    assert (details["from_user"], details["from_name"]) == (vera.id, "Vera Verifikator")
    assert details["to_name"] == "Budi Pemeriksa"
    assert details["reason"] == "tidak_bertindak"
    told = db.session.execute(db.select(Notification).filter_by(user_id=vera.id)).scalars().all()
    assert [
        n for n in told if "diambil alih oleh Budi Pemeriksa" in n.message and since in n.message
    ]
    # Budi's claim counts from his take-over (written at the real time: back to that clock).
    del app.config["CLOCK"]
    assert takeover.idle_since(application) is None
    assert "Ambil Alih Verifikasi" not in _page(login_as(vera), application)


def test_an_act_by_the_claimer_counts_from_its_own_moment(app, make, login_as):
    """A verdict on one of the documents is an act on the application: the two working days
    count from it, not from the claim."""
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    application = make.application(status=ApplicationStatus.DIAJUKAN)
    _post(login_as(vera), application, "ambil")
    claimed_at = takeover.last_activity(application)
    document = db.session.execute(db.select(ApplicationDocument)).scalars().first()
    verification.judge_document(
        application, document, actor=vera, verdict=Verdict.SESUAI, reason=""
    )
    db.session.commit()
    assert takeover.last_activity(application) == document.judged_at >= claimed_at
