"""Requirement documents a service asks for (editable by the super admin)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, utcnow

SKT_PARPOL = "skt_parpol"  # built-in services (rows in ``services``; offices may add more)
ORMAS_LAPOR = "lapor_ormas"


class Requirement(Base):
    """One line of a service's requirement list. Applications snapshot the list they used."""

    __tablename__ = "requirements"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_code: Mapped[str] = mapped_column(sa.String(32), default=SKT_PARPOL, index=True)
    name: Mapped[str] = mapped_column(sa.String(255))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    required: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    personal_data: Mapped[bool] = mapped_column(
        sa.Boolean, default=False
    )  # KTP etc.: views audited
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
