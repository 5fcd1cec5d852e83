"""Letter journey in a real browser: approve, download for SRIKANDI, sign with the test PKI,
upload back, and the party downloads exactly the stored SKT (QUALITY.md SIG-1)."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from tests.factories import PASSWORD
from tests.letters import helpers as h
from tests.signing import pdfs
from tests.signing.conftest import pki  # noqa: F401 - the test PKI fixture

pytestmark = pytest.mark.browser


def _login(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/akun/masuk")
    page.get_by_label("Nama pengguna atau e-mail").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()


def _download(page, link) -> bytes:
    with page.expect_download() as info:
        link.click()
    return Path(info.value.path()).read_bytes()


def test_approve_sign_in_srikandi_upload_back_and_party_downloads(page, make, pki, tmp_path):  # noqa: F811
    h.trust_office(pki)
    application, verifier = h.approvable()
    admin, owner = make.user(Role.SUPERADMIN).username, application.party.account.username
    verifier, application_id = verifier.username, application.id
    db.session.commit()  # end the test's transaction: the server needs the SQLite write lock
    _login(page, verifier)
    page.goto(f"/petugas/permohonan/{application_id}")
    page.get_by_role("button", name="Setujui").click()
    assert "surat menunggu TTE" in page.get_by_role("alert").first.inner_text()
    _login(page, admin)
    page.goto("/tte/")
    unsigned = _download(page, page.get_by_role("link", name="Unduh PDF"))
    with ThreadPoolExecutor(1) as pool:  # pyHanko's asyncio cannot run in Playwright's thread
        signed = pool.submit(pdfs.sign, unsigned, pki.signer).result()
    (tmp_path / "skt-ttd.pdf").write_bytes(signed)
    page.get_by_label("Berkas PDF bertanda tangan").set_input_files(tmp_path / "skt-ttd.pdf")
    page.get_by_role("button", name="Unggah").click()
    assert "SKT telah terbit" in page.get_by_role("alert").first.inner_text()
    _login(page, owner)
    page.goto("/pemohon/")
    downloaded = _download(page, page.get_by_role("link", name="Unduh SKT"))
    db.session.expire_all()
    letter = db.session.execute(db.select(Letter)).scalar_one()
    assert letter.status == LetterStatus.BERLAKU
    assert hashlib.sha256(downloaded).hexdigest() == letter.signed_file.sha256
    assert downloaded == signed
