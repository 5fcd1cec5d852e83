"""Super admin screens: users, office settings, requirement lists, registers, audit log."""

from sisakat.admin import trust  # noqa: F401, E402 - signature trust screens
from sisakat.admin.routes import bp

__all__ = ["bp"]
