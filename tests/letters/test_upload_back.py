"""Upload-back (SIGNING.md §7): SIG-1 happy path and download, refusals, SIG-7, manual review."""

from sisakat.extensions import db
from sisakat.models import (
    ApplicationStatus,
    AuditEvent,
    FileKind,
    Letter,
    LetterStatus,
    Role,
    StoredFile,
)
from tests import factories
from tests.letters import helpers as h
from tests.signing import pdfs


def _admin_client(login_as):
    return login_as(factories.user(Role.SUPERADMIN))


def test_sig1_tier_a_issues_and_party_downloads_the_stored_bytes(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    data = h.signed(letter, pki)
    response = h.upload(_admin_client(login_as), letter, data)
    assert response.status_code == 302
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.match_tier == "A"
    assert letter.application.status == ApplicationStatus.TERBIT
    assert letter.signed_file.sha256 == h.sha256(data)
    assert letter.signer_name == "Dr. Contoh Pejabat, M.Si."
    owner = login_as(letter.application.party.account)
    page = owner.get("/pemohon/").get_data(as_text=True)
    assert "Unduh SKT" in page
    download = owner.get(f"/pemohon/skt/{letter.id}/unduh")
    assert download.status_code == 200
    assert h.sha256(download.get_data()) == h.sha256(data)
    download.close()
    other = login_as(factories.party().account)
    assert other.get(f"/pemohon/skt/{letter.id}/unduh").status_code == 404
    assert db.session.execute(db.select(AuditEvent).filter_by(action="letter.download")).first()


def _refused(client, letter, data, expected: str):
    response = h.upload(client, letter, data)
    page = client.get("/tte/").get_data(as_text=True)
    assert expected in page, page
    assert response.status_code == 302
    fresh = db.session.get(Letter, letter.id)
    assert fresh.status == LetterStatus.MENUNGGU_TTE
    assert fresh.signed_file_id is None
    assert fresh.application.status == ApplicationStatus.MENUNGGU_TTE


def test_unsigned_non_pdf_and_other_letter_are_refused(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    other = h.prepared_letter()
    client = _admin_client(login_as)
    _refused(client, letter, h.unsigned(letter), "tidak bertanda tangan elektronik")
    _refused(client, letter, b"GIF89a bukan pdf", "bukan PDF")
    _refused(client, letter, h.signed(other, pki), "surat untuk permohonan lain")
    refusals = db.session.execute(db.select(AuditEvent).filter_by(action="letter.upload_refused"))
    assert len(refusals.all()) == 3
    kinds = db.session.execute(db.select(StoredFile.kind)).scalars().all()
    assert FileKind.LETTER_SIGNED not in kinds
    assert FileKind.SIGNED_CANDIDATE not in kinds


def test_mismatch_goes_to_manual_review_then_accept(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    data = pdfs.sign(pdfs.letter_pdf(), pki.signer)  # valid signature, not our letter
    client = _admin_client(login_as)
    h.upload(client, letter, data)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.PERLU_TINJAUAN
    assert letter.candidate_file_id
    page = client.get(f"/tte/surat/{letter.id}/tinjau").get_data(as_text=True)
    assert "Perbedaan teks" in page
    assert "Partai Contoh Sejahtera" in page
    no_reason = client.post(f"/tte/surat/{letter.id}/tinjau", data={"decision": "terima"})
    assert no_reason.status_code == 200  # the page again, the choice kept, the error beside
    assert 'id="reason-error"><div class="invalid-feedback d-block">Alasan wajib diisi.' in (
        no_reason.get_data(as_text=True)
    )
    assert db.session.get(Letter, letter.id).status == LetterStatus.PERLU_TINJAUAN
    client.post(
        f"/tte/surat/{letter.id}/tinjau", data={"decision": "terima", "reason": "Dicek manual"}
    )
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.match_tier == "manual"
    assert letter.signed_file.sha256 == h.sha256(data)
    assert db.session.execute(
        db.select(AuditEvent).filter_by(action="letter.review_accept")
    ).first()


def test_manual_review_reject_returns_to_waiting(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    client = _admin_client(login_as)
    h.upload(client, letter, pdfs.sign(pdfs.letter_pdf(), pki.signer))
    client.post(
        f"/tte/surat/{letter.id}/tinjau", data={"decision": "tolak", "reason": "Bukan surat ini"}
    )
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert letter.candidate_file_id is None
    assert letter.application.status == ApplicationStatus.MENUNGGU_TTE
    assert db.session.execute(
        db.select(AuditEvent).filter_by(action="letter.review_reject")
    ).first()


def test_a_revoked_letter_is_no_longer_handed_to_the_party(app, login_as):
    """Dicabut: no Unduh button and the download URL hands out no file (it leads to the
    application's page, which says the letter was revoked); the page still shows the status."""
    from sisakat.services import letter_registry

    letter = h.issued_letter(factories.party())
    owner = login_as(letter.application.party.account)
    assert "Unduh SKT" in owner.get("/pemohon/").get_data(as_text=True)
    admin = factories.user(Role.SUPERADMIN)
    letter_registry.revoke(
        letter, reason="SK kepengurusan dibatalkan DPP.", actor=admin, seen_version=letter.version
    )
    db.session.commit()
    assert "Unduh SKT" not in owner.get("/pemohon/").get_data(as_text=True)
    page = owner.get(f"/pemohon/permohonan/{letter.application_id}").get_data(as_text=True)
    assert "Unduh SKT" not in page
    assert "Dicabut" in page
    download = owner.get(f"/pemohon/skt/{letter.id}/unduh")
    download.close()
    assert download.status_code == 302
    assert download.headers["Location"].endswith(f"/pemohon/permohonan/{letter.application_id}")


def test_a_signed_letter_before_the_trust_list_is_set_says_what_to_do_next(app, login_as, pki):
    """Before: a new office without a BSrE root uploading its SRIKANDI-signed letter read only
    "Sertifikat penandatangan tidak dipercaya (tidak berantai ke akar BSrE yang
    dikonfigurasi)". Now it is told who completes the trust list and where, and that an office
    without BSrE signs wet and uploads a scan (once scans are allowed, with the scan box)."""
    from sisakat.services import settings

    letter = h.prepared_letter()
    client = _admin_client(login_as)
    data = h.signed(letter, pki)
    _refused(client, letter, data, "Administrasi → Kepercayaan tanda tangan elektronik")
    _refused(client, letter, data, "mengizinkan pindaian tanda tangan basah di Administrasi")
    settings.update({"signing.allow_scan": True}, actor=None)
    db.session.commit()
    _refused(client, letter, data, "centang “Pindaian tanda tangan basah”")
    h.trust_office(pki)  # the trust list is complete: a foreign signer reads the reason only
    response = h.upload(client, letter, h.signed(letter, pki, pki.foreign_signer))
    assert response.status_code == 302
    page = client.get("/tte/").get_data(as_text=True)
    assert "tidak berantai ke akar BSrE" in page
    assert "Kepercayaan tanda tangan elektronik kantor belum lengkap" not in page


def test_a_refused_upload_names_its_letter_and_a_late_one_who_issued_it(app, login_as, pki):
    """The desk lists many letters: a refusal says which one it was for; a signer whose page
    was stale (another signer issued the letter meanwhile) is told who did and when."""
    h.trust_office(pki)
    letter = h.prepared_letter()
    board, number = letter.application.party.board_name, letter.number_text
    about = f"Unggahan untuk surat {board}, nomor {number} ditolak. "
    signer = login_as(factories.user(Role.PENANDATANGAN))
    _refused(
        signer,
        letter,
        h.signed(letter, pki, pki.other_signer),
        about + "Berkas tidak memuat tanda tangan pejabat yang berwenang. Berkas ditandatangani "
        "oleh Budi Contoh Lain, yang tidak ada di daftar penandatangan berwenang. Tanda tangani "
        "ulang oleh pejabat yang berwenang, atau minta Super Admin mendaftarkan penandatangan "
        "ini di Administrasi → Kepercayaan tanda tangan elektronik.",
    )
    data = h.signed(letter, pki)
    admin = login_as(factories.user(Role.SUPERADMIN, full_name="Citra Admin"))
    h.upload(admin, letter, data)
    assert h.upload(signer, letter, data).status_code == 302
    page = signer.get("/tte/").get_data(as_text=True)
    late = about + "Surat ini sudah tidak menunggu tanda tangan (kini Berlaku; diubah oleh Citra"
    assert late in page
    assert " Admin pada " in page.split(late, 1)[1][:40]
    assert db.session.get(Letter, letter.id).signed_file.sha256 == h.sha256(data)


def test_a_signer_is_told_an_upload_under_review_waits_for_the_super_admin(app, login_as, pki):
    """A Penandatangan saw 'Perlu Tinjauan Manual' with no word of who acts next, under an
    'Unggah kembali' heading with nothing below it when no letter could take an upload."""
    h.trust_office(pki)
    letter = h.under_review(h.prepared_letter(), pdfs.sign(pdfs.letter_pdf(), pki.signer))
    signer = login_as(factories.user(Role.PENANDATANGAN))
    page = signer.get("/tte/").get_data(as_text=True)
    assert "Berkas unggahannya menunggu tinjauan Super Admin." in page
    assert "Unggah kembali surat bertanda tangan" not in page
    assert f"/tte/surat/{letter.id}/unggah" not in page
    waiting = h.prepared_letter()
    page = signer.get("/tte/").get_data(as_text=True)
    assert page.count("Unggah kembali surat bertanda tangan") == 1
    assert f"/tte/surat/{waiting.id}/unggah" in page
    admin = login_as(factories.user(Role.SUPERADMIN)).get("/tte/").get_data(as_text=True)
    assert f"/tte/surat/{letter.id}/tinjau" in admin
    assert "menunggu tinjauan Super Admin" not in admin
