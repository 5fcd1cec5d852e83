"""Two (or more) staff acting on the same record at once, each in its own thread, app context
and session, both pages having shown the same version: what each got back."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import User


def race(app, model, ident: int, moves, *, catch: type[DomainError] = DomainError) -> list[str]:
    """Run each ``(user_id, fn)`` of ``moves`` at once as ``fn(record, actor)`` on the
    ``model`` row ``ident``; "ok" for a move that committed, else the Indonesian message of the
    ``catch`` error it raised. On a database server every thread holds the row in memory before
    any writes (on SQLite the write lock orders them anyway)."""
    server_db = db.engine.dialect.name != "sqlite"
    db.session.commit()
    db.session.close()
    start, loaded, results = threading.Barrier(len(moves)), threading.Barrier(len(moves)), []

    def worker(user_id: int, fn: Callable) -> None:
        with app.app_context():
            start.wait()
            record = db.session.get(model, ident)
            actor = db.session.get(User, user_id)
            if server_db:
                loaded.wait()
            try:
                fn(record, actor)
                db.session.commit()
                results.append("ok")
            except catch as exc:
                db.session.rollback()
                results.append(exc.message)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=worker, args=move) for move in moves]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results
