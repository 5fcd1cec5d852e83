"""Generic, schema-agnostic table handling shared by backup, restore and transfer.

Every table in ``db.metadata.sorted_tables`` (the schema grows; nothing here names a table) can be
read as typed rows, written as JSON lines, loaded in dependency order in batches, counted and
checksummed. Checksums are order-independent (the sorted SHA-256 of each row's canonical JSON), so
they match across SQLite, PostgreSQL and MariaDB whatever each database's collation sorts first.
"""

from __future__ import annotations

import base64
import decimal
import enum
import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sisakat.extensions import db
from sisakat.services.backup_crypto import BackupError

BATCH = 500
SQLITE_MEMBER = "database.sqlite"
# Tables whose rows the migrations themselves create (the built-in services): a freshly
# migrated target has them, so they do not make it "not empty", and a copy that brings the
# table replaces them with the source's rows.
SEEDED = frozenset({"services"})


def encode(value: object) -> object:
    """A JSON-safe form of a column value; types JSON lacks are tagged so they come back typed."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return {"__dt": value.isoformat()}
    if isinstance(value, date):
        return {"__d": value.isoformat()}
    if isinstance(value, time):
        return {"__t": value.isoformat()}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"__b64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, decimal.Decimal):
        return {"__dec": str(value)}
    return value


DECODERS = {
    "__dt": datetime.fromisoformat,
    "__d": date.fromisoformat,
    "__t": time.fromisoformat,
    "__b64": base64.b64decode,
    "__dec": decimal.Decimal,
}


def decode(value: object) -> object:
    """Inverse of ``encode``."""
    if isinstance(value, dict) and len(value) == 1:
        ((tag, raw),) = value.items()
        if tag in DECODERS:
            return DECODERS[tag](raw)
    return value


def row_line(row: dict) -> str:
    """The canonical JSON line of one row (sorted keys, tagged values)."""
    return json.dumps({k: encode(v) for k, v in row.items()}, sort_keys=True, ensure_ascii=False)


def tables(conn: Connection) -> list[sa.Table]:
    """The app's tables that exist in this database, parents before children."""
    present = set(sa.inspect(conn).get_table_names())
    return [t for t in db.metadata.sorted_tables if t.name in present]


def iter_rows(conn: Connection, table: sa.Table) -> Iterator[dict]:
    """Every row of ``table`` as a dict, in primary-key order (parents before self-children)."""
    query = sa.select(table).order_by(*table.primary_key.columns)
    for row in conn.execute(query.execution_options(yield_per=BATCH)).mappings():
        yield dict(row)


class Tally:
    """Row count and order-independent checksum of one table."""

    def __init__(self) -> None:
        self.rows = 0
        self._digests: list[bytes] = []

    def add(self, row: dict) -> None:
        """Count one row."""
        self.rows += 1
        self._digests.append(hashlib.sha256(row_line(row).encode()).digest())

    def result(self) -> dict:
        """``{"rows": n, "checksum": hex}``."""
        outer = hashlib.sha256()
        for digest in sorted(self._digests):
            outer.update(digest)
        return {"rows": self.rows, "checksum": outer.hexdigest()}


def summarise(conn: Connection) -> dict[str, dict]:
    """Row counts and checksums of every app table present."""
    result = {}
    for table in tables(conn):
        tally = Tally()
        for row in iter_rows(conn, table):
            tally.add(row)
        result[table.name] = tally.result()
    return result


def dump_jsonl(conn: Connection, folder: Path) -> dict[str, dict]:
    """Write each table to ``folder/<table>.jsonl``; returns counts and checksums."""
    folder.mkdir(parents=True, exist_ok=True)
    result = {}
    for table in tables(conn):
        tally = Tally()
        with open(folder / f"{table.name}.jsonl", "w", encoding="utf-8", newline="\n") as out:
            for row in iter_rows(conn, table):
                tally.add(row)
                out.write(row_line(row) + "\n")
        result[table.name] = tally.result()
    return result


def read_jsonl(path: Path) -> Iterator[dict]:
    """Rows back from a JSON-lines file, typed again."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield {k: decode(v) for k, v in json.loads(line).items()}


def is_empty(conn: Connection) -> bool:
    """True when no app table holds a row (missing tables and migration seeds count as empty)."""
    for table in tables(conn):
        if table.name in SEEDED:
            continue
        if conn.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
            return False
    return True


def replace_seeded(conn: Connection, incoming: Iterable[str]) -> None:
    """Delete the migration-seeded rows of the tables a copy is about to bring (by name)."""
    names = set(incoming)
    for table in tables(conn):
        if table.name in SEEDED and table.name in names:
            conn.execute(table.delete())


def load(conn: Connection, table: sa.Table, rows: Iterable[dict]) -> int:
    """Insert ``rows`` into ``table`` in batches, dropping unknown columns; returns the count.
    A batch the database refuses (SQLite stored a value longer than its column, which a server
    database will not) raises ``BackupError`` naming the table and the database's reason."""
    names = set(table.columns.keys())
    batch: list[dict] = []
    total = 0
    for row in rows:
        batch.append({k: v for k, v in row.items() if k in names})
        if len(batch) >= BATCH:
            total += _insert(conn, table, batch)
            batch = []
    if batch:
        total += _insert(conn, table, batch)
    return total


def _insert(conn: Connection, table: sa.Table, batch: list[dict]) -> int:
    try:
        conn.execute(table.insert(), batch)
    except sa.exc.DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0][:200]
        raise BackupError(
            f"Database tujuan menolak baris tabel {table.name} ({reason}). Tidak ada baris yang "
            "disimpan; perbaiki data itu di sumbernya lalu ulangi."
        ) from exc
    return len(batch)


def reset_sequences(conn: Connection) -> None:
    """After copying explicit ids: PostgreSQL ``setval``, MariaDB ``AUTO_INCREMENT``."""
    dialect = conn.dialect.name
    for table in tables(conn):
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer) or pk[0].autoincrement is False:
            continue
        col = pk[0].name
        top = conn.execute(sa.select(sa.func.max(pk[0]))).scalar()
        if dialect == "postgresql":
            seq = conn.execute(
                sa.text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": col}
            ).scalar()
            if seq:
                conn.execute(
                    sa.text("SELECT setval(:s, :v, :called)"),
                    {"s": seq, "v": top or 1, "called": top is not None},
                )
        elif dialect in {"mysql", "mariadb"}:
            conn.execute(sa.text(f"ALTER TABLE `{table.name}` AUTO_INCREMENT = {(top or 0) + 1}"))


# What a server database's own encoding must be for every text SISAKAT stores (é, “ ”, emoji).
UTF8_NAMES = {"postgresql": ("UTF8",), "mysql": ("utf8mb4",), "mariadb": ("utf8mb4",)}


def encoding_problem(conn: Connection, subject: str = "Database tujuan") -> str | None:
    """Why this server database cannot hold SISAKAT's text (its encoding is not full UTF-8:
    LATIN1, SQL_ASCII, MariaDB's 3-byte utf8), in Indonesian, ``subject`` naming it (the
    move's target, or the app's own database in ``flask check``); None when it can (or on
    SQLite)."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        found = [conn.execute(sa.text("SHOW server_encoding")).scalar()]
    elif dialect in {"mysql", "mariadb"}:
        query = "SELECT @@character_set_database, @@character_set_connection"
        found = list(conn.execute(sa.text(query)).one())
    else:
        return None
    wrong = [name for name in found if not str(name).startswith(UTF8_NAMES[dialect])]
    if not wrong:
        return None
    return (
        f"{subject} memakai pengodean {wrong[0]}, bukan UTF-8: huruf seperti é, tanda "
        "kutip “ ” dan emoji akan ditolak atau rusak. Buat database baru dengan ENCODING "
        "'UTF8' (PostgreSQL) atau CHARACTER SET utf8mb4 (MariaDB) dan alamat tanpa "
        "charset=utf8 (lihat docs/OPERATIONS.md, bagian 4)."
    )


def build_schema() -> None:
    """Create the schema of the current app's database: migrations when they exist, else models."""
    from sisakat.config import ROOT

    versions = ROOT / "migrations" / "versions"
    if versions.is_dir() and any(versions.glob("*.py")):
        from flask_migrate import upgrade

        upgrade()
    else:
        db.create_all()


class Snapshot:
    """Read access to an unpacked database copy: a SQLite file or JSON-lines files."""

    def __init__(self, staging: Path, kind: str, conn: sa.Connection | None) -> None:
        self.staging, self.kind, self.conn = staging, kind, conn
        if conn is not None:
            self.tables = tables(conn)
        else:
            names = {p.stem for p in (staging / "data").glob("*.jsonl")}
            self.tables = [t for t in db.metadata.sorted_tables if t.name in names]

    def rows(self, table: sa.Table) -> Iterator[dict]:
        """The table's rows, typed."""
        if self.conn is not None:
            return iter_rows(self.conn, table)
        return read_jsonl(self.staging / "data" / f"{table.name}.jsonl")

    def tally(self, table: sa.Table) -> dict:
        """Row count and checksum of one table."""
        tally = Tally()
        for row in self.rows(table):
            tally.add(row)
        return tally.result()


@contextmanager
def open_snapshot(staging: Path, kind: str) -> Iterator[Snapshot]:
    """Open the database copy in ``staging``."""
    if kind != "sqlite":
        yield Snapshot(staging, kind, None)
        return
    engine = sa.create_engine(f"sqlite:///{staging / SQLITE_MEMBER}")
    try:
        with engine.connect() as conn:
            yield Snapshot(staging, kind, conn)
    finally:
        engine.dispose()
