"""A signature by an allow-listed signer whose certificate has since expired (no timestamp
proves it was made in time): refused, and the reason says the certificate expired; it used to
say the certificate does not chain to the BSrE root, sending the office to fix its trust roots."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from sisakat.exceptions import SignatureRejected
from sisakat.services.signing.validation import judge
from tests import pki as pki_module
from tests.signing import pdfs


@pytest.fixture
def expired(pki, tmp_path):
    return pki_module.expired_signer(pki, tmp_path)


def test_expired_allow_listed_signer_is_refused_as_expired(pki, make_trust, expired):
    at = datetime.now(UTC) - timedelta(days=60)  # signed while the certificate was valid
    signed = pdfs.sign(pdfs.letter_pdf(), expired, at=at)
    verdict = judge(signed, make_trust(allowed=[pki.signer, expired]))
    assert not verdict.ok
    assert verdict.code == "expired"
    assert "kedaluwarsa" in verdict.reason
    assert "tidak berantai" not in verdict.reason


def test_expired_signer_off_the_allow_list_is_refused_as_expired(pki, make_trust, expired):
    signed = pdfs.sign(pdfs.letter_pdf(), expired, at=datetime.now(UTC) - timedelta(days=60))
    with pytest.raises(SignatureRejected) as caught:
        judge(signed, make_trust())
    assert caught.value.code == "expired"
    assert "kedaluwarsa" in caught.value.message


def test_off_list_signer_lacking_the_key_usage_is_named_not_called_untrusted(pki, make_trust):
    """A BSrE holder under our root whose certificate has digitalSignature only, not on the
    allow-list: it chains to the root, so the refusal names the signer (not_allowed) instead
    of "tidak berantai ke akar BSrE", which sent the office to its trust roots."""
    signed = pdfs.sign(pdfs.letter_pdf(), pki.ds_only)
    with pytest.raises(SignatureRejected) as caught:
        judge(signed, make_trust())
    assert caught.value.code == "not_allowed"
    assert "Siti Contoh Digital" in caught.value.message


def test_refused_signer_logs_one_line_without_a_traceback(pki, make_trust, expired, caplog):
    """pyHanko warns about an expired or unchained signer with the whole certvalidator
    traceback: expected input, the verdict; the office log keeps its one line, not the stack."""
    signed = pdfs.sign(pdfs.letter_pdf(), expired, at=datetime.now(UTC) - timedelta(days=60))
    with caplog.at_level(logging.WARNING, logger="pyhanko"):
        assert judge(signed, make_trust(allowed=[pki.signer, expired])).code == "expired"
    warned = [r for r in caplog.records if r.name.startswith("pyhanko")]
    assert any("expired" in r.getMessage() for r in warned)  # the line itself is kept
    assert all(r.exc_info is None and not r.exc_text for r in warned)
    assert "Traceback" not in caplog.text
