"""Database engine setup: SQLite pragmas and ``BEGIN IMMEDIATE`` for writing requests.

A deferred SQLite transaction that read first fails at once with "database is locked" when another
writer got in, whatever the busy timeout; so requests that may write (non-GET, CLI, services called
from tests) begin with ``BEGIN IMMEDIATE`` and queue politely on the busy timeout instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from flask import Flask, current_app, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from sisakat.extensions import db

_write_intent: ContextVar[bool] = ContextVar("sisakat_write_intent", default=True)
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


# Waits that end without harm (the statement was refused, the transaction rolls back) and that
# the same request, sent again a moment later, normally passes: SQLite's write lock held past the
# busy timeout; PostgreSQL's serialization failure, deadlock and lock timeout (SQLSTATE);
# MariaDB's lock wait timeout (1205) and deadlock (1213).
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
_TRANSIENT_MYSQL_CODES = frozenset({1205, 1213})


def is_transient(exc: BaseException) -> bool:
    """Whether a database error is a busy database (try again), not a fault in the request."""
    orig = getattr(exc, "orig", None)
    if orig is None:
        return False
    if getattr(orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:  # psycopg
        return True
    args = getattr(orig, "args", ())
    if args and args[0] in _TRANSIENT_MYSQL_CODES:  # PyMySQL: (code, message)
        return True
    return "database is locked" in str(orig).lower()  # sqlite3.OperationalError


# The database cannot store anything more: its disk is full or it is read-only (a read-only
# instance folder or mount, a server in read-only mode). Sending again does not help until the
# operator acts. SQLite's messages; PostgreSQL's disk_full and read_only_sql_transaction;
# MariaDB's disk full (1021), table full (1114), read-only server (1290, 1792) and table (1036).
_STORAGE_SQLITE = ("database or disk is full", "readonly database", "disk i/o error")
_STORAGE_SQLSTATES = frozenset({"53100", "25006"})
_STORAGE_MYSQL_CODES = frozenset({1021, 1036, 1114, 1290, 1792})


def is_storage_fault(exc: BaseException) -> bool:
    """Whether a database error says the database cannot store anything (full or read-only)."""
    orig = getattr(exc, "orig", None)
    if orig is None:
        return False
    if getattr(orig, "sqlstate", None) in _STORAGE_SQLSTATES:  # psycopg
        return True
    args = getattr(orig, "args", ())
    if args and args[0] in _STORAGE_MYSQL_CODES:  # PyMySQL: (code, message)
        return True
    return any(text in str(orig).lower() for text in _STORAGE_SQLITE)


def engine_options(uri: str) -> dict:
    """Engine options per backend."""
    if uri.startswith("sqlite"):
        return {"connect_args": {"timeout": 5}}
    return {"pool_pre_ping": True, "pool_recycle": 1800}


def _on_connect(dbapi_conn, _record) -> None:
    """Production pragmas for every SQLite connection; the driver must not emit BEGIN itself."""
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_begin(conn) -> None:
    """Start the transaction ourselves: IMMEDIATE when this context may write."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")


def install_sqlite_listeners(engine: Engine) -> None:
    """Attach the pragma and begin listeners to a SQLite engine (idempotent)."""
    if engine.dialect.name != "sqlite" or event.contains(engine, "connect", _on_connect):
        return
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)


def writes_on_get(view):
    """Mark a GET view that writes (a rate-limit hit, an audited download): its transaction must
    begin IMMEDIATE too, or a concurrent writer makes its upgrade fail with "database is locked"."""
    view.sisakat_writes_on_get = True
    return view


def _view_writes(app: Flask) -> bool:
    view = app.view_functions.get(request.endpoint or "")
    return request.method not in READ_METHODS or getattr(view, "sisakat_writes_on_get", False)


def _refuse_unmarked_write(what: str) -> None:
    """In tests, a GET that writes without ``@writes_on_get`` is a bug: fail loudly."""
    if has_request_context() and not _write_intent.get() and current_app.testing:
        raise RuntimeError(f"{request.endpoint}: {what} in a GET not marked @writes_on_get")


@event.listens_for(Session, "before_flush")
def _check_flush(session, _context, _instances) -> None:
    if session.new or session.dirty or session.deleted:
        _refuse_unmarked_write("ORM flush")


@event.listens_for(Session, "do_orm_execute")
def _check_execute(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _refuse_unmarked_write("bulk write")


@contextmanager
def write_transaction() -> Iterator[None]:
    """A short write inside a read-only (GET) request, e.g. counting a visit for a rate limit:
    end the read transaction, write in its own ``BEGIN IMMEDIATE`` transaction, commit, and go
    back to deferred reads, so the page is rendered without holding SQLite's write lock."""
    previous = _write_intent.get()
    db.session.commit()
    _write_intent.set(True)
    try:
        yield
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    finally:
        _write_intent.set(previous)


def set_write_intent(writes: bool) -> None:
    """Declare whether the current context may write (read-only GETs use a deferred BEGIN)."""
    _write_intent.set(writes)


def init_app(app: Flask) -> None:
    """Bind the listeners and the per-request write flag."""
    with app.app_context():
        install_sqlite_listeners(db.engine)

    @app.before_request
    def _mark_write_intent() -> None:
        set_write_intent(_view_writes(app))

    @app.teardown_request
    def _reset_write_intent(_exc: BaseException | None) -> None:
        set_write_intent(True)
