"""SIG-12: in-app PAdES keeps the unsigned bytes as a prefix, validates, and fails cleanly."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sisakat.exceptions import SigningFailed
from sisakat.services.signing.pades import PadesBackend, SignJob
from sisakat.services.signing.validation import judge, match_letter
from tests.pki import P12_PASSPHRASE
from tests.signing import pdfs

JOB = SignJob(reason="Penerbitan SKT", location="Palembang")


def test_sig12_pades_output_extends_unsigned_bytes_and_validates(pki, trust):
    unsigned = pdfs.letter_pdf()
    signed = PadesBackend(pki.signer.p12_path).sign(unsigned, JOB, P12_PASSPHRASE)
    assert signed.startswith(unsigned)
    verdict = judge(signed, trust)
    assert verdict.ok
    a = pdfs.PARTY_A
    match = match_letter(signed, unsigned=unsigned, code=a.code, number_text=a.number,
                         party_name=a.party, byte_range=verdict.byte_range)  # fmt: skip
    assert match.tier == "A"
    assert verdict.status.signing_cert.subject.native["common_name"] == "Dr. Contoh Pejabat, M.Si."


def test_sig12_stamp_is_indonesian_with_embedded_font(pki):
    signed = PadesBackend(pki.signer.p12_path).sign(pdfs.letter_pdf(), JOB, P12_PASSPHRASE)
    reader = PdfReader(io.BytesIO(signed))
    annots = [a.get_object() for a in reader.pages[0]["/Annots"]]
    stamp = annots[0]["/AP"]["/N"].get_object()
    fonts = stamp["/Resources"]["/Font"]
    font = next(iter(fonts.values())).get_object()
    assert "LiberationSans" in font["/BaseFont"]
    assert "/FontFile2" in font["/DescendantFonts"][0].get_object()["/FontDescriptor"]


def test_sig12_passphrase_from_environment(pki, trust, monkeypatch):
    monkeypatch.setenv("SISAKAT_P12_PASSPHRASE", P12_PASSPHRASE)
    signed = PadesBackend(pki.signer.p12_path).sign(pdfs.letter_pdf(), JOB, None)
    assert judge(signed, trust).ok


def test_sig12_wrong_passphrase_raises_and_writes_nothing(pki, tmp_path):
    before = sorted(p.name for p in pki.signer.p12_path.parent.iterdir())
    with pytest.raises(SigningFailed) as caught:
        PadesBackend(pki.signer.p12_path).sign(pdfs.letter_pdf(), JOB, "bukan-frasa-ini")
    assert caught.value.message == "Sertifikat PKCS#12 atau kata sandinya tidak valid."
    assert "bukan-frasa-ini" not in repr(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None
    assert sorted(p.name for p in pki.signer.p12_path.parent.iterdir()) == before


def test_sig12_no_passphrase_typed_or_set_says_so(pki, monkeypatch):
    # The signer left the box empty and the server sets none: "the certificate or its
    # password is invalid" sent them looking for a broken certificate.
    monkeypatch.delenv("SISAKAT_P12_PASSPHRASE", raising=False)
    with pytest.raises(SigningFailed) as caught:
        PadesBackend(pki.signer.p12_path).sign(pdfs.letter_pdf(), JOB, None)
    assert caught.value.message == (
        "Passphrase belum diisi. Ketik passphrase sertifikat, lalu tandatangani lagi."
    )


def test_sig12_missing_p12_configuration_is_refused():
    with pytest.raises(SigningFailed, match="belum dikonfigurasi"):
        PadesBackend.from_config({"SIGNING_P12_PATH": ""})
