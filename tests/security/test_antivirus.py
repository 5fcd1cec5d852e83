"""UP-7: with antivirus scanning on (``CLAMAV_SOCKET``), a file the scanner flags is refused
with an Indonesian message and nothing is kept; a clean file passes; an unreachable scanner
refuses every upload (fail closed); ``flask check`` says whether the scanner answers.

A real ClamAV daemon (``clamd``, package clamav-daemon) is started for this module. Its virus
database cannot be downloaded here, so it loads one signature of our own that matches the EICAR
test string anywhere in a file (ClamAV's .ndb format), which is exactly what the test uploads.
"""

from __future__ import annotations

import io
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationDocument, Complaint, StoredFile
from sisakat.services import antivirus
from tests.conftest import require_or_skip
from tests.factories import pdf_bytes
from tests.images_util import png_bytes
from tests.profile_data import profile_form
from tests.public_helpers import upload as public_upload
from tests.workflow_http import items, upload

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
FOUND = "Berkas ditolak: pemindai antivirus menemukan Uji.EICAR-Test.UNOFFICIAL."


def _infected() -> bytes:
    """A valid PDF that carries the EICAR test string in a comment line."""
    return pdf_bytes("Lampiran").replace(b"\n", b"\n%" + EICAR + b"\n", 1)


def _pong(path: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX) as conn:
            conn.settimeout(2)
            conn.connect(str(path))
            conn.sendall(b"zPING\0")
            return conn.recv(16).startswith(b"PONG")
    except OSError:
        return False


@pytest.fixture(scope="module")
def clamd(tmp_path_factory):
    """A clamd on a Unix socket in a temp folder, with the one test signature; its address."""
    if shutil.which("clamd") is None:
        require_or_skip("clamd tidak terpasang (apt-get install clamav-daemon)")
    folder = tmp_path_factory.mktemp("clamd")
    (folder / "db").mkdir()
    (folder / "db" / "uji.ndb").write_text(f"Uji.EICAR-Test:0:*:{EICAR.hex()}\n")
    sock = folder / "clamd.sock"
    (folder / "clamd.conf").write_text(
        f"Foreground yes\nLocalSocket {sock}\nDatabaseDirectory {folder / 'db'}\n"
        f"LogFile {folder / 'clamd.log'}\nPidFile {folder / 'clamd.pid'}\n"
    )
    process = subprocess.Popen(
        ["clamd", f"--config-file={folder / 'clamd.conf'}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _pong(sock):
            assert process.poll() is None, (folder / "clamd.log").read_text()
            assert time.monotonic() < deadline, "clamd did not start"
            time.sleep(0.2)
        yield f"unix:{sock}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _kept(app) -> list[Path]:
    """Every file under uploads/ (temp files included)."""
    return [p for p in Path(app.config["UPLOAD_FOLDER"]).rglob("*") if p.is_file()]


def _count(model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_a_flagged_document_is_refused_and_nothing_is_kept(app, make, login_as, clamd):
    app.config["CLAMAV_SOCKET"] = clamd
    application = make.application(documents=False)
    client = login_as(application.party.account)
    item = items(application)[0]
    before = _kept(app)
    answer = upload(client, application.id, item.id, _infected(), xhr=True)
    assert answer.status_code == 422
    assert answer.json["message"] == FOUND
    assert _count(ApplicationDocument) == 0
    assert _kept(app) == before  # not even a temp file
    clean = upload(client, application.id, item.id, pdf_bytes("KTP"), xhr=True)
    assert clean.json["ok"] is True
    assert _count(ApplicationDocument) == 1


def test_a_flagged_complaint_attachment_is_refused(app, client, clamd):
    app.config["CLAMAV_SOCKET"] = clamd
    form = {
        "name": "Warga Contoh",
        "contact": "0812000001",
        "category": "d0",
        "body": "Lampiran bukti antrean.",
    }
    answer = client.post("/pengaduan", data={**form, "attachment": public_upload(_infected())})
    assert answer.status_code == 200
    assert FOUND in answer.get_data(as_text=True)
    assert (_count(Complaint), _count(StoredFile)) == (0, 0)


def test_an_unreachable_scanner_refuses_uploads_and_check_says_so(app, make, login_as, tmp_path):
    app.config["CLAMAV_SOCKET"] = f"unix:{tmp_path / 'tidak-ada.sock'}"
    application = make.application(documents=False)
    client = login_as(application.party.account)
    answer = upload(client, application.id, items(application)[0].id, pdf_bytes("KTP"), xhr=True)
    assert answer.json["message"] == antivirus.UNREACHABLE
    assert _count(ApplicationDocument) == 0
    result = app.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 1
    assert "pemindai antivirus (CLAMAV_SOCKET) tidak menjawab" in result.output


def test_check_reports_a_scanner_that_answers(app, clamd):
    app.config["CLAMAV_SOCKET"] = clamd
    assert (
        "pemindai antivirus (ClamAV) menjawab"
        in app.test_cli_runner().invoke(args=["check"]).output
    )


def _post_logo(client, party, logo: bytes):
    """The whole profile form with ``logo`` as the new logo."""
    form = {**profile_form(party.version), "new_logo": (io.BytesIO(logo), "logo.png")}
    return client.post("/pemohon/profil", data=form, content_type="multipart/form-data")


def _logo_error(page: str) -> str:
    """The refusal shown beside the logo field."""
    return re.search(r'<div id="new_logo-error"><div[^>]*>(.*?)</div>', page)[1]


def test_a_flagged_logo_is_refused_as_a_virus_not_as_too_big(app, make, login_as, clamd):
    """Before, every refusal of the spool reached the user as "Berkas gambar terlalu besar"."""
    app.config["CLAMAV_SOCKET"] = clamd
    party = make.party()
    client = login_as(party.account)
    logo_before, files_before = party.logo_file_id, _count(StoredFile)
    answer = _post_logo(client, party, png_bytes() + EICAR)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert f"Profil belum tersimpan. {FOUND}" in page
    assert _logo_error(page) == FOUND
    assert 'value="Partai Contoh Sejahtera"' in page  # what was typed stays
    db.session.refresh(party)
    assert (party.logo_file_id, _count(StoredFile)) == (logo_before, files_before)


def test_an_unreachable_scanner_refuses_a_logo_with_its_own_message(app, make, login_as, tmp_path):
    app.config["CLAMAV_SOCKET"] = f"unix:{tmp_path / 'tidak-ada.sock'}"
    party = make.party()
    client = login_as(party.account)
    page = _post_logo(client, party, png_bytes()).get_data(as_text=True)
    assert f"Profil belum tersimpan. {antivirus.UNREACHABLE}" in page
    assert _logo_error(page) == antivirus.UNREACHABLE
