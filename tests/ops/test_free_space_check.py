"""``flask check`` (which every start runs) says how much room is left on the disks SISAKAT
writes to, and warns before a full disk starts refusing uploads and saves."""

from __future__ import annotations

import shutil
from pathlib import Path


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
