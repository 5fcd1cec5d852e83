"""One uploaded version of one requirement document, with the verdict given on that version."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow

if TYPE_CHECKING:
    from sisakat.models.application_requirement import ApplicationRequirement
    from sisakat.models.stored_file import StoredFile


class Verdict(LabelledEnum):
    """A verifier's verdict on one document version."""

    SESUAI = ("sesuai", "Sesuai", "success")
    TIDAK_SESUAI = ("tidak_sesuai", "Tidak Sesuai", "danger")


class ApplicationDocument(Base):
    """Every version is kept; the newest version of a requirement is the one that counts."""

    __tablename__ = "application_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_requirement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("application_requirements.id", ondelete="CASCADE"), index=True
    )
    version_no: Mapped[int] = mapped_column(sa.Integer)
    stored_file_id: Mapped[int] = mapped_column(sa.ForeignKey("stored_files.id"))
    uploaded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    page_count: Mapped[int] = mapped_column(sa.Integer, default=0)
    verdict: Mapped[Verdict | None] = mapped_column(
        enum_column(Verdict, "document_verdict"), nullable=True
    )
    reason: Mapped[str] = mapped_column(sa.String(500), default="")
    judged_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    judged_at: Mapped[datetime | None] = mapped_column(nullable=True)

    requirement: Mapped[ApplicationRequirement] = relationship(back_populates="documents")
    stored_file: Mapped[StoredFile] = relationship(lazy="joined")

    __table_args__ = (
        sa.UniqueConstraint("application_requirement_id", "version_no"),
        sa.CheckConstraint(
            "verdict IS NULL OR verdict <> 'tidak_sesuai' OR reason <> ''", name="reason_given"
        ),
    )
