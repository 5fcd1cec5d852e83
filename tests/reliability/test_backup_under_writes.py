"""DB-3: an online backup taken while another thread writes restores to an identical database."""

from __future__ import annotations

import json
import tarfile
import threading
from contextlib import contextmanager

from sisakat.extensions import db
from sisakat.models import User
from sisakat.services import audit
from tests import factories
from tests.ops.helpers import (
    files_match_rows,
    fresh_app,
    office_settings,
    seed_everything,
    state,
)


def _wait_until(condition) -> None:
    while not condition():
        threading.Event().wait(0.01)


@contextmanager
def writer_running(app):
    """A thread inserting users (own app context and session) while the block runs; on exit it
    makes one more write, so at least one row surely postdates anything the block did."""
    stop, written = threading.Event(), []

    def write() -> None:
        with app.app_context():
            while not stop.is_set():
                written.append(factories.user().id)
            db.session.remove()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        _wait_until(lambda: len(written) >= 3)
        yield
        done = len(written)
        _wait_until(lambda: len(written) > done)
    finally:
        stop.set()
        thread.join()


def _user_ids() -> list[int]:
    return list(db.session.execute(db.select(User.id).order_by(User.id)).scalars())


def test_backup_during_writes_restores_identical_database_and_files(app, tmp_path):
    seed_everything()
    with writer_running(app):
        result = app.test_cli_runner().invoke(args=["backup", "--output", str(tmp_path / "bk")])
    assert result.exit_code == 0, result.output
    archive = next((tmp_path / "bk").glob("sisakat-backup-*.tar.gz"))
    source_ids, source_settings = _user_ids(), office_settings()

    target = fresh_app(tmp_path / "restored")
    with target.app_context():
        out = target.test_cli_runner().invoke(args=["restore", str(archive)])
        assert out.exit_code == 0, out.output
        restored, restored_ids = state(), _user_ids()
        restored_settings = office_settings()
        assert files_match_rows()
        assert audit.verify_chain() == (True, None)
    with tarfile.open(archive) as tar:
        expected = json.load(tar.extractfile("manifest.json"))["tables"]
    # The restore adds its own audit row and one for recording the archive as the last backup.
    assert restored.pop("audit_events")["rows"] == expected.pop("audit_events")["rows"] + 2
    restored.pop("settings"), expected.pop("settings")
    assert restored_settings == source_settings
    assert restored == expected  # every other table: same rows, same checksum
    assert restored_ids == source_ids[: len(restored_ids)]  # one consistent moment
    assert len(restored_ids) < len(source_ids)  # and the writer kept writing after it
