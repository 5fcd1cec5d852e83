"""Which e-mails a user wants; no row means the defaults (every kind on)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base

# E-mail kinds a user can switch off: (column, Indonesian label).
EMAIL_KINDS = (
    ("applications", "Perubahan status permohonan dan permohonan baru"),
    ("reminders", "Pengingat masa bakti dan masa berlaku SKT"),
)


class EmailPreference(Base):
    """One row per user who changed the defaults."""

    __tablename__ = "email_preferences"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    applications: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    reminders: Mapped[bool] = mapped_column(sa.Boolean, default=True)
