"""Public pages: home, service information, letter verification, complaints, survey."""

from sisakat.public import complaints, service_pages, survey, verify  # noqa: F401
from sisakat.public.routes import bp

__all__ = ["bp"]
