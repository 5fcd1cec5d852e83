"""Two super admins save the same settings page at the same moment, both pages showing the same
values. Before: on PostgreSQL and MariaDB both saves passed the page's digest check (read
without a lock, before either wrote) and the second silently overwrote the first. Now the check
reads the page's rows locked: the second save waits for the first to commit, then sees its
values and is refused naming who saved and when (SQLite's write lock orders the two anyway)."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from sisakat.db_setup import set_write_intent
from sisakat.exceptions import StaleRecord
from sisakat.extensions import db
from sisakat.models import Role, User
from sisakat.services import concurrency, office, settings
from tests import factories
from tests.settings_data import signatory_values

WAITING = {  # sessions of this database waiting for a row lock
    "postgresql": "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND wait_event_type = 'Lock'",
    "mysql": "SELECT count(*) FROM information_schema.innodb_trx t JOIN "
    "information_schema.processlist p ON p.id = t.trx_mysql_thread_id "
    "WHERE t.trx_state = 'LOCK WAIT' AND p.db = DATABASE()",
}
WAITING["mariadb"] = WAITING["mysql"]


def _await_lock_wait(started: threading.Event) -> bool:
    """Until the other save is waiting for a row lock (a server), or has begun (SQLite, where
    its BEGIN IMMEDIATE waits for this transaction)."""
    started.wait(10)
    query = WAITING.get(db.engine.dialect.name)
    if query is None:
        return True
    with db.engine.connect() as watcher:
        for _ in range(100):  # a bound, not a timing: the answer is the other's state
            waiting = watcher.execute(sa.text(query)).scalar()
            watcher.rollback()  # a new snapshot of the server's sessions at each look
            if waiting:
                return True
            threading.Event().wait(0.2)  # MariaDB refreshes innodb_trx only after 0.1 s unread
    return False


def _save(user_id: int, name: str, seen: str, out: dict, before=lambda: None) -> None:
    """One admin's signatory save in its own app context and session, as a request does."""
    set_write_intent(True)  # a POST: SQLite begins IMMEDIATE
    try:
        actor = db.session.get(User, user_id)  # the request's user, read first
        office.update_signatory(signatory_values(name=name), actor=actor, seen=seen)
        before()
        db.session.commit()
        out[name] = "ok"
    except StaleRecord as exc:
        db.session.rollback()
        out[name] = exc.message
    finally:
        db.session.remove()


def test_two_admins_saving_the_same_page_at_once_the_second_is_refused(app):
    ani = factories.user(Role.SUPERADMIN, full_name="Ani Admin")
    budi = factories.user(Role.SUPERADMIN, full_name="Budi Admin")
    # the page's name row exists (saved before), as on any office after day one
    office.update_signatory(signatory_values(name="Dr. Awal"), actor=budi)
    db.session.commit()
    ids, seen = (ani.id, budi.id), concurrency.settings_token(office.SIGNATORY_PAGE)
    db.session.close()
    flushed, started, out, waited = threading.Event(), threading.Event(), {}, []

    def first() -> None:  # Ani saves, and commits only once Budi's save is waiting
        def hold() -> None:
            flushed.set()
            waited.append(_await_lock_wait(started))

        with app.app_context():
            _save(ids[0], "Ani Tersimpan", seen, out, before=hold)

    def second() -> None:
        flushed.wait(10)
        started.set()
        with app.app_context():
            _save(ids[1], "Budi Menimpa", seen, out)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert waited == [True]  # Budi's save waited for Ani's (a server: on her rows)
    assert out["Ani Tersimpan"] == "ok"
    assert out["Budi Menimpa"] != "ok", "before: Budi's save overwrote Ani's"
    assert out["Budi Menimpa"].startswith("Data ini sudah diubah oleh Ani Admin pada ")
    db.session.expire_all()
    assert settings.get("signatory.name") == "Ani Tersimpan"
