"""Accounts: login, logout, registration of party accounts, password change."""

from sisakat.auth.routes import bp

__all__ = ["bp"]

from sisakat.auth import notifications  # noqa: E402, F401
