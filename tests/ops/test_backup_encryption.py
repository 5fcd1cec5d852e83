"""Encrypted archives (AES-256-GCM): the right key restores, a wrong or missing key and any
tampering are refused clearly; the archive holds no readable personal data."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Party
from tests.ops.helpers import files_match_rows, fresh_app, seed_everything, state
from tests.ops.test_backup_archive import _backup, _restore_refused, key_file  # noqa: F401


def test_encrypted_archive_restores_with_its_key(app, tmp_path, key_file):  # noqa: F811
    seed = seed_everything()
    archive = _backup(app, tmp_path / "bk", "--key-file", str(key_file))
    assert archive.name.endswith(".tar.gz.enc")
    assert seed["party"].board_name.encode() not in archive.read_bytes()
    target = fresh_app(tmp_path / "target")
    with target.app_context():
        runner = target.test_cli_runner()
        result = runner.invoke(args=["restore", str(archive), "--key-file", str(key_file)])
        assert result.exit_code == 0, result.output
        assert db.session.execute(db.select(Party.board_name)).scalar() == seed["party"].board_name
        assert files_match_rows()
        assert state()["stored_files"]["rows"] == 3


def test_wrong_or_missing_key_is_refused_clearly(app, tmp_path, key_file):  # noqa: F811
    seed_everything()
    archive = _backup(app, tmp_path / "bk", "--key-file", str(key_file))
    other = tmp_path / "lain.key"
    app.test_cli_runner().invoke(args=["backup-keygen", str(other)])
    wrong = app.test_cli_runner().invoke(
        args=["verify-backup", str(archive), "--key-file", str(other)]
    )
    assert wrong.exit_code == 1
    assert "Kunci cadangan salah untuk arsip ini" in wrong.output
    missing = app.test_cli_runner().invoke(args=["verify-backup", str(archive)])
    assert "Arsip ini terenkripsi" in missing.output
    _restore_refused(tmp_path, archive, "Kunci cadangan salah", "--key-file", str(other))


def test_flipped_or_truncated_ciphertext_is_refused(app, tmp_path, key_file):  # noqa: F811
    seed_everything()
    archive = _backup(app, tmp_path / "bk", "--key-file", str(key_file))
    data = archive.read_bytes()
    flipped = tmp_path / "balik.enc"
    flipped.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])
    cut = tmp_path / "potong.enc"
    cut.write_bytes(data[:-16])
    for damaged in (flipped, cut):
        args = ["verify-backup", str(damaged), "--key-file", str(key_file)]
        result = app.test_cli_runner().invoke(args=args)
        assert result.exit_code == 1
        assert "rusak, terpotong atau telah diubah" in result.output
