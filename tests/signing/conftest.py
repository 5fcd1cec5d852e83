"""Fixtures for the signing tests: the test PKI (once per session) and trust configurations."""

from __future__ import annotations

import pytest

from sisakat.services.signing import trust as trust_service
from tests import pki as pki_module
from tests.fakes.bsre import FakeBsre


@pytest.fixture(scope="session")
def pki(tmp_path_factory) -> pki_module.TestPki:
    """The test PKI, written to a temp folder (PEM roots, PKCS#12 signers)."""
    return pki_module.build(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def make_trust(pki):
    """``make_trust(allowed=[...], roots=[...], key_usage=...)`` -> TrustConfig (no database)."""

    def _make(allowed=None, roots=None, key_usage="non_repudiation"):
        return trust_service.build_trust_config(
            roots=[r.der for r in (roots if roots is not None else [pki.root])],
            intermediates=[pki.intermediate.der],
            allowed=[
                trust_service.AllowedEntry(s.fingerprint, s.name)
                for s in (allowed if allowed is not None else [pki.signer])
            ],
            key_usage_policy=key_usage,
        )

    return _make


@pytest.fixture
def trust(make_trust):
    """BSrE Uji Root trusted, Dr. Contoh Pejabat allow-listed, non-repudiation required."""
    return make_trust()


@pytest.fixture
def fake_bsre(pki):
    """A running fake BSrE Esign Client Service."""
    with FakeBsre(pki) as fake:
        yield fake
