"""A document returned as Tidak Sesuai cannot be "fixed" by uploading the very same file again:
the resubmission would carry the refused document back to the verifier unchanged."""

from __future__ import annotations

import json

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, AuditEvent
from tests.http.test_application_loop import _create_and_fill, _review_and_return
from tests.workflow_http import act, latest, page_text, upload


def _bytes_of(client, application, doc) -> bytes:
    url = f"/pemohon/permohonan/{application.id}/dokumen/{doc.id}"
    with client.get(url) as response:
        assert response.status_code == 200
        return response.get_data()


def test_the_refused_file_again_is_refused_and_resubmission_stays_blocked(app, make, login_as):
    _party, pemohon, application = _create_and_fill(app, make, login_as)
    _staff, ktp = _review_and_return(make, login_as, application)
    refused_bytes = _bytes_of(pemohon, application, latest(ktp))
    answer = upload(pemohon, application.id, ktp.id, refused_bytes, filename="ktp.pdf", xhr=True)
    assert answer.status_code == 422
    message = answer.get_json()["message"]
    assert "sama persis dengan versi 1 yang dinyatakan Tidak Sesuai" in message
    assert "Unggah berkas yang sudah diperbaiki" in message
    assert latest(ktp).version_no == 1
    refusal = db.session.execute(
        db.select(AuditEvent).where(AuditEvent.action == "document.upload_refused")
    ).scalar_one()
    assert "sama persis" in json.loads(refusal.details)["reason"]
    blocked = act(pemohon, f"/pemohon/permohonan/{application.id}/ajukan-ulang", application)
    assert application.status == ApplicationStatus.PERLU_PERBAIKAN
    assert "Belum dapat diajukan" in page_text(blocked)


def test_a_corrected_file_is_taken_after_the_refused_copy(app, make, login_as):
    _party, pemohon, application = _create_and_fill(app, make, login_as)
    _staff, ktp = _review_and_return(make, login_as, application)
    refused_bytes = _bytes_of(pemohon, application, latest(ktp))
    assert upload(pemohon, application.id, ktp.id, refused_bytes).status_code == 302
    assert upload(pemohon, application.id, ktp.id, make.pdf_bytes("KTP baru")).status_code == 302
    assert latest(ktp).version_no == 2
    act(pemohon, f"/pemohon/permohonan/{application.id}/ajukan-ulang", application)
    assert application.status == ApplicationStatus.DIAJUKAN


def test_the_same_file_for_two_requirements_is_kept_with_a_warning(app, make, login_as):
    """Picking the same scan twice from a phone's Downloads is easy: the second requirement
    takes it (one combined PDF may be meant), and the message says which one already has it."""
    from sisakat.models import Application
    from tests.workflow_http import items, party_with_logo, seed_requirements

    seed_requirements()
    party = party_with_logo(make)
    client = login_as(party.account)
    client.post("/pemohon/permohonan/baru")
    application = db.session.execute(db.select(Application)).scalar_one()
    first, second, third = [it for it in items(application) if it.required][:3]
    scan = make.pdf_bytes("Pindaian SK")
    assert upload(client, application.id, first.id, scan, xhr=True).status_code == 200
    twice = upload(client, application.id, second.id, scan, xhr=True)
    assert twice.status_code == 200
    assert latest(second).version_no == 1
    page = page_text(client.get(f"/pemohon/permohonan/{application.id}"))
    assert f"Dokumen {second.name} tersimpan." in page
    assert f"Berkas ini sama persis dengan berkas untuk {first.name}" in page
    other = upload(client, application.id, third.id, make.pdf_bytes("Lain"), xhr=True)
    assert other.status_code == 200
    page = page_text(client.get(f"/pemohon/permohonan/{application.id}"))
    assert f"Dokumen {third.name} tersimpan." in page
    assert "sama persis" not in page


def test_a_file_replaced_in_another_requirement_is_no_copy_of_it(app, make, login_as):
    """Found walking the party's journey: the SK scan uploaded by mistake as Surat permohonan,
    then replaced there by the real letter, and finally uploaded where it belongs, was warned
    "sama persis dengan berkas untuk Surat permohonan": the warning counted a version no longer
    current (and with upload.js it now holds Ajukan back). Only the current files count."""
    from sisakat.models import Application
    from tests.workflow_http import items, party_with_logo, seed_requirements

    seed_requirements()
    party = party_with_logo(make)
    client = login_as(party.account)
    client.post("/pemohon/permohonan/baru")
    application = db.session.execute(db.select(Application)).scalar_one()
    letter, sk = [it for it in items(application) if it.required][:2]
    scan = make.pdf_bytes("Pindaian SK")
    assert upload(client, application.id, letter.id, scan, xhr=True).status_code == 200
    fixed = make.pdf_bytes("Surat permohonan")
    assert upload(client, application.id, letter.id, fixed, xhr=True).status_code == 200
    answer = upload(client, application.id, sk.id, scan, xhr=True)
    assert answer.status_code == 200
    assert "sama persis" not in answer.get_json()["message"]
    assert "check" not in answer.get_json()
