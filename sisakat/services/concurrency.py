"""Two admins editing the same page at once (QUALITY.md: "two staff at once ... loses
nothing"). Records without a version column (key/value settings, users, requirements) are
guarded by a digest of the values the page showed: the page carries it in a hidden field, and a
save from a page that is out of date is refused with who changed the record and when, keeping
what the admin typed. Services (and applications) have a version column instead."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sisakat import formatting
from sisakat.exceptions import StaleRecord
from sisakat.extensions import db
from sisakat.models import AuditEvent, User


def fingerprint(values: Mapping[str, Any]) -> str:
    """A short digest of ``values`` (order of keys does not matter)."""
    text = json.dumps(dict(values), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def check(
    seen: str | None,
    current: Mapping[str, Any],
    *,
    changed_by: str | None = None,
    changed_at: datetime | None = None,
) -> None:
    """Refuse (``StaleRecord``) when ``seen``, the digest the page showed, is not that of the
    ``current`` values. ``seen`` None: no page digest came (a command, a script posting the
    form by hand): nothing to compare. This guards people at pages against each other; it is
    not an access control (the super admin may save any value anyway)."""
    if seen is None or seen == fingerprint(current):
        return
    who = ""
    if changed_by and changed_at:
        from sisakat.services import settings  # settings uses this module for its own pages

        zone = str(settings.get("agency.timezone") or "WIB")
        when = formatting.tanggal_jam(changed_at, settings.utc_offset_hours(), zone)
        who = f" oleh {changed_by} pada {when}"
    raise StaleRecord(
        f"Data ini sudah diubah{who} setelah halaman Anda dibuka. Isian Anda belum tersimpan: "
        "buka halaman ini di tab baru untuk melihat data terbaru, atau simpan lagi untuk "
        "menimpanya dengan isian Anda."
    )


def check_record(
    seen: str | None, current: Mapping[str, Any], *, object_type: str, object_id: object
) -> None:
    """``check`` for a row whose changes are audited: who changed it and when come from its
    newest audit event."""
    if seen is None or seen == fingerprint(current):
        return
    last = db.session.execute(
        db.select(AuditEvent)
        .where(AuditEvent.object_type == object_type, AuditEvent.object_id == str(object_id))
        .order_by(AuditEvent.id.desc())
    ).scalar()
    actor = db.session.get(User, last.actor_id) if last and last.actor_id else None
    check(
        seen,
        current,
        changed_by=actor.display_name if actor else (last.actor_label if last else None),
        changed_at=last.created_at if last else None,
    )


def row_token(row: object, fields: tuple[str, ...]) -> str:
    """The digest of ``row``'s ``fields`` that its edit page carries."""
    return fingerprint({name: getattr(row, name) for name in fields})


def check_row(seen: str | None, row: object, fields: tuple[str, ...], *, object_type: str) -> None:
    """``check_record`` for ``row`` (audited as ``object_type`` under its id)."""
    current = {name: getattr(row, name) for name in fields}
    check_record(seen, current, object_type=object_type, object_id=row.id)
