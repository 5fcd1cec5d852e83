"""Complaints and suggestions (pengaduan, UU 25/2009 Pasal 36-37) with their timeline."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow
from sisakat.models.complaint_category import ComplaintCategory
from sisakat.models.stored_file import StoredFile

if TYPE_CHECKING:
    from sisakat.models.user import User


class ComplaintStatus(LabelledEnum):
    """Where a ticket stands."""

    BARU = ("baru", "Diterima", "primary")
    DIPROSES = ("diproses", "Diproses", "warning")
    SELESAI = ("selesai", "Selesai", "success")


class Complaint(Base):
    """One ticket. ``secret`` is the 128-bit token of the complainant's private link."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket: Mapped[str | None] = mapped_column(sa.String(20), unique=True, nullable=True)
    secret: Mapped[str] = mapped_column(sa.String(32))
    name: Mapped[str] = mapped_column(sa.String(120), default="")
    contact: Mapped[str] = mapped_column(sa.String(120), default="")
    category_id: Mapped[int] = mapped_column(sa.ForeignKey("complaint_categories.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    attachment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("stored_files.id", ondelete="SET NULL"), nullable=True
    )
    status: Mapped[ComplaintStatus] = mapped_column(
        enum_column(ComplaintStatus, "complaint_status"), default=ComplaintStatus.BARU
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    due_at: Mapped[datetime] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # Optimistic locking: every reply bumps it, so of two staff answering from pages showing
    # the same version, the second is refused (services/complaints.respond).
    version: Mapped[int] = mapped_column(sa.Integer, default=1)

    category: Mapped[ComplaintCategory] = relationship(lazy="joined")
    attachment: Mapped[StoredFile | None] = relationship(lazy="joined")
    entries: Mapped[list[ComplaintEntry]] = relationship(
        back_populates="complaint", order_by="ComplaintEntry.id", lazy="raise"
    )

    __mapper_args__ = {"version_id_col": version}

    def is_overdue(self, now: datetime) -> bool:
        """Still open after its category's time limit."""
        return self.status != ComplaintStatus.SELESAI and now > self.due_at


class ComplaintEntry(Base):
    """One timed step of a ticket: received, triaged, replied, closed. Append-only."""

    __tablename__ = "complaint_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        sa.ForeignKey("complaints.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    status: Mapped[ComplaintStatus] = mapped_column(
        enum_column(ComplaintStatus, "complaint_entry_status")
    )
    message: Mapped[str] = mapped_column(sa.Text, default="")

    complaint: Mapped[Complaint] = relationship(back_populates="entries")
    # The officer who wrote a staff step (None: filed by the public, or the account deleted);
    # loaded with the timeline (services/complaints.timeline), never one query per step.
    actor: Mapped[User | None] = relationship(lazy="raise")
