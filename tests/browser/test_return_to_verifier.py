"""Kembalikan ke Verifikator in a real browser: from the signing desk row to the reason form, the
confirmation dialog, and the letter gone from the desk."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Letter, LetterStatus, Role
from tests.browser import journeys as j
from tests.letters import helpers as h

pytestmark = pytest.mark.browser


def test_signer_returns_a_letter_with_a_reason(page, live_server, make):
    letter = h.prepared_letter()
    signer = make.user(Role.PENANDATANGAN).username
    letter_id, number = letter.id, letter.number_text
    db.session.commit()  # the server needs the SQLite write lock
    j.log_in(page, signer)
    page.goto("/tte/")
    page.get_by_role("link", name="Kembalikan ke Verifikator").click()
    page.get_by_label("Alasan pengembalian (untuk verifikator)").fill("Alamat sekretariat salah.")
    page.get_by_label("Saya yakin", exact=False).check()
    page.once("dialog", lambda dialog: dialog.accept())  # data-confirm asks first
    page.get_by_role("button", name="Kembalikan ke Verifikator").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "permohonan dikembalikan ke verifikator" in main
    assert number not in main  # no longer on the desk
    db.session.expire_all()
    letter = db.session.get(Letter, letter_id)
    assert letter.status == LetterStatus.DIBATALKAN
    assert letter.application.status == ApplicationStatus.DIVERIFIKASI
