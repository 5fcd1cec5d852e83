"""Staff reports: the satisfaction index (IKM); SLA and dashboards join later."""

from sisakat.reports import ikm as _ikm  # noqa: F401
from sisakat.reports.routes import bp

__all__ = ["bp"]
