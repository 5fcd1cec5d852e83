"""Reminders already sent: one per board, kind and end date (makes send-reminders idempotent)."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, utcnow

# Kinds: the board's term of office ends, or its SKT stops being valid.
TERM = "masa_bakti"
SKT = "skt"


class ReminderSent(Base):
    """A reminder for ``party_id`` that ``kind`` ends on ``end_date``; UNIQUE stops repeats."""

    __tablename__ = "reminders_sent"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("parties.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(16))
    end_date: Mapped[date]
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (sa.UniqueConstraint("party_id", "kind", "end_date"),)
