"""SIG-1..SIG-8: judging signed letters against explicit roots and the signer allow-list."""

from __future__ import annotations

import pytest

from sisakat.exceptions import SignatureRejected
from sisakat.services.signing.validation import REASONS, judge, match_letter
from tests.signing import pdfs


def test_sig1_appended_signature_is_accepted_as_tier_a(pki, trust):
    unsigned = pdfs.letter_pdf()
    signed = pdfs.sign(unsigned, pki.signer)
    verdict = judge(signed, trust)
    assert verdict.ok
    assert verdict.reason is None
    assert verdict.status.coverage.name == "ENTIRE_FILE"
    assert verdict.entry.fingerprint == pki.signer.fingerprint
    a = pdfs.PARTY_A
    match = match_letter(
        signed,
        unsigned=unsigned,
        code=a.code,
        number_text=a.number,
        party_name=a.party,
        byte_range=verdict.byte_range,
    )
    assert match.tier == "A"


def test_sig2_signer_under_unconfigured_root_is_untrusted(pki, make_trust):
    signed = pdfs.sign(pdfs.letter_pdf(), pki.foreign_signer)
    # Even when its fingerprint was (wrongly) allow-listed, the chain decides.
    verdict = judge(signed, make_trust(allowed=[pki.foreign_signer]))
    assert not verdict.ok
    assert verdict.code == "untrusted"
    assert "tidak dipercaya" in verdict.reason
    with pytest.raises(SignatureRejected, match="tidak dipercaya"):
        judge(signed, make_trust())


def test_sig3_trusted_but_not_allow_listed_signer_is_refused(pki, trust):
    signed = pdfs.sign(pdfs.letter_pdf(), pki.other_signer)
    with pytest.raises(SignatureRejected) as caught:
        judge(signed, trust)
    assert caught.value.message.startswith(REASONS["not_allowed"])
    # who signed, and what to do about it
    assert "Berkas ditandatangani oleh Budi Contoh Lain, yang tidak ada di daftar" in (
        caught.value.message
    )
    assert "Administrasi → Kepercayaan tanda tangan elektronik" in caught.value.message


def test_sig4_one_flipped_byte_in_signed_range_breaks_integrity(pki, trust):
    signed = bytearray(pdfs.sign(pdfs.letter_pdf(), pki.signer))
    signed[300] ^= 0x01  # inside ByteRange[0..1], the letter's own objects
    verdict = judge(bytes(signed), trust)
    assert not verdict.ok
    assert verdict.status.intact is False
    assert verdict.reason == "Tanda tangan rusak atau isi dokumen berubah setelah ditandatangani."


def test_allow_list_dates_bound_the_signer(pki):
    from datetime import date, timedelta

    from sisakat.services.signing.trust import AllowedEntry, build_trust_config

    signed = pdfs.sign(pdfs.letter_pdf(), pki.signer)
    ended = AllowedEntry(pki.signer.fingerprint, valid_until=date.today() - timedelta(days=1))
    config = build_trust_config(
        roots=[pki.root.der], intermediates=[pki.intermediate.der], allowed=[ended]
    )
    with pytest.raises(SignatureRejected, match="pejabat yang berwenang"):
        judge(signed, config)


def test_garbled_signature_blob_is_rejected_not_crashing(pki, trust):
    signed = pdfs.sign(pdfs.letter_pdf(), pki.signer)
    start = judge(signed, trust).byte_range[1]
    garbled = signed[: start + 2000] + b"00000000" + signed[start + 2008 :]
    with pytest.raises(SignatureRejected, match="Tanda tangan rusak"):
        judge(garbled, trust)
