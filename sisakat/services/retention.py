"""Retention of personal documents (KTP scans and the like), as UU 27/2022 expects.

After a letter is issued the applicant's personal documents are kept for a retention period (the
``retention.personal_documents_days`` setting), then their bytes are deleted. The ``StoredFile``
row stays with its SHA-256 and ``purged_at``: the fact that the document existed, and what it was,
remains provable; its content does not.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sisakat.extensions import db
from sisakat.models import (
    ApplicationDocument,
    ApplicationRequirement,
    Letter,
    StoredFile,
    User,
    utcnow,
)
from sisakat.services import audit, settings, storage


def personal_documents_past_retention(now: datetime, retention_days: int) -> list[StoredFile]:
    """The policy: the files of every uploaded version of a requirement flagged
    ``personal_data``, in applications whose letter was issued more than ``retention_days``
    before ``now``, and that are not purged yet."""
    cutoff = now - timedelta(days=retention_days)
    issued_long_ago = db.select(Letter.application_id).where(
        Letter.issued_at.is_not(None), Letter.issued_at < cutoff
    )
    personal_files = (
        db.select(ApplicationDocument.stored_file_id)
        .join(
            ApplicationRequirement,
            ApplicationDocument.application_requirement_id == ApplicationRequirement.id,
        )
        .where(
            ApplicationRequirement.personal_data.is_(True),
            ApplicationRequirement.application_id.in_(issued_long_ago),
        )
    )
    return list(
        db.session.execute(
            db.select(StoredFile)
            .where(StoredFile.id.in_(personal_files), StoredFile.purged_at.is_(None))
            .order_by(StoredFile.id)
        ).scalars()
    )


def due_for_purge(now: datetime | None = None) -> list[StoredFile]:
    """Files the policy selects today."""
    days = int(settings.get("retention.personal_documents_days") or 0)
    if days <= 0:  # 0 disables purging
        return []
    return personal_documents_past_retention(now or utcnow(), days)


def purge(files: list[StoredFile], *, actor: User | None) -> list[Path]:
    """Mark each file purged (row and hash kept) and audit it, flushed; returns the paths whose
    bytes the caller deletes with ``remove_bytes`` after its commit."""
    done = []
    for row in files:
        if row.purged_at is not None:
            continue
        row.purged_at = utcnow()
        audit.record(
            "storage.purge",
            actor=actor,
            object_type="stored_file",
            object_id=row.id,
            details={"sha256": row.sha256, "kind": row.kind.value, "reason": "retensi"},
        )
        done.append(storage.path_of(row))
    db.session.flush()
    return done


def remove_bytes(paths: list[Path]) -> None:
    """Delete purged files' bytes (after the commit that marked them purged)."""
    for path in paths:
        path.unlink(missing_ok=True)
