"""While one head signs a letter in the app (a live claim, ``letter_claim``), nobody else acts
on it from the signing desk: an upload of the signed file and "Kembalikan ke Verifikator" are
refused with the claim's message and change nothing (the reason typed is kept); an expired
claim blocks neither. The desk shows who is signing instead of the letter's active buttons."""

import re

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
from sisakat.services import settings
from tests import factories
from tests.letters import helpers as h

REASON = "Alamat sekretariat salah ketik pada surat."


def _refusal(since) -> str:
    return f"Surat ini sedang ditandatangani oleh Kepala Satu sejak {settings.office_time(since)}"


def _other(login_as):
    return login_as(factories.user(Role.SUPERADMIN, full_name="Admin Dua"))


def _return(client, letter: Letter):
    version = db.session.get(type(letter.application), letter.application_id).version
    data = {"version": str(version), "reason": REASON, "confirm": "y"}
    return client.post(f"/tte/surat/{letter.id}/kembalikan", data=data)


def _kept_files() -> list[FileKind]:
    return list(db.session.execute(db.select(StoredFile.kind)).scalars())


def test_an_upload_while_a_head_signs_in_the_app_is_refused_and_not_kept(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    data = h.signed(letter, pki)  # signed in SRIKANDI meanwhile
    since = h.claimed_by_head(letter)
    client = _other(login_as)
    assert h.upload(client, letter, data).status_code == 302
    assert _refusal(since) in client.get("/tte/").get_data(as_text=True)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert (letter.signed_file_id, letter.candidate_file_id) == (None, None)
    assert FileKind.LETTER_SIGNED not in _kept_files()
    assert FileKind.SIGNED_CANDIDATE not in _kept_files()
    assert letter.signing_since == since  # the head's claim stands
    h.expire_claim(app, since)
    assert h.upload(client, letter, data).status_code == 302
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU


def test_a_return_while_a_head_signs_in_the_app_is_refused_with_the_reason_kept(app, login_as):
    letter = h.prepared_letter()
    since = h.claimed_by_head(letter)
    client = _other(login_as)
    answer = _return(client, letter)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert _refusal(since) in page
    assert REASON in page  # the reason typed is on the form again
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert letter.application.status == ApplicationStatus.MENUNGGU_TTE
    cancels = db.select(db.func.count(AuditEvent.id)).filter_by(action="letter.cancel")
    assert db.session.execute(cancels).scalar_one() == 0
    h.expire_claim(app, since)
    assert _return(client, letter).status_code == 302
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.DIBATALKAN
    assert letter.application.status == ApplicationStatus.DIVERIFIKASI


def _desk(client) -> str:
    return client.get("/tte/").get_data(as_text=True)


def test_the_desk_offers_no_signing_upload_or_return_on_a_claimed_letter(app, login_as):
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    claimed, free = h.prepared_letter(), h.prepared_letter()
    since = h.claimed_by_head(claimed)
    page = _desk(_other(login_as))
    for letter_id, offered in ((free.id, True), (claimed.id, False)):
        assert (f'formaction="/tte/surat/{letter_id}/tandatangani"' in page) is offered
        assert (f'name="letter_ids" value="{letter_id}"' in page) is offered
        assert (f'action="/tte/surat/{letter_id}/unggah"' in page) is offered
        assert (f'href="/tte/surat/{letter_id}/kembalikan"' in page) is offered
    assert f"Sedang ditandatangani oleh Kepala Satu sejak {settings.office_time(since)}" in page
    # disabled buttons in the place of the sign and return buttons
    assert re.search(r'class="btn btn-sm btn-success" disabled>Sedang ditandatangani', page)
    assert re.search(r'disabled>Kembalikan ke Verifikator<span class="visually-hidden">', page)


def test_the_desk_asks_for_the_signer_only_while_a_claim_is_live(app, login_as):
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    letter = h.prepared_letter()
    client = _other(login_as)

    unclaimed, live, expired = h.statements_by_claim(app, letter, lambda: _desk(client))
    assert expired == unclaimed
    assert live == unclaimed + 1  # the signer's name
