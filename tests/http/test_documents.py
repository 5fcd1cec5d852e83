"""Document downloads: own only for parties, personal-data views by staff are audited; extra
posted fields never change state; a crash between file write and commit leaves no row."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationDocument, AuditEvent, Role
from sisakat.models import ApplicationStatus as S
from tests.workflow_http import act, items, latest, upload


def _audits(action: str) -> list[AuditEvent]:
    return list(
        db.session.execute(db.select(AuditEvent).where(AuditEvent.action == action)).scalars()
    )


def test_staff_view_of_ktp_is_audited_other_documents_not(app, make, login_as):
    application = make.application(status=S.DIAJUKAN)
    staff = login_as(make.user(Role.VERIFIKATOR))
    ktp = next(it for it in items(application) if it.personal_data)
    letter = next(it for it in items(application) if not it.personal_data)
    base = f"/petugas/permohonan/{application.id}/dokumen"
    response = staff.get(f"{base}/{latest(ktp).id}")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert "no-store" in response.headers["Cache-Control"]
    assert response.data.startswith(b"%PDF-")
    response.close()
    staff.get(f"{base}/{latest(letter).id}").close()
    views = _audits("document.view_personal")
    assert [v.object_id for v in views] == [str(latest(ktp).id)]


def test_staff_open_a_document_in_the_browser_viewer_and_it_is_audited_the_same(
    app, make, login_as
):
    """ "Lihat" opens the PDF inline in a new tab (nothing saved to the laptop's Downloads);
    anything but ``lihat=1`` downloads as before. The KTP view is recorded either way."""
    application = make.application(status=S.DIAJUKAN)
    staff = login_as(make.user(Role.VERIFIKATOR))
    ktp = latest(next(it for it in items(application) if it.personal_data))
    base = f"/petugas/permohonan/{application.id}/dokumen/{ktp.id}"
    page = staff.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
    assert f'href="{base}?lihat=1" target="_blank" rel="noopener">Lihat' in page
    assert f'href="{base}" download>Unduh ' in page  # a download: no "leave site?"
    shown = staff.get(f"{base}?lihat=1")
    assert shown.headers["Content-Disposition"].startswith("inline;")
    assert shown.headers["Content-Type"] == "application/pdf"
    assert shown.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert shown.headers["X-Content-Type-Options"] == "nosniff"
    assert shown.data.startswith(b"%PDF-")
    shown.close()
    forged = staff.get(f"{base}?lihat=<script>")
    assert forged.headers["Content-Disposition"].startswith("attachment;")
    forged.close()
    assert [v.object_id for v in _audits("document.view_personal")] == [str(ktp.id)] * 2


def test_party_cannot_reach_another_partys_document_through_own_application(app, make, login_as):
    mine = make.application()
    theirs = make.application()
    client = login_as(mine.party.account)
    foreign = latest(items(theirs)[0]).id
    assert client.get(f"/pemohon/permohonan/{mine.id}/dokumen/{foreign}").status_code == 404
    own = client.get(f"/pemohon/permohonan/{mine.id}/dokumen/{latest(items(mine)[0]).id}")
    assert own.status_code == 200
    assert "no-store" in own.headers["Cache-Control"]
    own.close()


def test_extra_posted_fields_are_ignored(app, make, login_as):
    application = make.application()
    owner, other = application.party, make.party()
    client = login_as(owner.account)
    document = latest(items(application)[0])
    act(
        client,
        f"/pemohon/permohonan/{application.id}/ajukan",
        application,
        status="terbit",
        party_id=str(other.id),
        claimed_by_id="1",
    )
    assert application.status == S.DIAJUKAN
    assert application.claimed_by_id is None
    assert (application.party_id, application.open_party_id) == (owner.id, owner.id)
    assert document.requirement.application_id == application.id
    url = f"/pemohon/permohonan/{application.id}/dokumen/{document.id}"
    assert login_as(other.account, app.test_client()).get(url).status_code == 404
    own = client.get(url)
    assert own.status_code == 200
    own.close()


def test_crash_between_file_write_and_commit_leaves_only_an_orphan(
    app, make, login_as, runner, monkeypatch
):
    application = make.application(documents=False)
    client = login_as(application.party.account)
    monkeypatch.setenv("SISAKAT_TEST_FAULT", "after_file_write")
    with pytest.raises(RuntimeError, match="test fault"):
        upload(client, application.id, items(application)[0].id, make.pdf_bytes())
    monkeypatch.delenv("SISAKAT_TEST_FAULT")
    db.session.rollback()
    assert db.session.execute(db.select(ApplicationDocument)).first() is None
    listed = runner.invoke(args=["storage-sweep", "--min-age", "0"])
    assert "1 berkas yatim ditemukan." in listed.output
    removed = runner.invoke(args=["storage-sweep", "--delete", "--min-age", "0"])
    assert "1 berkas yatim dihapus." in removed.output
