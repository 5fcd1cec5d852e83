"""Public pages: home, service information, letter verification, complaints, survey."""

from sisakat.public.routes import bp

__all__ = ["bp"]
