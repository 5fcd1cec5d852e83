"""Kembalikan ke Verifikator, the edges: an upload waiting for manual review, in-app signing that
finishes after the return, the number register's own void screen, SRIKANDI numbering, an old
letter's page, and the database invariants behind it."""

import pytest
from sqlalchemy.exc import DBAPIError

from sisakat.exceptions import DomainError, GuardFailed
from sisakat.extensions import db
from sisakat.formatting import tanggal
from sisakat.models import (
    Action,
    ApplicationHistory,
    ApplicationStatus,
    Letter,
    LetterStatus,
    NumberStatus,
    Role,
    SigningMethod,
)
from sisakat.models import ApplicationStatus as S
from sisakat.services import letter_inapp, letters, number_void, settings, storage, workflow
from tests import factories
from tests.letters import helpers as h
from tests.letters.test_return_to_verifier import REASON, _approve, _letters, _return
from tests.signing import pdfs
from tests.workflow_http import without_tags


def test_upload_waiting_for_review_is_cancelled_and_its_file_kept(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    admin = login_as(factories.user(Role.SUPERADMIN))
    h.upload(admin, letter, pdfs.sign(pdfs.letter_pdf(), pki.signer))  # valid, not our letter
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.PERLU_TINJAUAN
    candidate, sha = letter.candidate_file, letter.candidate_file.sha256
    before = storage.read_bytes(candidate)
    _return(admin, letter)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.DIBATALKAN
    assert storage.read_bytes(letter.candidate_file) == before
    assert h.sha256(before) == sha
    assert "Tinjau" not in admin.get("/tte/").get_data(as_text=True)  # nothing left to review
    decide = {"decision": "terima", "reason": "Dicek manual"}
    admin.post(f"/tte/surat/{letter.id}/tinjau", data=decide)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.DIBATALKAN
    assert letter.signed_file_id is None
    assert letter.application.status == ApplicationStatus.DIVERIFIKASI


def test_in_app_signing_that_finishes_after_the_return_is_refused(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    signer = factories.user(Role.PENANDATANGAN)
    ticket = letter_inapp.ticket(letter, actor=signer, name="pades")
    db.session.commit()  # no transaction spans the signing call
    signed = pdfs.sign(ticket.unsigned, pki.signer)  # the backend signs meanwhile...
    _return(login_as(factories.user(Role.SUPERADMIN)), letter)  # ...and the letter goes back
    with pytest.raises(DomainError) as refused:
        letter_inapp.accept_signed(ticket, signed, method=SigningMethod.PADES, actor=signer)
    assert refused.value.message == letters.CANCELLED
    db.session.rollback()
    assert db.session.get(Letter, letter.id).status == LetterStatus.DIBATALKAN
    app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    page = login_as(signer).post(f"/tte/surat/{letter.id}/tandatangani", data={})
    assert letters.CANCELLED in page.get_data(as_text=True)
    assert db.session.get(Letter, letter.id).signed_file_id is None


def test_manual_void_still_refuses_a_pending_number_and_the_registers_show_the_return(
    app, login_as
):
    letter = h.prepared_letter()
    admin = login_as(factories.user(Role.SUPERADMIN))
    page = admin.post(f"/admin/nomor-surat/{letter.number_id}/batalkan", data={"reason": "x"})
    assert "menunggu tanda tangan dan tidak dapat dibatalkan" in page.get_data(as_text=True)
    assert db.session.get(Letter, letter.id).number.status == NumberStatus.DIPAKAI
    _return(admin, letter)
    numbers = admin.get("/admin/nomor-surat").get_data(as_text=True)
    assert letter.number_text in numbers
    assert REASON in numbers
    register = admin.get("/admin/surat?status=dibatalkan").get_data(as_text=True)
    assert letter.number_text in without_tags(register)
    assert "Dibatalkan" in register
    assert REASON in register
    assert "/verifikasi/" + letter.token not in register  # no link to a page that 404s
    valid_until = db.session.get(Letter, letter.id).valid_until
    assert valid_until is not None
    assert tanggal(valid_until) not in register  # a cancelled letter is valid until nothing
    with pytest.raises(DomainError, match="sudah dibatalkan"):
        number_void.void(db.session.get(Letter, letter.id).number, reason="lagi", actor=None)


def test_srikandi_letter_without_a_number_is_cancelled_and_redrawn(app, login_as):
    h.srikandi_mode()
    letter = h.prepared_letter()
    assert letter.number_id is None
    _return(login_as(factories.user(Role.PENANDATANGAN)), letter)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.DIBATALKAN
    assert letter.number_id is None
    application = letter.application
    _approve(login_as(application.claimed_by), application)
    old, new = _letters(application.id)
    assert new.status == LetterStatus.MENUNGGU_TTE
    assert new.token != old.token


def test_an_old_letters_page_never_cancels_the_new_letter(app, login_as):
    letter = h.prepared_letter()
    signer = login_as(factories.user(Role.PENANDATANGAN))
    _return(signer, letter)
    application = db.session.get(Letter, letter.id).application
    _approve(login_as(application.claimed_by), application)
    old, new = _letters(application.id)
    page = _return(signer, old).get_data(as_text=True)  # the current version, the old letter
    assert "Surat ini sudah dikembalikan ke verifikator." in page
    assert db.session.get(Letter, new.id).status == LetterStatus.MENUNGGU_TTE
    assert db.session.get(Letter, new.id).number.status == NumberStatus.DIPAKAI


def test_service_needs_a_reason_and_database_keeps_the_invariants(app, make):
    letter = h.prepared_letter()
    signer = make.user(Role.PENANDATANGAN)
    application = letter.application
    with pytest.raises(GuardFailed, match="Alasan wajib diisi"):
        workflow.apply(
            application, Action.KEMBALIKAN_TTE, actor=signer, seen_version=application.version
        )
    db.session.rollback()
    db.session.add(
        ApplicationHistory(
            application_id=application.id,
            action=Action.KEMBALIKAN_TTE,
            from_status=S.MENUNGGU_TTE,
            to_status=S.DIVERIFIKASI,
            note="Alasan untuk pemohon, bukan catatan internal",
        )
    )
    with pytest.raises(DBAPIError, match="ck_application_history_internal_reason_required"):
        db.session.flush()
    db.session.rollback()
    cancel = db.update(Letter).where(Letter.id == letter.id)
    with pytest.raises(DBAPIError, match="ck_letters_cancelled_has_reason"):
        db.session.execute(cancel.values(status=LetterStatus.DIBATALKAN.value))


def test_a_second_return_refused_as_stale_keeps_the_reason_it_typed(app, login_as):
    """The signer and a super admin both open the return form; the signer sends first. The super
    admin's refused return says who acted and shows the reason it typed (nothing lost)."""
    letter = h.prepared_letter()
    seen = db.session.get(type(letter.application), letter.application_id).version
    _return(login_as(factories.user(Role.PENANDATANGAN)), letter, version=seen)
    admin = login_as(factories.user(Role.SUPERADMIN))
    typed = "Alamat sekretariat pada surat keliru (catatan admin)."
    page = _return(admin, letter, version=seen, reason=typed).get_data(as_text=True)
    assert "sudah diubah oleh" in page
    assert typed in page
    assert "belum tersimpan" in page
    assert db.session.get(Letter, letter.id).status == LetterStatus.DIBATALKAN


def test_the_verifier_sees_why_it_came_back_and_what_to_do(app, login_as):
    """The returned application's review named the return only in the side timeline; now a
    banner above the documents says who returned it, when, why, that the letter and its number
    are cancelled, and the two ways on. It goes once the verifier decides again."""
    letter = h.prepared_letter()
    application, number = letter.application, letter.number_text
    verifier = login_as(application.claimed_by)
    signer = login_as(factories.user(Role.PENANDATANGAN, full_name="Dr. Rahmat Contoh, M.Si."))
    reason = "Nama <b>sekretaris</b> salah ketik."
    signer.post(
        f"/tte/surat/{letter.id}/kembalikan",
        data={"version": str(application.version), "reason": reason, "confirm": "y"},
    )
    review = f"/petugas/permohonan/{application.id}"
    body = verifier.get(review).get_data(as_text=True)
    banner = body.split('id="dikembalikan-dari-tte"', 1)[1].split("</div>\n</div>", 1)[0]
    assert "Dikembalikan dari meja TTE</strong> oleh Dr. Rahmat Contoh, M.Si. pada " in banner
    assert "Alasan: <span" in banner
    assert "Nama &lt;b&gt;sekretaris&lt;/b&gt; salah ketik." in banner
    assert f"Surat nomor {number} sudah dibatalkan." in banner
    assert "<strong>Kembalikan untuk Perbaikan</strong>" in banner
    assert "<strong>Setujui</strong> untuk membuat surat baru dengan nomor baru" in banner
    db.session.refresh(application)
    verifier.post(f"{review}/setujui", data={"version": str(application.version)})
    assert 'id="dikembalikan-dari-tte"' not in verifier.get(review).get_data(as_text=True)
