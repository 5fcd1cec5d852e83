"""The test PKI for the reliability tests that issue a signed letter (the hosted-move journey)."""

from tests.signing.conftest import pki  # noqa: F401
