"""Someone checks a PDF copy of a letter on a phone (found by a QA pass): after "Bandingkan"
the page came back scrolled to its top, where the big green BERLAKU box (the letter is in the
register) filled the screen; the verdict on the uploaded file, "Berkas ini BERBEDA", stood
1,300 px below, out of sight, so a forged copy could pass for the real one. The answer now
opens at the comparison, verdict in view."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import StoredFile
from sisakat.services import storage
from tests.browser.journeys import fresh

pytestmark = pytest.mark.browser


def test_the_verdict_on_the_uploaded_file_is_in_view_on_a_phone(phone_page, make, tmp_path):
    letter = make.issued_letter()
    token = letter.token
    signed = storage.read_bytes(db.session.get(StoredFile, letter.signed_file_id))
    fresh()
    cases = {"asli.pdf": (signed, "SAMA PERSIS"), "ubahan.pdf": (signed + b"\n%x\n", "BERBEDA")}
    for name, (data, verdict) in cases.items():
        (tmp_path / name).write_bytes(data)
        phone_page.goto(f"/verifikasi/{token}")
        phone_page.get_by_label("Berkas PDF surat").set_input_files(str(tmp_path / name))
        phone_page.get_by_role("button", name="Bandingkan").click()
        expect(phone_page.get_by_text(re.compile(f"Berkas ini {verdict}"))).to_be_in_viewport()
        expect(phone_page.get_by_role("heading", name="Bandingkan berkas")).to_be_in_viewport()


def test_the_verdict_on_a_revoked_letter_says_so_in_view_on_a_phone(phone_page, make, tmp_path):
    """The genuine file of a revoked letter was answered in green "SAMA PERSIS" at the
    comparison, the DICABUT box above off screen; the verdict in view names the revocation."""
    from sisakat.models import Role
    from sisakat.services import letter_registry

    admin = make.user(Role.SUPERADMIN)
    letter = make.issued_letter()
    letter_registry.revoke(letter, reason="Uji.", actor=admin, seen_version=letter.version)
    db.session.commit()
    token = letter.token
    signed = storage.read_bytes(db.session.get(StoredFile, letter.signed_file_id))
    fresh()
    (tmp_path / "asli.pdf").write_bytes(signed)
    phone_page.goto(f"/verifikasi/{token}")
    phone_page.get_by_label("Berkas PDF surat").set_input_files(str(tmp_path / "asli.pdf"))
    phone_page.get_by_role("button", name="Bandingkan").click()
    verdict = phone_page.get_by_text(re.compile("tetapi surat ini DICABUT: tidak berlaku lagi"))
    expect(verdict).to_be_in_viewport()
