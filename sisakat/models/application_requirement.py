"""The requirement list as it stood when an application was created (later edits never alter it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sisakat.models.base import Base

if TYPE_CHECKING:
    from sisakat.models.application import Application
    from sisakat.models.application_document import ApplicationDocument


class ApplicationRequirement(Base):
    """One requirement line copied into one application."""

    __tablename__ = "application_requirements"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    requirement_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("requirements.id", ondelete="SET NULL"), nullable=True
    )
    name: Mapped[str] = mapped_column(sa.String(255))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    required: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    personal_data: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)

    application: Mapped[Application] = relationship(back_populates="requirements")
    documents: Mapped[list[ApplicationDocument]] = relationship(
        back_populates="requirement", order_by="ApplicationDocument.version_no", lazy="raise"
    )
