"""Accounts: authentication and session epochs."""

from __future__ import annotations

import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import User, utcnow
from sisakat.services import audit
from sisakat.services.passwords import hash_password, needs_rehash, verify_password


def find_by_login(login: str) -> User | None:
    """The user whose username or e-mail (case-insensitive) is ``login``."""
    key = login.strip().lower()
    return db.session.execute(
        db.select(User).where(
            sa.or_(sa.func.lower(User.username) == key, sa.func.lower(User.email) == key)
        )
    ).scalar_one_or_none()


def authenticate(login: str, password: str) -> User | None:
    """The active user matching the credentials, or None (audited either way)."""
    user = find_by_login(login)
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.is_active:
        audit.record("auth.login", actor=user, outcome="gagal", actor_label=login[:120])
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    audit.record("auth.login", actor=user)
    return user


def end_sessions(user: User) -> None:
    """Invalidate every session of ``user`` (copied cookies included)."""
    user.session_epoch = (user.session_epoch or 0) + 1
    db.session.flush()
