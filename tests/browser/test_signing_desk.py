"""The signing desk in a real browser: pressing Enter in the passphrase box signs the letters
ticked, not the first row's own button (the form's default button is the batch one)."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from sisakat.services import settings
from tests.browser import journeys as j
from tests.letters import helpers as h
from tests.pki import P12_PASSPHRASE
from tests.signing.conftest import pki  # noqa: F401 - the test PKI fixture

pytestmark = pytest.mark.browser


def test_enter_in_the_passphrase_box_signs_only_the_ticked_letter(
    page,
    live_server,
    make,
    pki,  # noqa: F811
):
    h.trust_office(pki)
    live_server.app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    settings.update({"signing.backend": "pades"}, actor=None)
    first, second = h.prepared_letter(), h.prepared_letter()
    signer = make.user(Role.PENANDATANGAN).username
    first_id, second_id, second_number = first.id, second.id, second.number_text
    db.session.commit()  # the server needs the SQLite write lock
    j.log_in(page, signer)
    page.goto("/tte/")
    page.get_by_label(f"Pilih surat {second_number}").check()
    passphrase = page.get_by_label("Passphrase")
    passphrase.fill(P12_PASSPHRASE)
    passphrase.press("Enter")
    page.wait_for_load_state()
    assert "1 dari 1 surat berhasil" in page.locator("main").inner_text()
    db.session.expire_all()
    assert db.session.get(Letter, second_id).status == LetterStatus.BERLAKU
    assert db.session.get(Letter, first_id).status == LetterStatus.MENUNGGU_TTE
