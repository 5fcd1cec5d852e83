"""Backup archives: a good archive verifies (integrity check ok, files and tables match); damaged,
edited, foreign and wrongly keyed archives are refused clearly and restore touches nothing;
generations are pruned; the key helper writes a private key file."""

from __future__ import annotations

import io
import os
import tarfile

import pytest

from sisakat.extensions import db
from sisakat.services import settings
from tests.conftest import SERVER_URL
from tests.ops.helpers import fresh_app, seed_everything, state


def _backup(app, folder, *extra) -> object:
    result = app.test_cli_runner().invoke(args=["backup", "--output", str(folder), *extra])
    assert result.exit_code == 0, result.output
    return max(folder.glob("sisakat-backup-*"))


def _restore_refused(tmp_path, archive, message: str, *extra) -> None:
    """``restore`` fails with ``message`` and leaves the fresh instance untouched."""
    target = fresh_app(tmp_path / "target")
    with target.app_context():
        db.create_all()
        result = target.test_cli_runner().invoke(args=["restore", str(archive), *extra])
        assert result.exit_code == 1
        assert message in result.output
        assert all(v["rows"] == 0 for v in state().values())
    assert not [p for p in (tmp_path / "target" / "uploads").rglob("*") if p.is_file()]


def test_good_archive_verifies_with_integrity_check_ok(app, tmp_path):
    seeded = seed_everything()
    archive = _backup(app, tmp_path / "bk")
    result = app.test_cli_runner().invoke(args=["verify-backup", str(archive)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    if not SERVER_URL:  # a server database is archived as a dump, not as a SQLite file
        assert "OK    PRAGMA integrity_check: ok" in lines
    assert f"OK    {len(seeded['files'])} berkas di-hash ulang dan cocok" in lines
    assert f"OK    {len(state())} tabel cocok dengan manifes" in lines
    assert lines[-1] == "Arsip utuh."


def test_truncated_archive_is_refused(app, tmp_path):
    seed_everything()
    archive = _backup(app, tmp_path / "bk")
    damaged = tmp_path / "potong.tar.gz"
    damaged.write_bytes(archive.read_bytes()[: archive.stat().st_size * 2 // 3])
    result = app.test_cli_runner().invoke(args=["verify-backup", str(damaged)])
    assert result.exit_code == 1
    assert "rusak atau terpotong" in result.output
    _restore_refused(tmp_path, damaged, "rusak atau terpotong")


def _repack(archive, out, change) -> None:
    """Rewrite a (plain) archive with ``change(name, data) -> data`` applied to each member."""
    with tarfile.open(archive) as src, tarfile.open(out, "w:gz") as dst:
        for member in src.getmembers():
            data = change(member.name, src.extractfile(member).read())
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))


def test_edited_file_inside_archive_is_refused(app, tmp_path):
    seed_everything()
    archive = _backup(app, tmp_path / "bk")
    edited = tmp_path / "ubah.tar.gz"
    _repack(archive, edited, lambda n, d: d + b"x" if n.startswith("files/") else d)
    result = app.test_cli_runner().invoke(args=["verify-backup", str(edited)])
    assert result.exit_code == 1
    assert "isi berbeda dari manifes: files/" in result.output
    _restore_refused(tmp_path, edited, "isi berbeda dari manifes")


def test_edited_database_row_is_refused_even_with_matching_file_hashes(app, tmp_path):
    seed_everything()
    archive = _backup(app, tmp_path / "bk")
    edited = tmp_path / "ubah-db.tar.gz"
    _repack(archive, edited, lambda n, d: d.replace(b"Kota Contoh", b"Kota Palsu"))
    result = app.test_cli_runner().invoke(args=["verify-backup", str(edited)])
    assert result.exit_code == 1
    assert "rusak" in result.output


def test_foreign_archive_is_refused(app, tmp_path):
    foreign = tmp_path / "lain.tar.gz"
    with tarfile.open(foreign, "w:gz") as tar:
        tar.addfile(tarfile.TarInfo("etc/passwd"), io.BytesIO(b""))
    result = app.test_cli_runner().invoke(args=["verify-backup", str(foreign)])
    assert result.exit_code == 1
    assert "bukan arsip cadangan SISAKAT" in result.output
    (tmp_path / "teks.tar.gz").write_text("bukan arsip")
    _restore_refused(tmp_path, tmp_path / "teks.tar.gz", "bukan arsip cadangan SISAKAT")


def test_only_the_newest_generations_are_kept(app, tmp_path):
    settings.update({"backup.keep": 2}, actor=None)
    db.session.commit()
    made = [_backup(app, tmp_path / "bk") for _ in range(3)]
    assert sorted((tmp_path / "bk").iterdir()) == made[1:]


def test_keygen_writes_private_key_and_never_overwrites(app, tmp_path):
    key = tmp_path / "kunci" / "sisakat-backup.key"
    key.parent.mkdir()
    runner = app.test_cli_runner()
    assert runner.invoke(args=["backup-keygen", str(key)]).exit_code == 0
    first = key.read_text()
    if os.name != "nt":
        assert key.stat().st_mode & 0o777 == 0o600
    again = runner.invoke(args=["backup-keygen", str(key)])
    assert again.exit_code == 1
    assert key.read_text() == first


@pytest.fixture
def key_file(app, tmp_path):
    path = tmp_path / "backup.key"
    app.test_cli_runner().invoke(args=["backup-keygen", str(path)])
    return path


def test_unencrypted_backup_names_the_real_environment_variables(app, tmp_path):
    result = app.test_cli_runner().invoke(args=["backup", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.output.splitlines() if "TIDAK dienkripsi" in line)
    assert "SISAKAT_BACKUP_KEY atau SISAKAT_BACKUP_KEY_FILE" in warning
    assert " BACKUP_KEY_FILE" not in warning
