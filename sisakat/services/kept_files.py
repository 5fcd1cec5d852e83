"""Files stored in a transaction go away with it: whatever rolls back the transaction in which
``storage.keep`` stored a file (a save refused after its upload, a lost race at the final write,
a guard failing after the upload, an unexpected error), the file is removed, since no row can
point to it; a committed file stays, and a rolled-back savepoint takes only its own files. One
session hook for every path that stores a file (an orphan left by a crash is the sweep's)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from sisakat.extensions import db

log = logging.getLogger(__name__)

# session.info keys. KEPT: (transaction, path) for each file ``storage.keep`` stored, the
# transaction being the innermost one open then (a savepoint or the outermost), so that a
# rollback takes the files stored inside what it undid, and only those. COMMITTING: the
# outermost commit was asked for; a rollback after it (the COMMIT itself failed) leaves its
# files to ``flask storage-sweep``, since a commit whose answer was lost may still have reached
# the database, and a row must never point to a removed file.
KEPT = "storage.kept"
COMMITTING = "storage.committing"


def note(path: Path) -> None:
    """Remember ``path``, just stored for a row of the current transaction."""
    session = db.session()
    where = session.get_nested_transaction() or session.get_transaction()
    session.info.setdefault(KEPT, []).append((where, path))


def _inside(where: SessionTransaction | None, ended: SessionTransaction) -> bool:
    if where is None:  # stored before the session began its transaction: the outermost one
        return ended.parent is None
    while where is not None:
        if where is ended:
            return True
        where = where.parent
    return False


@event.listens_for(Session, "before_commit")
def _committing(session: Session) -> None:
    if session.info.get(KEPT):
        session.info[COMMITTING] = True


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    session.info.pop(KEPT, None)
    session.info.pop(COMMITTING, None)


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session: Session, ended: SessionTransaction) -> None:
    """The one place a stored file goes away with its row: whatever rolled it back (a save
    refused after its file was stored — a lost race, a guard failing after the upload — or an
    unexpected error), no row points to the files ``storage.keep`` stored inside what was
    undone."""
    kept = session.info.get(KEPT)
    if not kept:
        return
    if ended.parent is None and session.info.pop(COMMITTING, False):
        session.info.pop(KEPT, None)
        return
    session.info[KEPT] = [(where, path) for where, path in kept if not _inside(where, ended)]
    for path in (path for where, path in kept if _inside(where, ended)):
        try:
            path.unlink(missing_ok=True)
        except OSError:  # never fail a rollback: the sweep removes it later
            log.warning("could not remove the unkept file %s", path, exc_info=True)
