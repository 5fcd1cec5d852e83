"""The append-only timeline of an application: one row per transition."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sisakat.models.application import ApplicationStatus
from sisakat.models.base import Base, LabelledEnum, append_only, enum_column, utcnow

if TYPE_CHECKING:
    from sisakat.models.application import Application
    from sisakat.models.user import User


class Action(LabelledEnum):
    """Workflow actions (ARCHITECTURE.md); ``buat`` is the creation step of the timeline."""

    BUAT = ("buat", "Dibuat")
    AJUKAN = ("ajukan", "Diajukan")
    BATALKAN = ("batalkan", "Dibatalkan")
    AMBIL = ("ambil", "Mulai diverifikasi")
    KEMBALIKAN = ("kembalikan", "Dikembalikan untuk perbaikan")
    AJUKAN_ULANG = ("ajukan_ulang", "Diajukan ulang")
    TOLAK = ("tolak", "Ditolak")
    SETUJUI = ("setujui", "Disetujui")
    TERBITKAN = ("terbitkan", "Diterbitkan")
    CABUT = ("cabut", "Dicabut")
    GANTI = ("ganti", "Diganti")
    # The signer (or super admin) sends a letter awaiting signature back to its verifier.
    KEMBALIKAN_TTE = ("kembalikan_tte", "Dikembalikan dari meja TTE")


_NOTE_TARGETS = "'perlu_perbaikan', 'ditolak', 'dicabut'"
# Actions whose reason concerns the office, not the party: kept as the staff-only note.
_INTERNAL_REASON_ACTIONS = "'kembalikan_tte'"


@append_only  # the party's timeline and the SLA record: the app never rewrites it
class ApplicationHistory(Base):
    """Who moved the application from which state to which, when, and why (insert-only)."""

    __tablename__ = "application_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    action: Mapped[Action] = mapped_column(enum_column(Action, "history_action"))
    from_status: Mapped[ApplicationStatus | None] = mapped_column(
        enum_column(ApplicationStatus, "history_from_status"), nullable=True
    )
    to_status: Mapped[ApplicationStatus] = mapped_column(
        enum_column(ApplicationStatus, "history_to_status")
    )
    note: Mapped[str] = mapped_column(sa.Text, default="")  # shown to the party
    internal_note: Mapped[str] = mapped_column(sa.Text, default="")  # staff only

    application: Mapped[Application] = relationship(back_populates="history")
    actor: Mapped[User | None] = relationship(lazy="joined")

    __table_args__ = (
        sa.CheckConstraint(
            f"to_status NOT IN ({_NOTE_TARGETS}) OR note <> ''", name="note_required"
        ),
        sa.CheckConstraint(
            f"action NOT IN ({_INTERNAL_REASON_ACTIONS}) OR internal_note <> ''",
            name="internal_reason_required",
        ),
    )
