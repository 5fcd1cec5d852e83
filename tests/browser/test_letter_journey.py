"""Letter journey in a real browser: approve, download for SRIKANDI, sign with the test PKI,
upload back, and the party downloads exactly the stored SKT (QUALITY.md SIG-1); the QR code of
that SKT opens its public page (BERLAKU, no personal data), which says DICABUT with the reason
once the super admin revokes the letter in the register."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Letter, LetterStatus, Role
from sisakat.services import letters
from tests.browser import journeys as j
from tests.conftest import require_or_skip
from tests.factories import PASSWORD
from tests.letters import helpers as h
from tests.signing import pdfs
from tests.signing.conftest import pki  # noqa: F401 - the test PKI fixture

pytestmark = pytest.mark.browser
REVOKED = "Kepengurusan dibekukan oleh DPP; SK kepengurusan dicabut."


def _login(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/akun/masuk")
    page.get_by_label("Nama pengguna atau e-mail").fill(username)
    page.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()


def _download(page, link) -> bytes:
    with page.expect_download() as info:
        link.click()
    return Path(info.value.path()).read_bytes()


def _issue(page, make, office_pki, tmp_path) -> tuple[str, bytes]:
    """The verifier approves, the super admin downloads the PDF for SRIKANDI, signs it with the
    test PKI and uploads it back; returns (the owner's username, the signed bytes)."""
    h.trust_office(office_pki)
    application, verifier = h.approvable()
    admin = make.user(Role.SUPERADMIN, username="admin.contoh").username
    owner = application.party.account.username
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
        signed = pool.submit(pdfs.sign, unsigned, office_pki.signer).result()
    (tmp_path / "skt-ttd.pdf").write_bytes(signed)
    page.get_by_label("Berkas PDF bertanda tangan").set_input_files(tmp_path / "skt-ttd.pdf")
    page.get_by_role("button", name="Unggah").click()
    assert "surat telah terbit" in page.get_by_role("alert").first.inner_text()
    return owner, signed


def _qr_url(pdf: bytes, folder: Path) -> str:
    """What the QR code on page 1 of the letter says (poppler renders, zbar reads)."""
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        require_or_skip("pdftoppm/zbarimg (poppler-utils, zbar-tools) tidak ditemukan")
    (folder / "unduhan.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1",
                    folder / "unduhan.pdf", folder / "halaman"], check=True)  # fmt: skip
    image = next(folder.glob("halaman*.png"))
    read = subprocess.run(["zbarimg", "-q", "--raw", image], check=True, capture_output=True)
    return read.stdout.decode().strip()


def test_approve_sign_in_srikandi_upload_back_and_party_downloads(page, make, pki, tmp_path):  # noqa: F811
    owner, signed = _issue(page, make, pki, tmp_path)
    _login(page, owner)
    page.goto("/pemohon/")
    downloaded = _download(page, page.get_by_role("link", name="Unduh SKT"))
    db.session.expire_all()
    letter = db.session.execute(db.select(Letter)).scalar_one()
    assert letter.status == LetterStatus.BERLAKU
    assert hashlib.sha256(downloaded).hexdigest() == letter.signed_file.sha256
    assert downloaded == signed


def test_skt_qr_opens_its_public_page_then_shows_revocation(page, make, pki, tmp_path):  # noqa: F811
    owner, _signed = _issue(page, make, pki, tmp_path)
    _login(page, owner)
    page.goto("/pemohon/")
    url = _qr_url(_download(page, page.get_by_role("link", name="Unduh SKT")), tmp_path)
    j.fresh()
    letter = db.session.execute(db.select(Letter)).scalar_one()
    number, snapshot = letter.number_text, json.loads(letter.application.profile_snapshot)
    assert url == letters.verification_url(letter.token)
    j.fresh()
    page.context.clear_cookies()  # anyone who scans the QR, not logged in
    page.goto(urlsplit(url).path)
    status = page.get_by_role("status")
    expect(status).to_contain_text("BERLAKU")
    expect(page.get_by_role("row", name=f"Nomor {number}")).to_be_visible()
    expect(page.get_by_role("row", name="Partai politik")).to_contain_text(snapshot["party_name"])
    shown = page.locator("body").inner_text()
    personal = [snapshot[k] for k in ("reporter_name", "street", "phone", "contact_email")]
    assert not [p for p in personal + [o["name"] for o in snapshot["officers"]] if p in shown]
    _login(page, "admin.contoh")
    j.nav(page, "Administrasi")
    page.get_by_role("link", name="Register Surat Terbit (cabut surat)").click()
    row = page.get_by_role("row").filter(has_text=number)
    row.locator("summary", has_text="Cabut").click()  # its name adds the hidden number
    row.get_by_label("Alasan pencabutan").fill(REVOKED)
    row.get_by_label("Saya yakin mencabut surat ini").check()
    page.once("dialog", lambda dialog: dialog.accept())  # "Cabut surat nomor ...?"
    row.get_by_role("button", name="Cabut surat").click()
    assert f"Surat nomor {number} dicabut." in j.alert_text(page)
    page.goto(urlsplit(url).path)
    expect(status).to_contain_text("DICABUT")
    expect(status).to_contain_text(f"Alasan: {REVOKED}")
    j.fresh()
    letter = db.session.execute(db.select(Letter)).scalar_one()
    assert (letter.status, letter.revoked_reason) == (LetterStatus.DICABUT, REVOKED)
    assert letter.application.status == ApplicationStatus.DICABUT
