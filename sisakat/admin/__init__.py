"""Super admin screens: users, office settings, requirement lists, registers, audit log."""

from sisakat.admin.routes import bp

__all__ = ["bp"]

from sisakat.admin import audit_log, reasons, requirements  # noqa: E402, F401
