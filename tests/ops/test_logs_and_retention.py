"""Access log (one line per request, no secrets) and the personal-data retention purge."""

from __future__ import annotations

import hashlib
import logging

import pytest
from werkzeug.exceptions import NotFound

from sisakat.extensions import db
from sisakat.models import AuditEvent, StoredFile
from sisakat.services import retention, storage
from tests.ops.helpers import seed_everything


def test_access_log_has_one_line_per_request_and_no_secrets(client, caplog):
    token = "Zx9" + "q" * 29
    with caplog.at_level(logging.INFO, logger="sisakat.access"):
        client.get(f"/verifikasi/{token}?kode=rahasia")
        client.post("/akun/masuk", data={"username": "budi", "password": "Sandi-Rahasia-1"})
    lines = [r.getMessage() for r in caplog.records if r.name == "sisakat.access"]
    assert len(lines) == 2
    assert '"GET /verifikasi/[disamarkan]" 404' in lines[0]
    text = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (token, "rahasia", "Sandi-Rahasia-1"):
        assert secret not in text


def test_purge_deletes_bytes_keeps_row_hash_and_audits(app):
    files = seed_everything()["files"]
    target, kept = files[1], files[2]
    digest = hashlib.sha256(storage.read_bytes(target)).hexdigest()
    paths = retention.purge([target], actor=None)
    db.session.commit()
    retention.remove_bytes(paths)
    row = db.session.get(StoredFile, target.id)
    assert row.purged_at is not None
    assert row.sha256 == digest
    assert not storage.path_of(row).exists()
    assert storage.path_of(kept).exists()
    with pytest.raises(NotFound):
        storage.send(row)
    event = db.session.execute(
        db.select(AuditEvent).where(AuditEvent.action == "storage.purge")
    ).scalar_one()
    assert event.object_id == str(target.id)
    assert digest in event.details
    assert retention.purge([row], actor=None) == []  # already purged: nothing to do


def test_purge_command_dry_run_and_policy_until_applications_exist(app, runner):
    seed_everything()
    result = runner.invoke(args=["purge-personal-data", "--dry-run"])
    assert result.exit_code == 0
    assert "0 dokumen pribadi akan dihapus." in result.output
    assert runner.invoke(args=["purge-personal-data"]).exit_code == 0
    assert (
        db.session.execute(db.select(StoredFile).where(StoredFile.purged_at.is_not(None))).all()
        == []
    )
