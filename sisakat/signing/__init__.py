"""The signing desk (Penandatangan, Super admin): letters awaiting TTE, upload-back, in-app
signing, manual review of unmatched uploads."""

from sisakat.signing.routes import bp

__all__ = ["bp"]

from sisakat.signing import inapp, upload  # noqa: E402, F401
