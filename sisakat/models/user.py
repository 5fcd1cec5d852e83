"""User accounts and roles."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow

if TYPE_CHECKING:
    from sisakat.models.party import Party


class Role(LabelledEnum):
    """Who a user is; the policies decide what each may do."""

    PEMOHON = ("pemohon", "Pemohon")
    VERIFIKATOR = ("verifikator", "Verifikator")
    PENANDATANGAN = ("penandatangan", "Penandatangan")
    SUPERADMIN = ("superadmin", "Super Admin")


STAFF_ROLES = frozenset({Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN})


class User(Base):
    """A login. Pemohon accounts belong to exactly one party board (``party``)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    full_name: Mapped[str] = mapped_column(sa.String(120), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role, "user_role"))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    # Bumped on logout, password change and deactivation: copied cookies die (see get_id).
    session_epoch: Mapped[int] = mapped_column(sa.Integer, default=0)
    nip: Mapped[str | None] = mapped_column(sa.String(18), nullable=True)
    nik: Mapped[str | None] = mapped_column(sa.String(16), nullable=True)  # BSrE signer only
    position: Mapped[str] = mapped_column(sa.String(160), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(nullable=True)
    password_changed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # Set when the super admin typed the password (reset, new staff account): the owner must
    # change it before any other page opens (``sessions``); their own change clears it.
    must_change_password: Mapped[bool] = mapped_column(
        sa.Boolean, default=False, server_default=sa.false()
    )

    party: Mapped[Party | None] = relationship(back_populates="account", uselist=False)

    # --- Flask-Login protocol -------------------------------------------------------------
    @property
    def is_authenticated(self) -> bool:
        """Every loaded user is authenticated (anonymous users are a separate class)."""
        return True

    @property
    def is_active(self) -> bool:
        """Deactivated accounts cannot log in and their sessions stop."""
        return bool(self.active)

    @property
    def is_anonymous(self) -> bool:
        """Never anonymous."""
        return False

    def get_id(self) -> str:
        """``<id>:<epoch>``; the loader refuses a stale epoch."""
        return f"{self.id}:{self.session_epoch}"

    # --- role helpers ---------------------------------------------------------------------
    @property
    def is_staff(self) -> bool:
        """Verifikator, Penandatangan or Super admin."""
        return self.role in STAFF_ROLES

    def has_role(self, *roles: Role) -> bool:
        """True when the user's role is one of ``roles``."""
        return self.role in roles

    @property
    def display_name(self) -> str:
        """Name to show in the UI."""
        return self.full_name or self.username

    def __repr__(self) -> str:
        return f"<User {self.id} {self.username} {self.role.value}>"
