"""Staff reports: the satisfaction index (IKM); SLA and dashboards join later."""

from sisakat.reports import dashboard as _dashboard  # noqa: F401
from sisakat.reports import ikm as _ikm  # noqa: F401
from sisakat.reports import ormas_register as _ormas_register  # noqa: F401
from sisakat.reports import party_register as _party_register  # noqa: F401
from sisakat.reports.routes import bp

__all__ = ["bp"]
