"""In-app signing through the routes: PAdES (SIG-12), BSrE (SIG-13), batch, secrets (SIG-14)."""

import logging

from sisakat.extensions import db
from sisakat.models import (
    AuditEvent,
    FileKind,
    Letter,
    LetterStatus,
    Role,
    SigningMethod,
    StoredFile,
)
from sisakat.services import settings
from tests import factories
from tests.fakes import bsre as fake_module
from tests.letters import helpers as h
from tests.pki import P12_PASSPHRASE


def _pades(app, pki):
    h.trust_office(pki)
    app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()


def _sign(client, letter, passphrase):
    return client.post(f"/tte/surat/{letter.id}/tandatangani", data={"passphrase": passphrase})


def test_pades_signs_validates_and_issues(app, login_as, pki):
    _pades(app, pki)
    letter = h.prepared_letter()
    unsigned = h.unsigned(letter)
    page = _sign(login_as(factories.user(Role.PENANDATANGAN)), letter, P12_PASSPHRASE)
    assert "1 dari 1 surat berhasil" in page.get_data(as_text=True)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.signing_method == SigningMethod.PADES
    assert letter.match_tier == "A"
    assert h.signed_bytes(letter).startswith(unsigned)


def test_pades_wrong_passphrase_stores_nothing_and_never_echoes(app, login_as, pki, caplog):
    _pades(app, pki)
    letter = h.prepared_letter()
    secret = "Salah#Sandi-Rahasia-99"  # noqa: S105 - a test passphrase
    caplog.set_level(logging.DEBUG)
    response = _sign(login_as(factories.user(Role.PENANDATANGAN)), letter, secret)
    body = response.get_data(as_text=True)
    assert "tidak valid" in body
    assert secret not in body
    assert secret not in caplog.text
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE
    kinds = db.session.execute(db.select(StoredFile.kind)).scalars().all()
    assert FileKind.LETTER_SIGNED not in kinds
    details = db.session.execute(db.select(AuditEvent.details)).scalars().all()
    assert not any(secret in d for d in details)


def _bsre(app, fake, pki):
    h.trust_office(pki)
    app.config.update(
        BSRE_BASE_URL=fake.url,
        BSRE_USERNAME=fake_module.USERNAME,
        BSRE_PASSWORD=fake_module.PASSWORD,
    )
    settings.update({"signing.backend": "bsre"}, actor=None)
    db.session.commit()
    return factories.user(Role.PENANDATANGAN, nik=fake_module.NIK)


def test_bsre_v1_success_and_2031_through_the_route(app, login_as, pki, fake_bsre):
    signer = _bsre(app, fake_bsre, pki)
    first, second = h.prepared_letter(), h.prepared_letter()
    client = login_as(signer)
    assert "berhasil" in _sign(client, first, fake_module.PASSPHRASE).get_data(as_text=True)
    first = db.session.get(Letter, first.id)
    assert first.status == LetterStatus.BERLAKU
    assert first.signing_method == SigningMethod.BSRE
    fake_bsre.mode = "2031"
    body = _sign(client, second, "keliru-sekali").get_data(as_text=True)
    assert "Passphrase salah." in body
    assert "keliru-sekali" not in body
    assert db.session.get(Letter, second.id).status == LetterStatus.MENUNGGU_TTE


def test_bsre_expired_certificate_stops_early(app, login_as, pki, fake_bsre):
    signer = _bsre(app, fake_bsre, pki)
    letter = h.prepared_letter()
    fake_bsre.status = "EXPIRED"
    client = login_as(signer)
    _sign(client, letter, fake_module.PASSPHRASE)
    assert "Sertifikat Anda berstatus EXPIRED" in client.get("/tte/").get_data(as_text=True)
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE


def test_batch_signs_each_letter(app, login_as, pki, monkeypatch):
    _pades(app, pki)
    letters = [h.prepared_letter() for _ in range(3)]
    client = login_as(factories.user(Role.SUPERADMIN))
    data = {"passphrase": "", "letter_ids": [str(x.id) for x in letters]}
    monkeypatch.setenv("SISAKAT_P12_PASSPHRASE", P12_PASSPHRASE)  # empty field: the server's
    page = client.post("/tte/tandatangani", data=data).get_data(as_text=True)
    assert "3 dari 3 surat berhasil" in page
    for letter in letters:
        assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU


def test_issuing_a_newer_letter_supersedes_the_previous_one(app, login_as, pki):
    _pades(app, pki)
    old = factories.issued_letter()
    party = old.application.party
    letter = h.prepared_letter(party)
    _sign(login_as(factories.user(Role.PENANDATANGAN)), letter, P12_PASSPHRASE)
    old = db.session.get(Letter, old.id)
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU
    assert old.status == LetterStatus.DIGANTI
    assert old.superseded_by_id == letter.id
    assert old.application.status.value == "diganti"
    page = app.test_client().get(f"/verifikasi/{old.token}").get_data(as_text=True)
    assert "DIGANTI" in page
    assert f"/verifikasi/{letter.token}" in page
