"""Party buttons over HTTP: double clicks, one open application, uploads after approval,
withdrawal before verification."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Application
from sisakat.models import ApplicationStatus as S
from tests.workflow_http import items, page_text, upload
from tests.workflow_world import history_count


def test_double_click_on_ajukan_does_nothing_twice(app, make, login_as):
    application = make.application()
    client = login_as(application.party.account)
    data = {"version": str(application.version)}
    url = f"/pemohon/permohonan/{application.id}/ajukan"
    client.post(url, data=data)
    second = client.post(url, data=data, follow_redirects=True)
    assert "Permohonan diajukan." in page_text(second)
    assert "(janji layanan 1 jam kerja)" in page_text(second)  # the SKT's promise: what next
    assert "Notifikasi (ikon lonceng)" in page_text(second)
    # ... said once: the flash confirms, the status line under the badge says what comes next.
    assert page_text(second).count("janji layanan") == 1
    assert page_text(second).count("Notifikasi (ikon lonceng)") == 1
    assert application.status == S.DIAJUKAN
    assert history_count(application) == 2  # buat + one ajukan


def test_second_open_application_is_refused(app, make, login_as):
    application = make.application(documents=False)
    client = login_as(application.party.account)
    response = client.post("/pemohon/permohonan/baru", follow_redirects=True)
    assert "Masih ada permohonan yang berjalan." in page_text(response)
    count = db.session.execute(db.select(db.func.count(Application.id))).scalar_one()
    assert count == 1


def test_upload_after_approval_is_refused(app, make, login_as):
    application = make.application(status=S.MENUNGGU_TTE)
    client = login_as(application.party.account)
    response = upload(client, application.id, items(application)[0].id, make.pdf_bytes(), xhr=True)
    assert response.status_code == 422
    assert "berstatus Menunggu TTE" in response.get_json()["message"]


def test_withdraw_before_verification_then_start_again(app, make, login_as):
    application = make.application(status=S.DIAJUKAN)
    client = login_as(application.party.account)
    client.post(
        f"/pemohon/permohonan/{application.id}/batalkan", data={"version": str(application.version)}
    )
    assert application.status == S.DIBATALKAN
    assert application.open_party_id is None
    client.post("/pemohon/permohonan/baru")
    newest = db.session.execute(
        db.select(Application).order_by(Application.id.desc()).limit(1)
    ).scalar_one()
    assert newest.id != application.id
    assert newest.status == S.DRAF


def test_upload_hint_matches_whether_documents_can_change(app, make, login_as):
    """A draft invites uploads; a submitted application says when documents can change again
    and offers no upload form."""
    draft = make.application()
    client = login_as(draft.party.account)
    page = client.get(f"/pemohon/permohonan/{draft.id}").get_data(as_text=True)
    assert "Unggah satu berkas PDF per persyaratan" in page
    assert 'name="berkas"' in page
    submitted = make.application(status=S.DIAJUKAN)
    client = login_as(submitted.party.account)
    page = client.get(f"/pemohon/permohonan/{submitted.id}").get_data(as_text=True)
    assert "hanya dapat diunggah atau diganti saat permohonan berstatus Draf" in page
    assert "Unggah satu berkas PDF per persyaratan" not in page
    assert 'name="berkas"' not in page


def test_a_scripted_upload_is_confirmed_on_the_reloaded_page(app, make, login_as):
    """The progress-bar upload reloads the page after a success: the page then says which
    document was saved (a screen reader hears the alert), as the plain form's redirect does."""
    application = make.application(status=S.DRAF, documents=False)
    client = login_as(application.party.account)
    item = items(application)[0]
    answer = upload(client, application.id, item.id, make.pdf_bytes(), xhr=True)
    assert answer.status_code == 200
    assert answer.get_json() == {"ok": True, "message": f"Dokumen {item.name} tersimpan."}
    page = client.get(f"/pemohon/permohonan/{application.id}").get_data(as_text=True)
    assert f"Dokumen {item.name} tersimpan." in page
    other = items(application)[1]  # each upload button names its document for screen readers
    assert f'Unggah<span class="visually-hidden"> {other.name}</span></button>' in page
