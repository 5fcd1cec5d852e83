"""Two super admins add the same requirement line at the same moment, in two threads with two
sessions, as two requests. PostgreSQL and MariaDB: Budi's list check runs while Ani's line is
written but not committed, so it passes; his INSERT then waits on the UNIQUE (service_code,
name_key) index until Ani commits, and fails there. Before, nothing stopped it: both lines were
stored and the document was published and asked twice. Now Budi reads the check's own words.
SQLite lets one writer in at a time (BEGIN IMMEDIATE): Budi's save waits for Ani's commit and
the list check itself refuses him, in the same words."""

from __future__ import annotations

import threading

from sisakat.db_setup import set_write_intent
from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.models import Requirement, Role, User
from sisakat.services import requirements
from tests import factories
from tests.reliability.test_concurrent_settings_saves import _await_lock_wait
from tests.workflow_http import seed_requirements


def _add(user_id: int, name: str, out: dict, before=lambda: None) -> None:
    """One admin's new line ``name`` in its own app context and session, as a request does."""
    set_write_intent(True)  # a POST: SQLite begins IMMEDIATE
    try:
        actor = db.session.get(User, user_id)
        values = {"name": name, "description": "", "required": True, "active": True}
        requirements.save(None, {**values, "sort_order": 500}, actor=actor)
        before()
        db.session.commit()
        out[name] = "ok"
    except GuardFailed as exc:
        db.session.rollback()
        out[name] = exc.message
    finally:
        db.session.remove()


def test_two_admins_adding_one_name_at_once_the_database_refuses_the_second(app):
    seed_requirements()
    ani = factories.user(Role.SUPERADMIN, full_name="Ani Admin")
    budi = factories.user(Role.SUPERADMIN, full_name="Budi Admin")
    db.session.commit()
    ids = (ani.id, budi.id)
    db.session.close()
    flushed, started, out, waited = threading.Event(), threading.Event(), {}, []

    def first() -> None:  # Ani's line is written; she commits once Budi's save waits
        def hold() -> None:
            flushed.set()
            waited.append(_await_lock_wait(started))

        with app.app_context():
            _add(ids[0], "Surat kuasa pengurus", out, before=hold)

    def second() -> None:
        flushed.wait(10)
        started.set()
        with app.app_context():
            _add(ids[1], "SURAT  kuasa pengurus", out)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert out["Surat kuasa pengurus"] == "ok"
    assert out["SURAT  kuasa pengurus"] == requirements.NAME_TAKEN, "before: both were stored"
    assert waited == [True]  # Budi's save waited for Ani's (a server: on the UNIQUE index)
    lines = db.session.execute(
        db.select(Requirement.name).where(Requirement.name_key == "surat kuasa pengurus")
    ).scalars()
    assert list(lines) == ["Surat kuasa pengurus"]
