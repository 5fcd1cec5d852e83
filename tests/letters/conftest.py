"""The signing fixtures (test PKI, fake BSrE) for the letter tests."""

from tests.signing.conftest import fake_bsre, pki  # noqa: F401
