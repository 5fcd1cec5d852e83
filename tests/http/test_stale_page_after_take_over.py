"""A verifier whose review was taken over, still on the page they opened before, is told who
took it over: the take-over writes no history row, so a stale decision named the verifier
themself ("sudah diubah oleh Vera ... pada <her own claim time>") and a verdict asked her to
"Ambil permohonan ini terlebih dahulu", a review she had claimed."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import ApplicationDocument, ApplicationStatus, Role, Verdict
from sisakat.services import takeover, users


def _taken_over(make):
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    budi = make.user(Role.VERIFIKATOR, full_name="Budi Pemeriksa")
    admin = make.user(Role.SUPERADMIN)
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera, verdict=Verdict.SESUAI
    )
    seen = application.version  # Vera's page, opened before she was away
    users.set_active(vera, False, actor=admin)
    takeover.take_over(application, actor=budi, seen_version=application.version)
    users.set_active(vera, True, actor=admin)
    db.session.commit()
    return vera, application, seen


def test_a_stale_decision_names_who_took_the_review_over(app, make, login_as):
    vera, application, seen = _taken_over(make)
    response = login_as(vera).post(
        f"/petugas/permohonan/{application.id}/setujui",
        data={"version": str(seen), "note": "Lengkap.", "internal_note": ""},
    )
    body = response.get_data(as_text=True)
    assert "sudah diubah oleh Budi Pemeriksa pada" in body
    assert "sudah diubah oleh Vera Verifikator" not in body
    assert "Lengkap." in body  # the note typed is still there
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI


def test_a_stale_verdict_names_who_reviews_now(app, make, login_as):
    vera, application, seen = _taken_over(make)
    document = db.session.execute(db.select(ApplicationDocument).limit(1)).scalar_one()
    response = login_as(vera).post(
        f"/petugas/permohonan/{application.id}/dokumen/{document.id}/nilai",
        data={"version": str(seen), "verdict": Verdict.TIDAK_SESUAI.value, "reason": "Buram."},
        follow_redirects=True,
    )
    body = response.get_data(as_text=True)
    assert "Permohonan ini sedang diverifikasi oleh Budi Pemeriksa." in body
    assert "Ambil permohonan ini terlebih dahulu" not in body
    db.session.refresh(document)
    assert document.verdict == Verdict.SESUAI
