"""Append-only audit trail, hash-chained so tampering outside the app shows."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, append_only, utcnow


@append_only  # the evidence of who did what (AUD-1): the app cannot alter or remove it
class AuditEvent(Base):
    """Who did what to which object, from where, with what outcome (UTC)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    actor_label: Mapped[str] = mapped_column(sa.String(120), default="")
    ip: Mapped[str] = mapped_column(sa.String(45), default="")
    action: Mapped[str] = mapped_column(sa.String(64), index=True)
    object_type: Mapped[str] = mapped_column(sa.String(40), default="")
    object_id: Mapped[str] = mapped_column(sa.String(40), default="")
    outcome: Mapped[str] = mapped_column(sa.String(16), default="ok")
    details: Mapped[str] = mapped_column(sa.Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(sa.String(64), default="")
    hash: Mapped[str] = mapped_column(sa.String(64), default="")
