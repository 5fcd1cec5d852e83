"""The e-mail outbox: rows written in the request's transaction, delivered after the commit."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow


class EmailStatus(LabelledEnum):
    """Delivery state of one outgoing e-mail."""

    PENDING = ("pending", "Menunggu")
    SENDING = ("sending", "Sedang dikirim")
    SENT = ("sent", "Terkirim")
    FAILED = ("failed", "Gagal")


class OutgoingEmail(Base):
    """One message to one address; the sender claims it with a guarded UPDATE (multi-process)."""

    __tablename__ = "outgoing_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(sa.String(254))
    subject: Mapped[str] = mapped_column(sa.String(255))
    body: Mapped[str] = mapped_column(sa.Text)
    kind: Mapped[str] = mapped_column(sa.String(32), default="")
    status: Mapped[EmailStatus] = mapped_column(
        enum_column(EmailStatus, "email_status"), default=EmailStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(sa.Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    last_error: Mapped[str] = mapped_column(sa.String(500), default="")  # never a secret
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)

    __table_args__ = (sa.Index("ix_outgoing_emails_status_next", "status", "next_attempt_at"),)
