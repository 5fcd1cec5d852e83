"""``flask backup``: one timestamped archive holding a consistent database copy, every stored
file and a manifest (row counts, checksums, file hashes), optionally encrypted.

SQLite is copied with the online backup API (a raw file copy would miss what still sits in the
WAL); PostgreSQL and MariaDB get a logical dump (JSON lines per table, typed values) read inside
one repeatable-read transaction, so an archive restores into any of the three. The app may keep
serving meanwhile. The manifest is the archive's last member, written once everything is hashed.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import sqlite3
import tarfile
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from sisakat.config import ROOT
from sisakat.extensions import db
from sisakat.models import utcnow
from sisakat.services import audit, backup_crypto, dataset, settings, storage
from sisakat.services.backup_crypto import BackupError, EncryptingWriter, load_key

log = logging.getLogger(__name__)

FORMAT = "sisakat-backup"
FORMAT_VERSION = 1
PREFIX = "sisakat-backup-"
SQLITE_MEMBER = dataset.SQLITE_MEMBER
STALE_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class BackupResult:
    """Where the archive went and what it holds."""

    path: Path
    manifest: dict
    pruned: list[Path]


def configured_key(key_file: str = "") -> bytes | None:
    """The backup key: ``--key-file``, else ``SISAKAT_BACKUP_KEY``, else ``BACKUP_KEY_FILE``."""
    cfg = current_app.config
    if key_file:
        return load_key(key_file=key_file)
    return load_key(cfg.get("BACKUP_KEY", ""), cfg.get("BACKUP_KEY_FILE", ""))


def backup_folder() -> Path:
    """``BACKUP_FOLDER`` (e.g. a USB disk) or ``instance/backups``."""
    configured = current_app.config.get("BACKUP_FOLDER") or ""
    return Path(configured) if configured else Path(current_app.instance_path) / "backups"


def app_version() -> str:
    """The version in pyproject.toml."""
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def alembic_revision(conn: sa.Connection) -> str | None:
    """The migration revision the database is at (None without migrations)."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def _snapshot_sqlite(staging: Path) -> dict[str, dict]:
    """Online backup API copy into ``staging``; the copy is a self-contained file."""
    target = staging / SQLITE_MEMBER
    source = sqlite3.connect(db.engine.url.database, timeout=30)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)  # one step: a consistent snapshot, writers are not blocked (WAL)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
        source.close()
    with dataset.open_snapshot(staging, "sqlite") as snap:
        return {t.name: snap.tally(t) for t in snap.tables}


def _snapshot_server(staging: Path) -> dict[str, dict]:
    """Logical dump inside one repeatable-read transaction (a consistent point in time)."""
    engine = db.engine.execution_options(isolation_level="REPEATABLE READ")
    with engine.connect() as conn:
        result = dataset.dump_jsonl(conn, staging / "data")
        conn.rollback()
    return result


def _snapshot_files(snap: dataset.Snapshot) -> list[dict]:
    table = db.metadata.tables["stored_files"]
    if table not in snap.tables:
        return []
    return [r for r in snap.rows(table) if r.get("purged_at") is None]


class _HashingReader:
    """Passes reads through while hashing them."""

    def __init__(self, handle) -> None:
        self.handle, self.digest = handle, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(utcnow().timestamp()), 0o600
    tar.addfile(info, io.BytesIO(data))


def _add_path(tar: tarfile.TarFile, name: str, path: Path) -> tuple[str, int]:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = path.stat().st_size, int(path.stat().st_mtime), 0o600
    with open(path, "rb") as handle:
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    return reader.digest.hexdigest(), info.size


def _write_members(tar: tarfile.TarFile, staging: Path, manifest: dict) -> None:
    """Database members, then files, then the manifest (which needs every hash)."""
    members = manifest["database"]["members"]
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        name = path.relative_to(staging).as_posix()
        members[name] = _add_path(tar, name, path)[0]
    with dataset.open_snapshot(staging, manifest["database"]["kind"]) as snap:
        rows = _snapshot_files(snap)
    for row in rows:
        path = storage.root() / row["storage_key"]
        if not path.is_file():
            manifest["missing_files"].append(row["storage_key"])
            continue
        sha, size = _add_path(tar, f"files/{row['storage_key']}", path)
        if sha != row["sha256"]:
            log.warning("stored file %s differs from its recorded hash", row["id"])
        manifest["files"].append({"key": row["storage_key"], "sha256": sha, "size": size})
    _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())


def _open_archive(folder: Path, encrypted: bool) -> tuple[Path, Path]:
    """A fresh archive name; fixed-width UTC stamps sort by age (pruning relies on it)."""
    suffix = ".tar.gz.enc" if encrypted else ".tar.gz"
    while True:
        stamp = utcnow().strftime("%Y%m%dT%H%M%S-%fZ")
        final = folder / f"{PREFIX}{stamp}{suffix}"
        if not final.exists():
            return final, final.with_name(final.name + ".partial")


def _write_archive(final: Path, partial: Path, staging: Path, manifest: dict, key) -> None:
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        sink = EncryptingWriter(out, key) if key else out
        with tarfile.open(fileobj=sink, mode="w|gz") as tar:
            _write_members(tar, staging, manifest)
        if key:
            sink.close()
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, final)


def create(output: str | Path | None = None, *, key: bytes | None) -> BackupResult:
    """Write one archive into ``output`` (default ``backup_folder()``); prune old generations."""
    folder = Path(output) if output else backup_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            f"Folder cadangan tidak dapat dibuat: {folder} ({exc.strerror}). "
            "Periksa diska tujuan dan hak tulisnya."
        ) from exc
    kind = db.engine.dialect.name
    with tempfile.TemporaryDirectory(prefix="sisakat-backup-") as tmp:
        staging = Path(tmp)
        tables = _snapshot_sqlite(staging) if kind == "sqlite" else _snapshot_server(staging)
        with db.engine.connect() as conn:
            revision = alembic_revision(conn)
        manifest = _manifest(tables, revision, kind, key is not None)
        final, partial = _open_archive(folder, key is not None)
        try:
            _write_archive(final, partial, staging, manifest, key)
        except OSError as exc:
            raise BackupError(
                f"Arsip tidak dapat ditulis ke {folder} ({exc.strerror}); "
                "periksa hak tulis dan ruang kosong diska."
            ) from exc
        finally:
            partial.unlink(missing_ok=True)
    pruned = prune(folder, int(settings.get("backup.keep") or 0))
    _remember(final, manifest)
    return BackupResult(final, manifest, pruned)


def _manifest(tables: dict, revision: str | None, kind: str, encrypted: bool) -> dict:
    """The manifest skeleton; files and database members are filled in while writing."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": app_version(),
        "alembic_revision": revision,
        "created_at": utcnow().isoformat() + "Z",
        "encrypted": encrypted,
        "database": {"kind": kind, "members": {}},
        "tables": tables,
        "files": [],
        "missing_files": [],
    }


def _remember(path: Path, manifest: dict) -> None:
    """Record the last backup (shown to the super admin) and audit it."""
    values = {
        "backup.last_at": manifest["created_at"],
        "backup.last_path": str(path),
        "backup.last_encrypted": manifest["encrypted"],
        "backup.restored_at": None,  # the last backup is this one, not the one restored from
    }
    settings.update(values, actor=None)
    details = {
        "archive": path.name,
        "files": len(manifest["files"]),
        "encrypted": manifest["encrypted"],
    }
    audit.record(
        "backup.create",
        actor=None,
        object_type="backup",
        object_id=manifest["created_at"],
        details=details,
    )


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete the oldest archives in ``folder`` beyond the newest ``keep`` (0 keeps all)."""
    if keep <= 0:
        return []
    archives = sorted(
        p for p in folder.glob(f"{PREFIX}*") if p.is_file() and not p.name.endswith(".partial")
    )
    old = archives[:-keep]
    for path in old:
        path.unlink(missing_ok=True)
    return old


@dataclass(frozen=True)
class BackupStatus:
    """What the super admin's home shows."""

    last_at: datetime | None
    stale: bool
    path: str = ""  # where the archive went (instance/backups, a USB disk ...)
    encrypted: bool | None = None  # None: not recorded (a backup made by an older version)
    restored_at: datetime | None = None  # this data was restored from that archive then


def status(now: datetime | None = None) -> BackupStatus:
    """The last successful backup and whether it is older than a day (or missing)."""
    last, restored = (_moment(settings.get(k)) for k in ("backup.last_at", "backup.restored_at"))
    now = now or utcnow()
    return BackupStatus(
        last_at=last,
        stale=last is None or now - last > STALE_AFTER,
        path=settings.get("backup.last_path") or "",
        encrypted=settings.get("backup.last_encrypted"),
        restored_at=restored,
    )


def _moment(raw: str | None) -> datetime | None:
    """A stored ``...Z`` moment as naive UTC."""
    return datetime.fromisoformat(raw.rstrip("Z")) if raw else None


def require_key_or_note(key: bytes | None) -> str:
    """A warning line when archives will not be encrypted."""
    if key is None:
        return f"PERINGATAN: arsip TIDAK dienkripsi (setel {backup_crypto.KEY_VARIABLES})."
    return "Arsip dienkripsi (AES-256-GCM)."


__all__ = ["BackupError", "BackupResult", "create", "prune", "status"]
