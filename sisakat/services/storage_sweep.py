"""Reconciling uploads/ with the ``stored_files`` rows: files SISAKAT wrote that no row points
to (a crash between the file's rename and the commit leaves one; ``flask storage-sweep`` lists and
removes them) and rows whose file is missing (``flask check``). Only files matching
``storage.OWN_FILE`` are ever considered: anything else under the folder is not ours.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sisakat.extensions import db
from sisakat.models import StoredFile
from sisakat.services import storage


def iter_orphans(*, min_age_seconds: int = 0) -> Iterator[Path]:
    """Files SISAKAT wrote under uploads/ that no row points to (and stale temp files).

    ``min_age_seconds`` spares files young enough to belong to an upload still in flight.
    """
    import time

    base = storage.root()
    cutoff = time.time() - min_age_seconds
    known = set(db.session.execute(db.select(StoredFile.storage_key)).scalars())
    for path in base.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(base).as_posix()
        if not storage.OWN_FILE.fullmatch(rel):
            continue
        if rel not in known and path.stat().st_mtime <= cutoff:
            yield path


def sweep(*, delete: bool, min_age_seconds: int = 0) -> list[str]:
    """List (and with ``delete`` remove) orphan files; returns their relative paths."""
    base = storage.root()
    found = []
    for path in list(iter_orphans(min_age_seconds=min_age_seconds)):
        found.append(path.relative_to(base).as_posix())
        if delete:
            path.unlink(missing_ok=True)
    return found


def missing_files() -> list[str]:
    """Storage keys of rows whose file is missing (should always be empty), oldest first."""
    rows = db.session.execute(
        db.select(StoredFile).where(StoredFile.purged_at.is_(None)).order_by(StoredFile.id)
    ).scalars()
    return [row.storage_key for row in rows if not storage.path_of(row).is_file()]
