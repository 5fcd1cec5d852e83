"""The audit trail: one insert-only, hash-chained row per security event and domain action."""

from __future__ import annotations

import hashlib
import json
import os
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from flask import current_app

from sisakat.extensions import db
from sisakat.models import AuditEvent, User, utcnow

# The client address of the current request; set by the web layer, empty for CLI and tests.
current_ip: ContextVar[str] = ContextVar("sisakat_audit_ip", default="")

SECRET_WORDS = ("password", "passphrase", "token", "secret", "nik", "cookie")


def _clean(details: dict[str, Any] | None) -> dict[str, Any]:
    """Drop anything that looks like a secret: the audit trail never holds one."""
    return {
        k: v for k, v in (details or {}).items() if not any(w in k.lower() for w in SECRET_WORDS)
    }


def _digest(event: AuditEvent) -> str:
    payload = "|".join(
        str(x)
        for x in (
            event.prev_hash,
            event.created_at.isoformat(),
            event.actor_id,
            event.ip,
            event.action,
            event.object_type,
            event.object_id,
            event.outcome,
            event.details,
        )
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def record(
    action: str,
    *,
    actor: User | None,
    object_type: str = "",
    object_id: object = "",
    outcome: str = "ok",
    details: dict[str, Any] | None = None,
    actor_label: str = "",
) -> AuditEvent:
    """Append one audit row (flushed with the caller's transaction)."""
    last = db.session.execute(
        db.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar()
    event = AuditEvent(
        created_at=utcnow(),
        actor_id=actor.id if actor is not None else None,
        actor_label=actor_label or (actor.username if actor is not None else ""),
        ip=current_ip.get(),
        action=action,
        object_type=object_type,
        object_id=str(object_id or ""),
        outcome=outcome,
        details=json.dumps(_clean(details), ensure_ascii=False, sort_keys=True, default=str),
        prev_hash=last or "",
    )
    event.hash = _digest(event)
    db.session.add(event)
    db.session.flush()
    return event


def verify_chain() -> tuple[bool, int | None]:
    """Recompute the chain; returns (ok, id of the first broken row)."""
    prev = ""
    for event in db.session.execute(db.select(AuditEvent).order_by(AuditEvent.id)).scalars():
        if event.prev_hash != prev or _digest(event) != event.hash:
            return False, event.id
        prev = event.hash
    return True, None


def _anchor_path() -> Path:
    return Path(current_app.instance_path) / "audit-anchor.json"


def check_anchor() -> int | None:
    """The id of the anchored row when it is gone or changed, else None.

    ``verify_chain`` sees a changed or removed row only where a later row still links to it;
    removing the newest rows leaves a shorter chain that verifies. So ``flask check`` keeps the
    head it last verified in a file beside the database (``instance/audit-anchor.json``), out of
    reach of someone who can only write the database, and that row must still be there."""
    path = _anchor_path()
    try:
        anchor = json.loads(path.read_text(encoding="utf-8"))
        ident, digest = int(anchor["id"]), str(anchor["hash"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no anchor yet (or unreadable: the next check writes a new one)
    row = db.session.get(AuditEvent, ident)
    return ident if row is None or row.hash != digest else None


def write_anchor() -> None:
    """Anchor the newest row (after the chain verified); atomic replace."""
    head = db.session.execute(
        db.select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    if head is None:
        return
    path = _anchor_path()
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps({"id": head.id, "hash": head.hash}), encoding="utf-8")
    os.replace(temp, path)


def forget_anchor() -> None:
    """Drop the anchor (after a restore replaced the whole log with an archive's)."""
    _anchor_path().unlink(missing_ok=True)
