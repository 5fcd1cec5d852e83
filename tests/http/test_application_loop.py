"""The full party-and-verifier loop over HTTP with real PDFs: create, upload, submit, claim,
judge, return, re-upload only the rejected document, resubmit, judge, approve.
(The same journey in a real browser remains for tests/browser once its fixtures exist.)"""

from __future__ import annotations

import hashlib

from sisakat.extensions import db
from sisakat.models import Application, ApplicationStatus, Role, Verdict
from tests.workflow_http import (
    act,
    items,
    latest,
    page_text,
    party_with_logo,
    seed_requirements,
    upload,
)
from tests.workflow_world import history_count


def _create_and_fill(app, make, login_as):
    seed_requirements()
    party = party_with_logo(make)
    pemohon = login_as(party.account)
    response = pemohon.post("/pemohon/permohonan/baru")
    application = db.session.execute(db.select(Application)).scalar_one()
    assert response.headers["Location"].endswith(f"/pemohon/permohonan/{application.id}")
    blocked = act(pemohon, f"/pemohon/permohonan/{application.id}/ajukan", application)
    text = page_text(blocked)
    assert "Belum dapat diajukan: lengkapi dahulu yang tercantum" in text
    assert "Unggah <strong>Surat permohonan</strong> (wajib)." in text
    assert "Unggah <strong>KTP ketua, sekretaris dan bendahara</strong> (wajib)." in text
    for i, item in enumerate(it for it in items(application) if it.required):
        data = make.pdf_bytes(f"Dokumen {i}")
        assert upload(pemohon, application.id, item.id, data).status_code == 302
        assert latest(item).stored_file.sha256 == hashlib.sha256(data).hexdigest()
    act(pemohon, f"/pemohon/permohonan/{application.id}/ajukan", application)
    assert application.status == ApplicationStatus.DIAJUKAN
    assert party.board_name in application.profile_snapshot
    return party, pemohon, application


def _review_and_return(make, login_as, application):
    verifier = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    staff = login_as(verifier)
    assert application.party.board_name in page_text(staff.get("/petugas/"))
    base = f"/petugas/permohonan/{application.id}"
    act(staff, f"{base}/ambil", application)
    assert application.claimed_by_id == verifier.id
    ktp = next(it for it in items(application) if it.personal_data)
    for item in items(application):
        doc = latest(item)
        if doc is None:
            continue
        bad = item.id == ktp.id
        act(
            staff,
            f"{base}/dokumen/{doc.id}/nilai",
            application,
            verdict="tidak_sesuai" if bad else "sesuai",
            reason_template="Belum dilegalisir" if bad else "",
        )
    act(staff, f"{base}/kembalikan", application, internal_note="Cek ulang minggu depan")
    assert application.status == ApplicationStatus.PERLU_PERBAIKAN
    return staff, ktp


def test_party_and_verifier_loop_with_return_and_resubmission(app, make, login_as):
    party, pemohon, application = _create_and_fill(app, make, login_as)
    staff, ktp = _review_and_return(make, login_as, application)
    detail = page_text(pemohon.get(f"/pemohon/permohonan/{application.id}"))
    assert "Alasan: Belum dilegalisir" in detail
    assert "Cek ulang minggu depan" not in detail  # internal notes stay with staff
    accepted = next(it for it in items(application) if it.required and it.id != ktp.id)
    refused = upload(pemohon, application.id, accepted.id, make.pdf_bytes(), xhr=True)
    assert refused.status_code == 422
    assert "sudah dinyatakan Sesuai" in refused.get_json()["message"]
    assert latest(accepted).version_no == 1
    upload(pemohon, application.id, ktp.id, make.pdf_bytes("KTP dilegalisir"))
    assert latest(ktp).version_no == 2
    act(pemohon, f"/pemohon/permohonan/{application.id}/ajukan-ulang", application)
    assert application.status == ApplicationStatus.DIAJUKAN
    base = f"/petugas/permohonan/{application.id}"
    act(staff, f"{base}/ambil", application)
    review = page_text(staff.get(base))
    assert review.count("Baru sejak peninjauan terakhir") == 1
    act(staff, f"{base}/dokumen/{latest(ktp).id}/nilai", application, verdict="sesuai")
    done = act(staff, f"{base}/setujui", application)
    assert "Permohonan disetujui" in page_text(done)
    assert application.status == ApplicationStatus.MENUNGGU_TTE
    assert latest(ktp).verdict == Verdict.SESUAI
    assert history_count(application) == 7  # buat, ajukan, ambil, kembalikan, ulang, ambil, setujui
    bell = page_text(pemohon.get("/akun/notifikasi"))
    assert "Permohonan Anda disetujui" in bell
    assert "Permohonan Anda perlu perbaikan. Catatan: KTP" in bell
