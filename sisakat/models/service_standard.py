"""The published Standar Pelayanan of one service (PermenPANRB 15/2014), edited by the admin."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, utcnow


class ServiceStandard(Base):
    """The six public components plus dasar hukum; formatted fields hold nh3-sanitised HTML.

    The requirement list (persyaratan) is deliberately not stored here: the public page reads the
    live ``Requirement`` rows, so it can never disagree with what the application form asks for.
    """

    __tablename__ = "service_standards"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_code: Mapped[str] = mapped_column(sa.String(32), unique=True)
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    procedure: Mapped[str] = mapped_column(sa.Text, default="")
    duration: Mapped[str] = mapped_column(sa.Text, default="")
    cost: Mapped[str] = mapped_column(sa.Text, default="")
    product: Mapped[str] = mapped_column(sa.Text, default="")
    complaint_handling: Mapped[str] = mapped_column(sa.Text, default="")
    legal_basis: Mapped[str] = mapped_column(sa.Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
