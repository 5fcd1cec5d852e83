"""The party's (Pemohon's) side: dashboard, party profile, applications, documents, letters."""

from sisakat.submission import profile  # noqa: F401
from sisakat.submission.routes import bp

__all__ = ["bp"]

from sisakat.submission import (
    applications,  # noqa: E402, F401
    letters,  # noqa: E402, F401
    renewal,  # noqa: E402, F401
    survey,  # noqa: E402, F401 - survey after issue
)
