"""The operator's realistic command-line mistakes get one Indonesian line and exit 1, never a
traceback: a key or backup folder that cannot be written, a key file saved by Notepad or the
wrong file given as key, a malformed or unreachable transfer URL, create-admin values the admin
form would refuse. storage-sweep never touches files SISAKAT did not write (a mis-set
UPLOAD_FOLDER)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sisakat.extensions import db
from sisakat.models import User
from tests.ops.helpers import seed_everything
from tests.ops.test_backup_archive import _backup, key_file  # noqa: F401


def _fails_cleanly(result, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert expected in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_backup_keygen_into_a_missing_folder_is_refused_in_words(app, tmp_path):
    target = tmp_path / "tidak-ada" / "kunci.key"
    result = app.test_cli_runner().invoke(args=["backup-keygen", str(target)])
    _fails_cleanly(result, "GAGAL: kunci tidak dapat ditulis ke")
    assert not target.exists()


def test_backup_into_a_folder_that_cannot_be_made_is_refused_in_words(app, tmp_path):
    seed_everything()
    blocker = tmp_path / "bukan-folder.txt"
    blocker.write_text("berkas biasa", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["backup", "--output", str(blocker / "cadangan")])
    _fails_cleanly(result, "GAGAL: Folder cadangan tidak dapat dibuat")


def test_key_file_with_byte_order_mark_is_read(app, tmp_path, key_file):  # noqa: F811
    seed_everything()
    archive = _backup(app, tmp_path / "Cadangan Kantör", "--key-file", str(key_file))
    notepad = tmp_path / "kunci notepad.key"
    notepad.write_bytes(b"\xef\xbb\xbf" + key_file.read_bytes().strip() + b"\r\n")
    result = app.test_cli_runner().invoke(
        args=["verify-backup", str(archive), "--key-file", str(notepad)]
    )
    assert result.exit_code == 0, result.output
    assert "Arsip utuh." in result.output


def test_the_archive_given_as_key_file_is_refused_in_words(app, tmp_path, key_file):  # noqa: F811
    seed_everything()
    archive = _backup(app, tmp_path / "bk", "--key-file", str(key_file))
    result = app.test_cli_runner().invoke(
        args=["verify-backup", str(archive), "--key-file", str(archive)]
    )
    _fails_cleanly(result, "GAGAL: Berkas kunci cadangan tidak dapat dibaca")


def test_transfer_with_a_bad_or_unreachable_url_is_refused_in_words(app):
    runner = app.test_cli_runner()
    cases = {
        "bukan-url": "URL database tujuan tidak dapat dipakai: bukan alamat database",
        "oracle://u:p@127.0.0.1:1/sisakat": "URL database tujuan tidak dapat dipakai: skema oracle://",
        "postgresql://u:p@127.0.0.1:1/sisakat": "Database tujuan tidak dapat dihubungi",
    }
    for url, expected in cases.items():
        _fails_cleanly(runner.invoke(args=["transfer", "--to", url]), f"GAGAL: {expected}")


def test_transfer_to_a_sqlite_file_is_refused_before_anything_is_written(app, tmp_path):
    """`flask transfer --to sqlite:///...` used to copy into a SQLite file, a target no test
    covers and the guide never names: it is refused, pointing at backup and restore."""
    runner = app.test_cli_runner()
    target = tmp_path / "pindah.db"
    for url in (f"sqlite:///{target}", "SQLite:///pindah.db"):
        result = runner.invoke(args=["transfer", "--to", url])
        _fails_cleanly(result, "GAGAL: Pemindahan hanya ke database server PostgreSQL atau MariaDB")
        assert "flask backup" in result.output
    assert not target.exists()
    assert not (Path(app.instance_path) / "pindah.db").exists()


def test_create_admin_refuses_what_the_admin_form_refuses(app, monkeypatch):
    monkeypatch.setenv("SISAKAT_ADMIN_PASSWORD", "Kuat-Sekali-2024!")
    runner = app.test_cli_runner()
    cases = [
        (["--username", "ad min/ü", "--email", "a@kantor.example"], "Nama pengguna 3-64"),
        (["--username", "x" * 65, "--email", "a@kantor.example"], "Nama pengguna 3-64"),
        (["--username", "admin", "--email", "bukan-email"], "Alamat e-mail tidak valid."),
        (["--username", "admin", "--email", "\u0430@kantor.example"], "huruf Latin tanpa aksen"),
        (["--username", "admin", "--email", "a@kantor.example", "--name", "N" * 121], "120"),
    ]
    for args, expected in cases:
        result = runner.invoke(args=["create-admin", *args])
        assert result.exit_code == 1, result.output
        assert expected in result.output, result.output
    assert db.session.execute(db.select(db.func.count(User.id))).scalar() == 0
    ok = runner.invoke(args=["create-admin", "--username", "Admin.Kantor", "--email", "a@k.id"])
    assert ok.exit_code == 0, ok.output


def test_storage_sweep_leaves_files_sisakat_did_not_write(app, tmp_path):
    seed_everything()
    folder = app.config["UPLOAD_FOLDER"]
    old = time.time() - 7200
    foreign = [
        os.path.join(folder, "laporan keuangan.docx"),
        os.path.join(folder, "2024", "foto.jpg"),
        os.path.join(folder, "sisakat.db"),
    ]
    orphan = os.path.join(folder, "2024", "01", "0123456789abcdef0123456789abcdef.pdf")
    for path in [*foreign, orphan]:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(b"bukan milik SISAKAT")
        os.utime(path, (old, old))
    result = app.test_cli_runner().invoke(args=["storage-sweep", "--delete"])
    assert result.exit_code == 0, result.output
    assert "2024/01/0123456789abcdef0123456789abcdef.pdf" in result.output
    assert "1 berkas yatim dihapus." in result.output
    assert not os.path.exists(orphan)
    assert all(os.path.exists(path) for path in foreign)


def test_restore_over_the_live_instance_says_what_to_move_aside(app, tmp_path):
    """After a failure on the laptop itself the operator restores into the same folders: the
    refusal names the folder or database file and what to do, not only "not empty"."""
    seed_everything()
    archive = _backup(app, tmp_path / "bk")
    result = app.test_cli_runner().invoke(args=["restore", str(archive)])
    _fails_cleanly(result, f"Folder unggahan tidak kosong ({app.config['UPLOAD_FOLDER']})")
    assert "pindahkan isinya ke tempat lain" in result.output
    for stored in [p for p in Path(app.config["UPLOAD_FOLDER"]).rglob("*") if p.is_file()]:
        stored.unlink()
    result = app.test_cli_runner().invoke(args=["restore", str(archive)])
    _fails_cleanly(result, "Basis data tujuan tidak kosong")
    if db.engine.dialect.name == "sqlite":
        assert str(db.engine.url.database) in result.output
        assert "-wal dan -shm" in result.output
    else:
        assert "database kosong baru" in result.output
