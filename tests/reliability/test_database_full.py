"""A database that cannot store anything (its disk is full, the instance folder or the server is
read-only) answers a write with 503 and a message saying nothing was saved and who can fix it,
never the 500 page; once it can store again, the same request goes through."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from sisakat import db_setup
from sisakat.errors import STORAGE_FULL
from sisakat.extensions import db
from sisakat.models import AuditEvent, Role
from tests.factories import PASSWORD

READ_ONLY = {
    "sqlite": "PRAGMA query_only = ON",
    "postgresql": "SET default_transaction_read_only = on",
    "mysql": "SET SESSION TRANSACTION READ ONLY",
}


@contextmanager
def read_only_database():
    """Every new connection of the app's engine refuses writes, as a read-only disk would."""
    statement = READ_ONLY[db.engine.dialect.name]

    def _read_only(dbapi_conn, _record):
        cursor = dbapi_conn.cursor()
        cursor.execute(statement)
        cursor.close()
        dbapi_conn.commit()  # PostgreSQL undoes a SET with the transaction it ran in

    db.session.close()
    db.engine.dispose()
    event.listen(db.engine, "connect", _read_only)
    try:
        yield
    finally:
        event.remove(db.engine, "connect", _read_only)
        db.engine.dispose()


def _logins() -> int:
    db.session.expire_all()
    query = db.select(db.func.count()).where(AuditEvent.action == "auth.login")
    return db.session.scalar(query.select_from(AuditEvent))


def test_a_write_to_a_read_only_database_gets_503_with_the_reason_and_saves_nothing(
    app, make, client
):
    user = make.user(Role.VERIFIKATOR)
    db.session.commit()
    before = _logins()
    form = {"username": user.username, "password": PASSWORD}
    with read_only_database():
        refused = client.post("/akun/masuk", data=form)
        scripted = client.post("/akun/masuk", data=form, headers={"Accept": "application/json"})
    assert refused.status_code == 503
    assert STORAGE_FULL in refused.get_data(as_text=True)
    assert "Retry-After" not in refused.headers  # waiting alone does not fix it
    assert scripted.status_code == 503
    assert scripted.get_json()["message"] == STORAGE_FULL
    assert _logins() == before

    again = client.post("/akun/masuk", data=form)
    assert again.status_code == 302
    assert _logins() == before + 1


def test_a_full_sqlite_database_is_told_apart_from_other_errors(tmp_path):
    """SQLite's own "database or disk is full" (the page cap reached, as a full disk reports it),
    read through SQLAlchemy like the app's errors; a plain SQL mistake is not such a fault."""
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{tmp_path / 'full.db'}")
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE t (b BLOB)"))
        conn.commit()
        pages = conn.execute(text("PRAGMA page_count")).scalar()
        conn.execute(text(f"PRAGMA max_page_count = {pages}"))
        try:
            conn.execute(text("INSERT INTO t VALUES (zeroblob(100000))"))
        except OperationalError as exc:
            full = exc
        try:
            conn.execute(text("SELECT nothing FROM t"))
        except OperationalError as exc:
            mistake = exc
    engine.dispose()
    assert isinstance(full.orig, sqlite3.OperationalError)
    assert db_setup.is_storage_fault(full)
    assert not db_setup.is_transient(full)
    assert not db_setup.is_storage_fault(mistake)
