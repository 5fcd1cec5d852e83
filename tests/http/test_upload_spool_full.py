"""A large upload (over Werkzeug's 500 KB in memory) is spooled to the system temp folder while
the form is parsed, before our storage code runs. When that folder is full or cannot take a
file, the person uploading reads the "storage full" 503 message, the operator's log names the
folder, nothing is saved, and once the folder works the same upload goes through."""

from __future__ import annotations

import errno
import logging
import os
import tempfile

import pytest

from sisakat.errors import STORAGE_FULL
from sisakat.extensions import db
from sisakat.models import ApplicationDocument
from tests.factories import pdf_bytes
from tests.workflow_http import items, upload

BIG_PDF = pdf_bytes() + b"%" + b"0" * 600_000 + b"\n"  # a comment after %%EOF: over 500 KB


def _versions() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(ApplicationDocument))


def _refused_then_accepted(make, login_as, caplog, break_temp) -> None:
    """Uploads refused while ``break_temp(monkeypatch)`` holds; accepted once it is undone."""
    application = make.application()
    client, item = login_as(application.party.account), items(application)[0]
    before = _versions()
    with pytest.MonkeyPatch.context() as patch, caplog.at_level(logging.ERROR, "sisakat.errors"):
        break_temp(patch)
        page = upload(client, application.id, item.id, BIG_PDF)
        scripted = upload(client, application.id, item.id, BIG_PDF, xhr=True)
    assert page.status_code == 503
    assert STORAGE_FULL in page.get_data(as_text=True)
    assert "Terjadi kesalahan" not in page.get_data(as_text=True)
    assert scripted.status_code == 503
    assert scripted.get_json()["message"] == STORAGE_FULL
    assert "temporary folder" in caplog.text  # the operator's log names what to fix
    assert _versions() == before
    assert upload(client, application.id, item.id, BIG_PDF, xhr=True).status_code == 200
    assert _versions() == before + 1


def test_a_temp_folder_that_cannot_take_a_file_refuses_a_large_upload_in_words(
    app, make, login_as, tmp_path, caplog
):
    blocked = tmp_path / "tmp"
    blocked.write_bytes(b"")  # a file where the temp folder should be: TemporaryFile fails for real
    _refused_then_accepted(
        make, login_as, caplog, lambda patch: patch.setattr(tempfile, "tempdir", str(blocked))
    )


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_a_full_or_read_only_temp_disk_refuses_a_large_upload_in_words(
    app, make, login_as, caplog, code
):
    def refuse(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    # The OS, not our code, refuses: the spool's rollover to a real file fails.
    _refused_then_accepted(
        make, login_as, caplog, lambda patch: patch.setattr(tempfile, "TemporaryFile", refuse)
    )


def test_the_refusal_comes_first_where_the_csrf_check_reads_the_form(
    csrf_app, make, login_as, tmp_path
):
    """In production CSRF protection parses the form before the route: the same 503, not a
    "session expired" page or a 500."""
    application = make.application()
    client, item = login_as(application.party.account), items(application)[0]
    blocked = tmp_path / "tmp"
    blocked.write_bytes(b"")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(blocked))
        page = upload(client, application.id, item.id, BIG_PDF)
    assert page.status_code == 503
    assert STORAGE_FULL in page.get_data(as_text=True)
