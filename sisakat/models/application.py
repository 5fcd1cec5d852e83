"""An application (permohonan) for a service, with its status, lock version and snapshot."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow
from sisakat.models.requirement import SKT_PARPOL

if TYPE_CHECKING:
    from sisakat.models.application_history import ApplicationHistory
    from sisakat.models.application_requirement import ApplicationRequirement
    from sisakat.models.party import Party
    from sisakat.models.user import User


class ApplicationStatus(LabelledEnum):
    """The states of ARCHITECTURE.md's state machine (label, badge colour)."""

    DRAF = ("draf", "Draf", "secondary")
    DIAJUKAN = ("diajukan", "Diajukan", "primary")
    DIVERIFIKASI = ("diverifikasi", "Diverifikasi", "info")
    PERLU_PERBAIKAN = ("perlu_perbaikan", "Perlu Perbaikan", "warning")
    MENUNGGU_TTE = ("menunggu_tte", "Menunggu TTE", "primary")
    TERBIT = ("terbit", "Terbit", "success")
    DITOLAK = ("ditolak", "Ditolak", "danger")
    DIBATALKAN = ("dibatalkan", "Dibatalkan", "dark")
    DICABUT = ("dicabut", "Dicabut", "danger")
    DIGANTI = ("diganti", "Diganti", "secondary")


# States in which the application is still "open": a party board has at most one of these.
OPEN_STATUSES = (
    ApplicationStatus.DRAF,
    ApplicationStatus.DIAJUKAN,
    ApplicationStatus.DIVERIFIKASI,
    ApplicationStatus.PERLU_PERBAIKAN,
    ApplicationStatus.MENUNGGU_TTE,
)
# States only an issued application reaches: Terbit, and the revoked or replaced letter's
# application after it. A count of issued applications counts all three.
ISSUED_APPLICATION_STATUSES = (
    ApplicationStatus.TERBIT,
    ApplicationStatus.DICABUT,
    ApplicationStatus.DIGANTI,
)
_OPEN_SQL = ", ".join(f"'{s.value}'" for s in OPEN_STATUSES)


class Application(Base):
    """One permohonan of one party board; status changes only through services/workflow.py."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("parties.id"), index=True)
    service_code: Mapped[str] = mapped_column(sa.String(32), default=SKT_PARPOL)
    status: Mapped[ApplicationStatus] = mapped_column(
        enum_column(ApplicationStatus, "application_status"),
        default=ApplicationStatus.DRAF,
        index=True,
    )
    # Equals party_id while the application is open, NULL once final: UNIQUE makes "one open
    # application per party" a database rule on every backend (MariaDB has no partial index).
    open_party_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("parties.id"), unique=True, nullable=True
    )
    profile_snapshot: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    claimed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(nullable=True)
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    version: Mapped[int] = mapped_column(sa.Integer, default=1)
    # A renewal (perpanjangan) points at the issued application it continues.
    renewal_of_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("applications.id", ondelete="SET NULL"), nullable=True
    )

    party: Mapped[Party] = relationship(foreign_keys=[party_id], lazy="joined")
    claimed_by: Mapped[User | None] = relationship(foreign_keys=[claimed_by_id], lazy="joined")
    requirements: Mapped[list[ApplicationRequirement]] = relationship(
        back_populates="application", order_by="ApplicationRequirement.sort_order", lazy="raise"
    )
    history: Mapped[list[ApplicationHistory]] = relationship(
        back_populates="application", order_by="ApplicationHistory.id", lazy="raise"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        sa.CheckConstraint(
            f"(status IN ({_OPEN_SQL}) AND open_party_id = party_id)"
            f" OR (status NOT IN ({_OPEN_SQL}) AND open_party_id IS NULL)",
            name="open_party",
        ),
        # The verification queue: status IN (...) ORDER BY status_changed_at, id (services/queue).
        sa.Index("ix_applications_status_queue", "status", "status_changed_at", "id"),
    )

    @property
    def is_open(self) -> bool:
        """Still in the pipeline (not final)."""
        return self.status in OPEN_STATUSES

    def __repr__(self) -> str:
        return f"<Application {self.id} {self.status.value}>"
