"""A review whose verifier's account was deactivated is not stuck: another verifier takes it
over (the verdicts so far stay, both names are in the audit trail); while the claimer is active
nobody can take it, and the banner never says 'sedang diverifikasi' after the review."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, AuditEvent, Role, Verdict
from sisakat.services import users


def _post(client, application, what: str, version: int):
    return client.post(
        f"/petugas/permohonan/{application.id}/{what}",
        data={"version": str(version)},
        follow_redirects=True,
    )


def test_another_verifier_takes_over_when_the_claimer_is_deactivated(app, make, login_as):
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    budi = make.user(Role.VERIFIKATOR, full_name="Budi Pemeriksa")
    admin = make.user(Role.SUPERADMIN)
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera, verdict=Verdict.SESUAI
    )
    client = login_as(budi)
    page = client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
    assert "Ambil Alih Verifikasi" not in page  # Vera is still at work
    refused = _post(client, application, "ambil-alih", application.version)
    assert "hanya dapat diambil alih bila verifikatornya sudah tidak aktif" in refused.get_data(
        as_text=True
    )
    db.session.refresh(application)
    assert application.claimed_by_id == vera.id

    users.set_active(vera, False, actor=admin)
    db.session.commit()
    page = client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
    assert "sudah tidak aktif; verifikator lain dapat mengambil alih" in page
    assert "Ambil Alih Verifikasi" in page
    done = _post(client, application, "ambil-alih", application.version)
    assert "Verifikasi permohonan ini Anda ambil alih." in done.get_data(as_text=True)
    db.session.refresh(application)
    assert application.claimed_by_id == budi.id
    assert application.status == ApplicationStatus.DIVERIFIKASI
    event = db.session.execute(
        db.select(AuditEvent).filter_by(action="application.take_over")
    ).scalar_one()
    assert event.actor_id == budi.id
    assert str(vera.id) in event.details
    # Budi can now finish the review Vera started.
    approved = _post(client, application, "setujui", application.version)
    assert "surat menunggu TTE" in approved.get_data(as_text=True)
    db.session.refresh(application)
    assert application.status == ApplicationStatus.MENUNGGU_TTE
    page = client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
    assert "Sedang diverifikasi" not in page
    assert "Diverifikasi oleh Budi Pemeriksa." in page
