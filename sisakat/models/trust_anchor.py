"""Trust anchors for document signatures: BSrE root and intermediate certificates."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow


class AnchorKind(LabelledEnum):
    """Where a certificate sits in the chain."""

    ROOT = ("root", "Akar (root)")
    INTERMEDIATE = ("intermediate", "Perantara (intermediate)")


class TrustAnchor(Base):
    """A CA certificate (DER) the validator trusts (root) or uses to build chains (intermediate)."""

    __tablename__ = "trust_anchors"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[AnchorKind] = mapped_column(enum_column(AnchorKind, "anchor_kind"))
    der: Mapped[bytes] = mapped_column(sa.LargeBinary(65535))
    subject: Mapped[str] = mapped_column(sa.String(500))
    fingerprint: Mapped[str] = mapped_column(sa.String(64), unique=True)
    not_after: Mapped[datetime | None] = mapped_column(nullable=True)
    added_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
