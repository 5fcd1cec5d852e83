"""Super admin screens: users, office settings, requirement lists, registers, audit log."""

from sisakat.admin import service_info  # noqa: F401
from sisakat.admin.routes import bp

__all__ = ["bp"]
