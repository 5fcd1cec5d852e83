"""Returned without a note of their own, the party's note lists each Tidak Sesuai document with
its reason. Found walking the party's journey: reasons are written as sentences, so the joined
note read "... bertanda tangan dan stempel.; KTP ketua, ...: KTP bendahara tidak terbaca." in the
party's history, bell and e-mail. Each reason now ends as one sentence, whatever it ended with."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import ApplicationHistory, ApplicationStatus, Role, Verdict
from tests.workflow_http import act, items, latest, page_text


def test_the_listed_reasons_read_as_sentences(app, make, login_as):
    verifier = make.user(Role.VERIFIKATOR)
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=verifier, verdict=Verdict.SESUAI
    )
    first, second = items(application)[:2]
    for item, reason in (
        (first, "Belum ditandatangani ketua; unggah yang bertanda tangan dan stempel."),
        (second, "KTP bendahara tidak terbaca"),
    ):
        doc = latest(item)
        doc.verdict, doc.reason = Verdict.TIDAK_SESUAI, reason
    db.session.commit()
    act(login_as(verifier), f"/petugas/permohonan/{application.id}/kembalikan", application)
    assert application.status == ApplicationStatus.PERLU_PERBAIKAN
    note = db.session.execute(
        db.select(ApplicationHistory.note).filter_by(
            application_id=application.id, to_status=ApplicationStatus.PERLU_PERBAIKAN
        )
    ).scalar_one()
    assert note == (
        f"{first.name}: Belum ditandatangani ketua; unggah yang bertanda tangan dan stempel. "
        f"{second.name}: KTP bendahara tidak terbaca."
    )
    bell = page_text(login_as(application.party.account).get("/akun/notifikasi"))
    assert ".;" not in bell
