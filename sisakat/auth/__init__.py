"""Accounts: login, logout, registration of party accounts, password change."""

from sisakat.auth.routes import bp

__all__ = ["bp"]
