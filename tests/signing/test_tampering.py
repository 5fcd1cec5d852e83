"""SIG-5..SIG-8: changes after signing, re-saved files, the wrong letter, unsigned files."""

from __future__ import annotations

import pytest

from sisakat.exceptions import SignatureRejected
from sisakat.services.signing.validation import judge, match_letter, signed_revision_text
from tests.signing import pdfs


def test_sig5_text_appended_after_signing_is_rejected(pki, trust):
    signed = pdfs.sign(pdfs.letter_pdf(), pki.signer)
    tampered = pdfs.append_text(signed, "BERLAKU SELAMANYA")
    verdict = judge(tampered, trust)
    assert not verdict.ok
    assert verdict.status.coverage.name == "ENTIRE_REVISION"
    assert verdict.status.modification_level.name == "OTHER"
    assert verdict.status.docmdp_ok is False
    assert verdict.reason == "Ada perubahan pada dokumen setelah ditandatangani."
    # Tier B reads only the signed revision: the appended words are not there.
    text = signed_revision_text(tampered, verdict.byte_range)
    assert "BERLAKU SELAMANYA" not in text
    assert pdfs.PARTY_A.code in text


def test_sig6_resaved_by_pypdf_is_rejected(pki, trust):
    signed = pdfs.sign(pdfs.letter_pdf(), pki.signer)
    try:
        verdict = judge(pdfs.resave_with_pypdf(signed), trust)
    except SignatureRejected:
        return  # refusing to parse is a rejection too
    assert not verdict.ok
    assert verdict.status.coverage.name != "ENTIRE_FILE"


def test_sig7_party_a_letter_does_not_match_party_b(pki, trust):
    signed = pdfs.sign(pdfs.letter_pdf(pdfs.PARTY_A), pki.signer)
    verdict = judge(signed, trust)
    assert verdict.ok  # a perfectly valid signature ...
    b = pdfs.PARTY_B
    match = match_letter(
        signed,
        unsigned=pdfs.letter_pdf(pdfs.PARTY_B),
        code=b.code,
        number_text=b.number,
        party_name=b.party,
        byte_range=verdict.byte_range,
    )
    assert match.tier is None  # ... on the wrong letter: manual review, never auto-accepted
    assert match.details["found"] == {"code": False, "number": False, "party_name": False}


def test_sig7_tier_b_normalises_case_and_whitespace(pki, trust):
    signed = pdfs.sign(pdfs.letter_pdf(), pki.signer)
    verdict = judge(signed, trust)
    a = pdfs.PARTY_A
    match = match_letter(
        signed,
        unsigned=None,
        code=a.code.lower(),
        number_text=f" {a.number} ",
        party_name="PARTAI  CONTOH\nSEJAHTERA",
        byte_range=verdict.byte_range,
    )
    assert match.tier == "B"


@pytest.mark.parametrize(
    ("make_pdf", "message"),
    [
        (lambda: pdfs.letter_pdf(), "Berkas tidak bertanda tangan elektronik."),
        (
            lambda: pdfs.letter_pdf(empty_field=True),
            "Berkas tidak bertanda tangan: kolom tanda tangan masih kosong.",
        ),
        (lambda: b"PK\x03\x04 bukan pdf", "Berkas bukan PDF."),
        (lambda: pdfs.letter_pdf()[:700], "Berkas PDF rusak atau tidak dapat dibaca."),
    ],
)
def test_sig8_unsigned_empty_field_and_garbage_are_rejected(trust, make_pdf, message):
    with pytest.raises(SignatureRejected) as caught:
        judge(make_pdf(), trust)
    assert caught.value.message == message
