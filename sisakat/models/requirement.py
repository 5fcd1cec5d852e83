"""Requirement documents a service asks for (editable by the super admin)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import Mapped, mapped_column, validates

from sisakat.models.base import Base, utcnow

SKT_PARPOL = "skt_parpol"  # built-in services (rows in ``services``; offices may add more)
ORMAS_LAPOR = "lapor_ormas"

KEY_WIDTH = 255
# Compared byte for byte on MariaDB too: its default collation is accent-blind, so "Dokumen" and
# "Dokumén" would be one name there and two everywhere else.
KEY_TYPE = sa.String(KEY_WIDTH).with_variant(
    mysql.VARCHAR(KEY_WIDTH, charset="utf8mb4", collation="utf8mb4_bin"), "mysql", "mariadb"
)


def name_key(name: str | None) -> str:
    """A requirement name as the one-name-per-list rule compares it: whitespace runs as one
    space, trimmed, case folded ("  SURAT  permohonan " is "surat permohonan"), cut to the
    column (without a trailing space: MariaDB's collation would ignore it). The one rule: stored
    in ``Requirement.name_key`` and used by ``requirements.save`` and the admin home."""
    return " ".join((name or "").split()).casefold()[:KEY_WIDTH].rstrip()


class Requirement(Base):
    """One line of a service's requirement list. Applications snapshot the list they used."""

    __tablename__ = "requirements"
    # One active name per service, by the database too: two admins adding the same line at
    # once both pass ``requirements.save``'s check, the second INSERT fails here.
    __table_args__ = (sa.UniqueConstraint("service_code", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_code: Mapped[str] = mapped_column(sa.String(32), default=SKT_PARPOL, index=True)
    name: Mapped[str] = mapped_column(sa.String(255))
    # ``name_key(name)`` while active, NULL while not (an inactive line may share its name; NULLs
    # never collide), set with both (``_keyed``). A twin stored before the key existed keeps a
    # distinct one ("<key>#<id>", migration b3d9e5a7c2f4), which ``flask check`` reports.
    name_key: Mapped[str | None] = mapped_column(KEY_TYPE, nullable=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    required: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    personal_data: Mapped[bool] = mapped_column(
        sa.Boolean, default=False
    )  # KTP etc.: views audited
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @validates("name", "active")
    def _keyed(self, attribute: str, value):
        """Every writer of ``name`` or ``active`` sets ``name_key`` with it (a new line not yet
        given ``active`` is active: the column's default)."""
        name = value if attribute == "name" else self.name
        active = value if attribute == "active" else self.active
        self.name_key = None if active is not None and not active else name_key(name)
        return value
