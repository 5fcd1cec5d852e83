"""Kembalikan ke Verifikator from the signing desk (``kembalikan_tte``): the pending letter is
cancelled, its number voided with the reason, the application goes back to its verifier, and
nothing can be signed or issued from the cancelled letter."""

from sisakat.extensions import db
from sisakat.models import (
    Action,
    ApplicationHistory,
    ApplicationStatus,
    AuditEvent,
    FileKind,
    Letter,
    LetterStatus,
    Notification,
    NumberStatus,
    Role,
    StoredFile,
)
from sisakat.services import letters
from tests import factories
from tests.letters import helpers as h

REASON = "Nama Bendahara salah ketik pada susunan pengurus."


def _return(client, letter, version=None, **fields):
    """POST the return form with the application's version the page showed."""
    if version is None:
        version = db.session.get(type(letter.application), letter.application_id).version
    data = {"version": str(version), "reason": REASON, "confirm": "y", **fields}
    return client.post(f"/tte/surat/{letter.id}/kembalikan", data=data)


def _approve(client, application):
    db.session.refresh(application)
    return client.post(
        f"/petugas/permohonan/{application.id}/setujui", data={"version": str(application.version)}
    )


def _letters(application_id) -> list[Letter]:
    query = db.select(Letter).filter_by(application_id=application_id).order_by(Letter.id)
    return list(db.session.execute(query).scalars())


def _audits(action: str) -> int:
    query = db.select(db.func.count(AuditEvent.id)).filter_by(action=action)
    return db.session.execute(query).scalar_one()


def _signer(login_as, role=Role.PENANDATANGAN):
    return login_as(factories.user(role))


def test_return_cancels_voids_and_reapproval_gives_a_new_number_then_issues(app, login_as, pki):
    h.trust_office(pki)
    application, verifier = h.approvable()
    assert _approve(login_as(verifier), application).status_code == 302
    (old,) = _letters(application.id)
    old_number, old_token = old.number_text, old.token
    assert _return(_signer(login_as), old).status_code == 302
    old = db.session.get(Letter, old.id)
    assert old.status == LetterStatus.DIBATALKAN
    assert old.revoked_reason == REASON
    assert old.number.status == NumberStatus.DIBATALKAN
    assert REASON in old.number.void_reason
    application = old.application
    assert application.status == ApplicationStatus.DIVERIFIKASI
    assert application.claimed_by_id == verifier.id  # back to the verifier who claimed it
    assert app.test_client().get(f"/verifikasi/{old_token}").status_code == 404
    assert _approve(login_as(verifier), application).status_code == 302
    old, new = _letters(application.id)
    assert new.status == LetterStatus.MENUNGGU_TTE
    assert new.token != old_token
    assert new.number.serial == old.number.serial + 1
    assert new.number_text != old_number
    assert h.upload(_signer(login_as), new, h.signed(new, pki)).status_code == 302
    new = db.session.get(Letter, new.id)
    assert new.status == LetterStatus.BERLAKU
    assert new.application.status == ApplicationStatus.TERBIT
    assert app.test_client().get(f"/verifikasi/{new.token}").status_code == 200
    assert app.test_client().get(f"/verifikasi/{old_token}").status_code == 404
    assert db.session.get(Letter, old.id).status == LetterStatus.DIBATALKAN


def test_return_is_recorded_for_staff_and_neutral_for_the_party(app, login_as):
    letter = h.prepared_letter()
    application = letter.application
    verifier = application.claimed_by
    _return(_signer(login_as, Role.SUPERADMIN), letter)
    row = db.session.execute(
        db.select(ApplicationHistory).filter_by(
            application_id=application.id, action=Action.KEMBALIKAN_TTE
        )
    ).scalar_one()
    assert (row.note, row.internal_note) == ("", REASON)
    assert (row.from_status, row.to_status) == (
        ApplicationStatus.MENUNGGU_TTE,
        ApplicationStatus.DIVERIFIKASI,
    )
    for action in ("application.kembalikan_tte", "letter.cancel", "number.void"):
        assert _audits(action) == 1, action
    mine = db.session.execute(db.select(Notification.message).filter_by(user_id=verifier.id))
    assert any(REASON in m and "dikembalikan dari meja TTE" in m for m in mine.scalars())
    party = db.session.execute(
        db.select(Notification.message).filter_by(user_id=application.party.account_id)
    ).scalars()
    assert (
        f"Permohonan #{application.id} · SKT Partai Politik — "
        "Surat Anda dikembalikan ke verifikator untuk diperiksa ulang."
    ) in list(party)
    staff_page = login_as(verifier).get(f"/petugas/permohonan/{application.id}")
    assert REASON in staff_page.get_data(as_text=True)
    party_page = login_as(application.party.account).get(f"/pemohon/permohonan/{application.id}")
    text = party_page.get_data(as_text=True)
    assert "Dikembalikan dari meja TTE" in text
    assert REASON not in text


def test_reason_and_confirmation_are_required(app, login_as):
    letter = h.prepared_letter()
    client = _signer(login_as)
    page = _return(client, letter, reason="   ").get_data(as_text=True)
    assert "Alasan pengembalian wajib diisi." in page
    page = _return(client, letter, confirm="").get_data(as_text=True)
    assert "Centang konfirmasi pengembalian." in page
    assert REASON in page  # what was typed is kept
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert letter.application.status == ApplicationStatus.MENUNGGU_TTE
    assert letter.number.status == NumberStatus.DIPAKAI


def test_verifier_and_parties_cannot_return(app, login_as):
    letter = h.prepared_letter()
    claimer = letter.application.claimed_by
    for user in (claimer, letter.application.party.account, factories.party().account):
        assert _return(login_as(user), letter).status_code == 403
        assert login_as(user).get(f"/tte/surat/{letter.id}/kembalikan").status_code == 403
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert letter.application.status == ApplicationStatus.MENUNGGU_TTE
    assert _audits("letter.cancel") == 0


def test_double_click_changes_nothing_and_a_stale_page_is_told(app, login_as):
    letter = h.prepared_letter()
    seen = letter.application.version
    signer = _signer(login_as)
    _return(signer, letter, version=seen)
    again = _return(signer, letter, version=seen)
    assert again.status_code == 302
    queue = signer.get("/tte/").get_data(as_text=True)
    assert "Surat ini sudah dikembalikan ke verifikator." in queue
    admin = factories.user(Role.SUPERADMIN)
    stale = _return(login_as(admin), letter, version=seen).get_data(as_text=True)
    assert "Permohonan sudah diubah oleh" in stale
    assert "Halaman ini sudah menampilkan keadaan terbaru; isian Anda belum tersimpan" in stale
    assert "Muat ulang" not in stale  # a reload would lose the reason typed
    assert len(_letters(letter.application_id)) == 1
    for action in ("application.kembalikan_tte", "letter.cancel", "number.void"):
        assert _audits(action) == 1, action
    rows = db.select(db.func.count(ApplicationHistory.id)).filter_by(action=Action.KEMBALIKAN_TTE)
    assert db.session.execute(rows).scalar_one() == 1


def test_signed_upload_for_a_cancelled_letter_is_refused(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    data = h.signed(letter, pki)  # signed in SRIKANDI before the mistake was noticed
    client = _signer(login_as)
    _return(client, letter)
    assert h.upload(client, letter, data).status_code == 302
    assert letters.CANCELLED in client.get("/tte/").get_data(as_text=True)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.DIBATALKAN
    assert letter.signed_file_id is None
    assert letter.application.status == ApplicationStatus.DIVERIFIKASI
    kinds = db.session.execute(db.select(StoredFile.kind)).scalars().all()
    assert FileKind.LETTER_SIGNED not in kinds
    assert FileKind.SIGNED_CANDIDATE not in kinds
