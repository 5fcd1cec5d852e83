"""The catalogue of common reasons for a Tidak Sesuai verdict (edited by the super admin)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base


class ReasonTemplate(Base):
    """One reusable reason, e.g. "belum dilegalisir"."""

    __tablename__ = "reason_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(sa.String(255), unique=True)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)
