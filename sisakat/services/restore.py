"""``flask verify-backup`` and ``flask restore``: check an archive completely before trusting it.

An archive is unpacked member by member into a private staging folder (never ``extractall``: only
the names a SISAKAT archive can hold are accepted), then the manifest is checked against what
arrived: every file re-hashed, the SQLite copy through ``PRAGMA integrity_check``, every table's
row count and checksum recomputed. Only then does ``restore`` touch the instance, and only an
empty one; the restored database is checksummed again before it is committed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from sisakat.extensions import db
from sisakat.models import utcnow
from sisakat.services import audit, dataset, settings, storage
from sisakat.services.backup import FORMAT, FORMAT_VERSION
from sisakat.services.backup_crypto import (
    KEY_VARIABLES,
    BackupError,
    DecryptingReader,
    is_encrypted,
)

DAMAGED = "Arsip cadangan rusak atau terpotong; gunakan arsip lain."
FOREIGN = "Berkas ini bukan arsip cadangan SISAKAT."
NOT_AN_ARCHIVE = "Berkas ini bukan arsip cadangan SISAKAT, atau arsipnya rusak."
SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*(?:\.[A-Za-z0-9]{1,10})?$")
DATA_MEMBER = re.compile(r"^data/[a-z0-9_]{1,64}\.jsonl$")
SKIP_IN_UPLOADS = {"README.md", ".gitkeep"}


@dataclass(frozen=True)
class Verified:
    """An archive that passed every check."""

    manifest: dict
    files: int
    notes: list[str]


def _target(name: str, staging: Path) -> Path:
    """Where a member goes, or a refusal for names a SISAKAT archive never holds."""
    ok = name in ("manifest.json", dataset.SQLITE_MEMBER) or DATA_MEMBER.match(name)
    if not ok and name.startswith("files/"):
        key = name[len("files/") :]
        ok = bool(SAFE_KEY.match(key)) and ".." not in key
    if not ok:
        raise BackupError(f"{FOREIGN} (isi tidak dikenal: {name[:80]!r})")
    return staging / name


def _extract(tar: tarfile.TarFile, member: tarfile.TarInfo, staging: Path) -> tuple[str, int]:
    if not member.isfile():
        raise BackupError(f"{FOREIGN} (anggota bukan berkas biasa: {member.name[:80]!r})")
    path = _target(member.name, staging)
    path.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    source = tar.extractfile(member)
    with open(path, "xb") as out:
        while chunk := source.read(64 * 1024):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return digest.hexdigest(), size


def _unpack_stream(archive: Path, staging: Path, key: bytes | None) -> dict[str, tuple]:
    seen: dict[str, tuple] = {}
    with open(archive, "rb") as raw:
        if is_encrypted(archive):
            if key is None:
                raise BackupError(
                    f"Arsip ini terenkripsi: setel {KEY_VARIABLES} atau berikan --key-file."
                )
            source = DecryptingReader(raw, key)
        else:
            source = raw
        try:
            with tarfile.open(fileobj=source, mode="r|gz") as tar:
                for member in tar:
                    seen[member.name] = _extract(tar, member, staging)
        except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
            raise BackupError(DAMAGED if seen else NOT_AN_ARCHIVE) from exc
    return seen


def _manifest(staging: Path) -> dict:
    try:
        manifest = json.loads((staging / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{DAMAGED} (manifes tidak ada atau tidak terbaca)") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(FOREIGN)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError("Versi format arsip tidak didukung oleh versi SISAKAT ini.")
    if not _well_formed(manifest):
        raise BackupError(f"{DAMAGED} (manifes tidak lengkap atau tidak sesuai format)")
    return manifest


def _well_formed(manifest: dict) -> bool:
    """The manifest has every part the checks below read, each of the right type."""
    database, files = manifest.get("database"), manifest.get("files")
    tables = manifest.get("tables")
    return (
        isinstance(manifest.get("created_at"), str)
        and isinstance(database, dict)
        and isinstance(database.get("kind"), str)
        and isinstance(database.get("members"), dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in database["members"].items())
        and isinstance(tables, dict)
        and all(isinstance(v, dict) for v in tables.values())
        and isinstance(files, list)
        and all(
            isinstance(f, dict)
            and isinstance(f.get("key"), str)
            and isinstance(f.get("sha256"), str)
            and isinstance(f.get("size"), int)
            for f in files
        )
    )


def _check_files(manifest: dict, seen: dict[str, tuple]) -> int:
    expected = {f"files/{f['key']}": (f["sha256"], f["size"]) for f in manifest["files"]}
    expected.update({n: sha for n, sha in manifest["database"]["members"].items()})
    for name, want in expected.items():
        got = seen.get(name)
        got = got if isinstance(want, tuple) else (got[0] if got else None)
        if got != want:
            raise BackupError(f"{DAMAGED} (isi berbeda dari manifes: {name[:80]})")
    extra = set(seen) - set(expected) - {"manifest.json"}
    if extra:
        raise BackupError(f"{DAMAGED} (isi tidak tercatat di manifes: {sorted(extra)[0][:80]})")
    return len(manifest["files"])


def _check_database(manifest: dict, staging: Path, notes: list[str]) -> None:
    kind = "sqlite" if manifest["database"]["kind"] == "sqlite" else "dump"
    if kind == "sqlite":
        conn = sqlite3.connect(staging / dataset.SQLITE_MEMBER)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{DAMAGED} (basis data SQLite rusak)") from exc
        finally:
            conn.close()
        if result != [("ok",)]:
            raise BackupError(f"{DAMAGED} (PRAGMA integrity_check: {result[0][0][:80]})")
        notes.append("PRAGMA integrity_check: ok")
    with dataset.open_snapshot(staging, manifest["database"]["kind"]) as snap:
        known = {t.name: t for t in snap.tables}
        for name, want in manifest["tables"].items():
            if name not in known:
                raise BackupError(f"Tabel {name} di arsip tidak dikenal versi SISAKAT ini.")
            if snap.tally(known[name]) != want:
                raise BackupError(f"{DAMAGED} (jumlah baris/checksum tabel {name} berbeda)")
    notes.append(f"{len(manifest['tables'])} tabel cocok dengan manifes")


def unpack(archive: Path, staging: Path, key: bytes | None) -> Verified:
    """Unpack ``archive`` into ``staging`` and check it completely; raises ``BackupError``."""
    if not archive.is_file():
        raise BackupError(f"Arsip tidak ditemukan: {archive}")
    seen = _unpack_stream(archive, staging, key)
    manifest = _manifest(staging)
    files = _check_files(manifest, seen)
    notes = [f"{files} berkas di-hash ulang dan cocok"]
    _check_database(manifest, staging, notes)
    return Verified(manifest, files, notes)


def verify(archive: str | Path, *, key: bytes | None) -> Verified:
    """Open an archive in a temporary folder, check everything, leave nothing behind."""
    with tempfile.TemporaryDirectory(prefix="sisakat-verify-") as tmp:
        return unpack(Path(archive), Path(tmp), key)


def _uploads_empty(root: Path) -> bool:
    return not any(
        p.is_file() and p.name not in SKIP_IN_UPLOADS and ".tmp" not in p.parts
        for p in root.rglob("*")
    )


def _not_empty_database() -> str:
    """The refusal for a database holding data, saying what to move aside or create."""
    if db.engine.dialect.name == "sqlite":
        return (
            f"Basis data tujuan tidak kosong ({db.engine.url.database}): hentikan aplikasi, "
            "pindahkan berkas itu beserta -wal dan -shm-nya ke tempat lain, lalu jalankan lagi."
        )
    return (
        "Basis data tujuan tidak kosong: buat database kosong baru dengan UTF-8 penuh "
        "(docs/OPERATIONS.md §4 langkah 1) dan arahkan SISAKAT_DATABASE_URL ke sana."
    )


def restore(archive: str | Path, *, key: bytes | None) -> Verified:
    """Restore ``archive`` into this (empty) instance: database rows, then files."""
    root = storage.root()
    if not _uploads_empty(root):
        raise BackupError(
            f"Folder unggahan tidak kosong ({root}): pemulihan hanya mengisi instance kosong. "
            "Hentikan aplikasi, pindahkan isinya ke tempat lain (simpan sampai hasil pemulihan "
            "diperiksa), lalu jalankan lagi."
        )
    db.session.remove()
    with db.engine.connect() as conn:
        if problem := dataset.encoding_problem(conn):
            raise BackupError(problem)
        if not dataset.tables(conn):
            conn.rollback()
            dataset.build_schema()
    with db.engine.connect() as conn:
        if not dataset.is_empty(conn):
            raise BackupError(_not_empty_database())
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=root))
    try:
        verified = unpack(Path(archive), staging, key)
        _load(verified.manifest, staging, root)
        _remember_source(Path(archive), verified.manifest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return verified


def _load(manifest: dict, staging: Path, root: Path) -> None:
    """Copy rows, verify them, move files into place, commit (files removed on failure)."""
    moved: list[Path] = []
    try:
        with (
            db.engine.begin() as conn,
            dataset.open_snapshot(staging, manifest["database"]["kind"]) as snap,
        ):
            dataset.replace_seeded(conn, (t.name for t in snap.tables))
            for table in snap.tables:
                dataset.load(conn, table, snap.rows(table))
            restored = {n: v for n, v in dataset.summarise(conn).items() if n in manifest["tables"]}
            if restored != manifest["tables"]:
                raise BackupError(
                    "Hasil pemulihan tidak cocok dengan manifes; tidak ada yang diubah."
                )
            for entry in manifest["files"]:
                target = root / entry["key"]
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / "files" / entry["key"], target)
                moved.append(target)
            dataset.reset_sequences(conn)
    except BaseException:
        for path in moved:
            path.unlink(missing_ok=True)
        raise
    audit.forget_anchor()  # the restored log is the new truth; the next check anchors it
    details = {"created_at": manifest["created_at"], "files": len(moved)}
    audit.record("backup.restore", actor=None, object_type="backup", details=details)


def _remember_source(archive: Path, manifest: dict) -> None:
    """The restored instance's last backup is the archive it came from: that archive holds
    exactly the data now here (the copied settings still name the backup before it, or none).
    The admin home dates it, warns a day later as for any backup, and says it was restored."""
    values = {
        "backup.last_at": manifest["created_at"],
        "backup.last_path": str(archive.resolve()),
        "backup.last_encrypted": manifest["encrypted"],
        "backup.restored_at": utcnow().isoformat() + "Z",
    }
    settings.update(values, actor=None)
