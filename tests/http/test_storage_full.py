"""The uploads folder refusing a write (disk full, read-only, permissions): the person uploading
reads a clear Indonesian message naming who can fix it, nothing is half-kept, never a 500."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from sisakat.extensions import db
from sisakat.models import ApplicationDocument, utcnow
from sisakat.services.storage import STORAGE_FAULT
from tests.factories import pdf_bytes
from tests.workflow_http import items, upload


def _versions() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(ApplicationDocument))


def _files(uploads: Path) -> set[Path]:
    return {p for p in uploads.rglob("*") if p.is_file()}


def _refused_cleanly(app, client, application, caplog) -> None:
    uploads = Path(app.config["UPLOAD_FOLDER"])
    before, files = _versions(), _files(uploads)
    item = items(application)[0]
    with caplog.at_level(logging.ERROR, logger="sisakat.services.storage"):
        response = upload(client, application.id, item.id, pdf_bytes("Dokumen baru"), xhr=True)
    assert response.status_code == 422
    assert response.get_json()["message"].startswith(STORAGE_FAULT)
    assert "penyimpanan server penuh" in STORAGE_FAULT
    assert _versions() == before
    assert _files(uploads) == files  # no temp file left behind, no orphan
    assert "uploads folder" in caplog.text  # the operator's log names the cause
    page = client.get(f"/pemohon/permohonan/{application.id}").get_data(as_text=True)
    assert "Terjadi kesalahan" not in page


def test_disk_full_while_writing_an_upload_is_refused_with_a_message(
    app, make, login_as, monkeypatch, caplog
):
    application = make.application()
    client = login_as(application.party.account)

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # the OS, not our storage: the disk is full
    _refused_cleanly(app, client, application, caplog)


def test_uploads_folder_that_cannot_take_a_temp_file_is_refused_with_a_message(
    app, make, login_as, caplog
):
    application = make.application()
    client = login_as(application.party.account)
    tmp = Path(app.config["UPLOAD_FOLDER"]) / ".tmp"
    for leftover in tmp.glob("*"):
        leftover.unlink()
    tmp.rmdir()
    tmp.write_bytes(b"")  # a file where the temp folder should be: mkstemp fails for real
    _refused_cleanly(app, client, application, caplog)


def test_month_folder_that_cannot_be_made_is_refused_and_the_temp_file_removed(
    app, make, login_as, caplog
):
    application = make.application()
    client = login_as(application.party.account)
    uploads = Path(app.config["UPLOAD_FOLDER"])
    now = utcnow()
    month = uploads / f"{now:%Y}" / f"{now:%m}"
    month.mkdir(parents=True, exist_ok=True)
    for stored in month.iterdir():
        stored.rename(uploads / stored.name)
    month.rmdir()
    month.write_bytes(b"")  # a file where this month's folder should be: keep() cannot use it
    _refused_cleanly(app, client, application, caplog)
