"""``flask transfer --to URL``: copy the whole database into an empty PostgreSQL or MariaDB
database, in dependency order and in batches, then prove the copy. A SQLite file is refused as a
target (no test covers it; a laptop moves to another laptop with backup and restore).

The target's schema is built the same way a fresh install builds it (the migrations when they
exist, else the models), ids are copied as they are, sequences are moved past the highest id
(PostgreSQL ``setval``, MariaDB ``AUTO_INCREMENT``) so the next insert works, and every table's
row count and checksum must match the source before the target is committed. Stored files are not
in the database: they move with the uploads folder (docs/OPERATIONS.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.engine import make_url

from sisakat.extensions import db
from sisakat.services import dataset
from sisakat.services.backup_crypto import BackupError


class TransferError(BackupError):
    """The transfer could not proceed or the copy did not match."""


@dataclass(frozen=True)
class TransferResult:
    """Per-table counts and checksums (identical on both sides)."""

    tables: dict[str, dict]


def _target_app(url: str):
    """A second app bound to the target URL, sharing this app's key and folders."""
    from sisakat import create_app

    cfg = current_app.config
    return create_app(
        {
            "SECRET_KEY": cfg["SECRET_KEY"],
            "DATABASE_URL": url,
            "UPLOAD_FOLDER": cfg["UPLOAD_FOLDER"],
            "PUBLIC_BASE_URL": cfg.get("PUBLIC_BASE_URL", ""),
            "TESTING": current_app.testing,
        }
    )


SERVER_ONLY = (
    "Pemindahan hanya ke database server PostgreSQL atau MariaDB (postgresql://... atau "
    "mysql://...). Untuk memindahkan SISAKAT ke komputer lain dengan SQLite, pakai flask backup "
    "di komputer lama lalu flask restore di komputer baru (docs/OPERATIONS.md)."
)


def _check_url(url: str) -> None:
    """Refuse, in words, an address ``config.normalise_database_url`` does not accept (it takes
    the hosting panels' postgres://, mysql:// and mariadb:// too), and a SQLite file."""
    from sisakat.config import ConfigError, normalise_database_url

    try:
        normalised = normalise_database_url(url)
    except ConfigError as exc:
        raise TransferError(f"URL database tujuan tidak dapat dipakai: {exc}") from None
    if normalised.startswith("sqlite"):
        raise TransferError(SERVER_ONLY)


def _same_database(url: str) -> bool:
    from sisakat.config import database_uri

    target = make_url(database_uri(url, current_app.instance_path))
    return target.render_as_string(hide_password=False) == db.engine.url.render_as_string(
        hide_password=False
    )


def transfer(url: str) -> TransferResult:
    """Copy every table into the empty database at ``url`` and verify it."""
    _check_url(url)
    if _same_database(url):
        raise TransferError("Database tujuan sama dengan database sumber.")
    target_app = _target_app(url)
    with target_app.app_context():
        target_engine = db.engine
        try:
            _prepare(target_engine)
        except BaseException:
            db.session.remove()
            target_engine.dispose()
            raise
        db.session.remove()
    try:
        return _copy(db.engine, target_engine)
    finally:
        target_engine.dispose()


def _prepare(target_engine: sa.Engine) -> None:
    """Refuse a target that cannot hold our text or cannot be reached; build its schema."""
    try:
        with target_engine.connect() as conn:
            problem = dataset.encoding_problem(conn)
        if problem:
            raise TransferError(problem)
        dataset.build_schema()
    except sa.exc.DBAPIError as exc:
        raise TransferError(
            f"Database tujuan tidak dapat dihubungi ({target_engine.url.host or ''}): "
            "periksa alamat, port, nama pengguna, kata sandi dan nama database "
            f"({type(exc.orig).__name__})."
        ) from exc


def _copy(source_engine: sa.Engine, target_engine: sa.Engine) -> TransferResult:
    """Copy inside one source snapshot and one target transaction; verify before commit."""
    db.session.remove()
    if source_engine.dialect.name != "sqlite":  # SQLite: BEGIN IMMEDIATE (db_setup) holds still
        source_engine = source_engine.execution_options(isolation_level="REPEATABLE READ")
    with source_engine.connect() as src:
        with target_engine.begin() as dst:
            if not dataset.is_empty(dst):
                raise TransferError("Database tujuan tidak kosong; gunakan database baru.")
            dataset.replace_seeded(dst, (t.name for t in dataset.tables(src)))
            for table in dataset.tables(src):
                dataset.load(dst, table, dataset.iter_rows(src, table))
            before, after = dataset.summarise(src), dataset.summarise(dst)
            if before != after:
                wrong = sorted(n for n in before if before[n] != after.get(n))
                raise TransferError(f"Salinan tidak cocok pada tabel: {', '.join(wrong)}")
            dataset.reset_sequences(dst)
        src.rollback()
    return TransferResult(tables=before)
