"""The signing desk (Penandatangan, Super admin): letters awaiting TTE, upload-back, in-app
signing, manual review of unmatched uploads, returning a letter to its verifier."""

from sisakat.signing.routes import bp

__all__ = ["bp"]

from sisakat.signing import inapp, returns, upload  # noqa: E402, F401
