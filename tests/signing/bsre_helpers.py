"""Helpers for the BSrE client tests: a client pointed at the fake, a letter, a sign call."""

from __future__ import annotations

from sisakat.services.signing.bsre import BsreClient, BsreConfig
from sisakat.services.signing.pades import SignJob
from tests.fakes import bsre as fake_module
from tests.signing import pdfs

JOB = SignJob(nik=fake_module.NIK, qr_url="https://sisakat.example.test/verifikasi/X")


def client(fake, version: str = "v1", *, read_timeout: float = 10.0, **overrides) -> BsreClient:
    """A client for ``fake`` speaking API ``version``."""
    values = {
        "base_url": fake.url,
        "username": fake_module.USERNAME,
        "password": fake_module.PASSWORD,
        "api_version": version,
        "connect_timeout": 2.0,
        "read_timeout": read_timeout,
    }
    values.update(overrides)
    return BsreClient(BsreConfig(**values))


def sign(fake, version: str = "v1", passphrase: str = fake_module.PASSPHRASE, **kw) -> bytes:
    """Sign the standard letter through the fake."""
    return client(fake, version, **kw).sign(pdfs.letter_pdf(), JOB, passphrase)
