"""A tampered or foreign archive whose manifest has the right format name but not the right
shape is refused with the Indonesian message (exit 1, nothing restored), never a traceback."""

from __future__ import annotations

import io
import json
import tarfile

import pytest

from tests.ops.test_backup_archive import _restore_refused

BASE = {"format": "sisakat-backup", "format_version": 1}
BROKEN = {
    "no_parts": {},
    "files_not_a_list": {
        "created_at": "x",
        "database": {"kind": "sqlite", "members": {}},
        "tables": {},
        "files": {"key": "a"},
    },
    "file_without_key": {
        "created_at": "x",
        "database": {"kind": "sqlite", "members": {}},
        "tables": {},
        "files": [{"sha256": "0" * 64, "size": 1}],
    },
    "database_not_a_dict": {"created_at": "x", "database": "sqlite", "tables": {}, "files": []},
}


def _archive(path, manifest: dict) -> None:
    data = json.dumps({**BASE, **manifest}).encode()
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_malformed_manifest_is_refused_clearly(app, tmp_path, case):
    archive = tmp_path / "ubah.tar.gz"
    _archive(archive, BROKEN[case])
    result = app.test_cli_runner().invoke(args=["verify-backup", str(archive)])
    assert result.exit_code == 1
    assert "manifes tidak lengkap atau tidak sesuai format" in result.output
    _restore_refused(tmp_path, archive, "manifes tidak lengkap")
