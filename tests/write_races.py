"""What happens at the moment a request writes: another save's row committed just before it (a
race it loses), or a row it refers to deleted just before it (a failure that is no race). Both
fire in ``before_flush``, when the session is about to write an instance of ``writes``.

The winner is committed as it would be in production. PostgreSQL and MariaDB: from another
connection, at once. SQLite lets one writer in at a time (BEGIN IMMEDIATE), so the row is
written inside the loser's transaction, then committed from another connection once the loser
has rolled back: every read of the loser (its write, and what it reads after the rollback to
tell a race from another failure) sees what a real race shows it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from sisakat.extensions import db


def _writing(session, writes: type, which: Callable[[object], bool]) -> object | None:
    """The first instance of ``writes`` (passing ``which``) the session is about to write."""
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, writes) and which(obj):
            return obj
    return None


@contextmanager
def _before_flush(writes: type, which: Callable[[object], bool], act) -> Iterator[None]:
    """Call ``act(session, obj)`` once, before the first flush writing ``obj`` (a ``writes``)."""
    done: list[object] = []

    def before_flush(session, _context, _instances) -> None:
        obj = None if done else _writing(session, writes, which)
        if obj is not None:
            done.append(obj)
            act(session, obj)

    event.listen(Session, "before_flush", before_flush)
    try:
        yield
    finally:
        event.remove(Session, "before_flush", before_flush)
    assert done, f"no flush wrote a {writes.__name__}"


def committed_at_the_write(
    writes: type,
    winner: Callable[[object], sa.Insert],
    which: Callable[[object], bool] = lambda _obj: True,
):
    """The other save's row (``winner(obj)``, an INSERT built from the instance about to be
    written) commits just before this session writes ``obj``."""
    engine = db.engine

    def act(session, obj) -> None:
        insert = winner(obj)

        def commit_elsewhere(*_args) -> None:
            with engine.begin() as other:
                other.execute(insert)

        if engine.dialect.name != "sqlite":
            commit_elsewhere()
            return
        session.connection().execute(insert)
        event.listen(session, "after_rollback", commit_elsewhere, once=True)

    return _before_flush(writes, which, act)


def deleted_at_the_write(table: sa.Table, row_id: int | Callable[[object], int], writes: type):
    """The row ``row_id`` of ``table`` (or ``row_id(obj)``, read from the instance about to be
    written) goes just before this session writes a ``writes``, so the write fails on a foreign
    key, not on another save. Deleted inside the session's transaction (every backend): the
    rollback brings the row back."""

    def act(session, obj) -> None:
        gone = row_id(obj) if callable(row_id) else row_id
        session.connection().execute(sa.delete(table).where(table.c.id == gone))

    return _before_flush(writes, lambda _obj: True, act)
