"""The staff (Verifikator) side: queue, review, verdicts, return, reject, approve."""

from sisakat.verification import complaints  # noqa: F401
from sisakat.verification.routes import bp

__all__ = ["bp"]

from sisakat.verification import (
    letters,  # noqa: E402, F401
    review,  # noqa: E402, F401
)
