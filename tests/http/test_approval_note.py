"""A note for the applicant typed beside "Setujui" reaches the applicant. The decision form
offers "Catatan untuk pemohon" above all three buttons, but approval passed on only the
internal note: the verifier's words to the board vanished without a message."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import ApplicationHistory, ApplicationStatus, Role, Verdict

NOTE = "Berkas lengkap; surat diambil di loket <b>2</b> atau diunduh."


def test_approval_keeps_the_note_for_the_applicant(app, make, login_as):
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    application = make.application(
        status=ApplicationStatus.DIVERIFIKASI, claimed_by=vera, verdict=Verdict.SESUAI
    )
    owner = application.party.account
    response = login_as(vera).post(
        f"/petugas/permohonan/{application.id}/setujui",
        data={"version": str(application.version), "note": NOTE, "internal_note": "Cek."},
    )
    assert response.status_code == 302
    db.session.refresh(application)
    assert application.status == ApplicationStatus.MENUNGGU_TTE
    row = db.session.execute(
        db.select(ApplicationHistory).filter_by(
            application_id=application.id, to_status=ApplicationStatus.MENUNGGU_TTE
        )
    ).scalar_one()
    assert (row.note, row.internal_note) == (NOTE, "Cek.")
    page = login_as(owner).get(f"/pemohon/permohonan/{application.id}").get_data(as_text=True)
    assert "Berkas lengkap; surat diambil di loket &lt;b&gt;2&lt;/b&gt; atau diunduh." in page
    assert "Cek." not in page  # the internal note stays with the staff
