"""Accounts: login, logout, registration of party accounts, password change."""

from sisakat.auth.routes import bp

__all__ = ["bp"]

from sisakat.auth import (
    email_preferences,  # noqa: E402, F401
    notifications,  # noqa: E402, F401
)
