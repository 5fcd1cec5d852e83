"""Database engine setup: SQLite pragmas and ``BEGIN IMMEDIATE`` for writing requests.

A deferred SQLite transaction that read first fails at once with "database is locked" when another
writer got in, whatever the busy timeout; so requests that may write (non-GET, CLI, services called
from tests) begin with ``BEGIN IMMEDIATE`` and queue politely on the busy timeout instead.
"""

from __future__ import annotations

from contextvars import ContextVar

from flask import Flask, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

from sisakat.extensions import db

_write_intent: ContextVar[bool] = ContextVar("sisakat_write_intent", default=True)
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


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


def set_write_intent(writes: bool) -> None:
    """Declare whether the current context may write (read-only GETs use a deferred BEGIN)."""
    _write_intent.set(writes)


def init_app(app: Flask) -> None:
    """Bind the listeners and the per-request write flag."""
    with app.app_context():
        install_sqlite_listeners(db.engine)

    @app.before_request
    def _mark_write_intent() -> None:
        set_write_intent(request.method not in READ_METHODS)

    @app.teardown_request
    def _reset_write_intent(_exc: BaseException | None) -> None:
        set_write_intent(True)
