"""``flask check`` (which every start runs) says how much room is left on the disks SISAKAT
writes to, and warns before a full disk starts refusing uploads and saves."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest


def _check(app):
    return app.test_cli_runner().invoke(args=["check"])


def test_room_left_is_reported_on_each_start(app):
    result = _check(app)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "ruang kosong diska" in line]
    assert lines, result.output
    assert all(line.startswith("OK") for line in lines)


def test_a_disk_with_less_room_than_the_floor_is_a_warning_naming_the_folder(app):
    Path(app.config["UPLOAD_FOLDER"]).mkdir(parents=True, exist_ok=True)
    free_mb = shutil.disk_usage(app.config["UPLOAD_FOLDER"]).free // (1024 * 1024)
    app.config["LOW_DISK_MB"] = free_mb + 1024  # more than this disk has left
    result = _check(app)
    assert result.exit_code == 0, result.output  # a warning, not a refusal to start
    warned = [line for line in result.output.splitlines() if line.startswith("PERHATIAN")]
    low = [line for line in warned if "ruang kosong diska" in line]
    assert low, result.output
    assert str(Path(app.config["UPLOAD_FOLDER"])) in low[0]
    assert "unggahan dan penyimpanan akan ditolak" in low[0]


def test_the_temp_folder_on_its_own_disk_is_checked_too(app, monkeypatch):
    """Large uploads pass through the system temp folder (Waitress and Werkzeug spool them
    there) before SISAKAT stores them: a full temp disk refuses them, so its room is shown."""
    other = Path("/dev/shm")
    uploads = Path(app.config["UPLOAD_FOLDER"])
    uploads.mkdir(parents=True, exist_ok=True)
    if not other.is_dir() or other.stat().st_dev == uploads.stat().st_dev:
        pytest.skip("tidak ada diska lain untuk folder sementara di mesin ini")
    monkeypatch.setattr(tempfile, "tempdir", str(other))
    app.config["LOW_DISK_MB"] = shutil.disk_usage(other).free // (1024 * 1024) + 1024
    result = _check(app)
    assert result.exit_code == 0, result.output
    low = [line for line in result.output.splitlines() if "folder sementara" in line]
    assert low, result.output
    assert low[0].startswith("PERHATIAN")
    assert str(other) in low[0]
    assert "TMPDIR" in low[0]
