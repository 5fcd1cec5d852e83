"""SIG-13: the BSrE client against the fake service, API v1 and v2."""

from __future__ import annotations

import socket

import pytest

from sisakat.exceptions import DomainError, SignatureRejected
from sisakat.services.signing.bsre import BsreConfig, BsreFailed
from sisakat.services.signing.validation import check
from tests.fakes.bsre import NIK
from tests.signing import bsre_helpers as h

VERSIONS = ["v1", "v2"]


@pytest.mark.parametrize("version", VERSIONS)
def test_sig13_success_returns_a_signed_letter_that_validates(fake_bsre, trust, version):
    h.client(fake_bsre, version).ensure_can_sign(NIK)
    signed = h.sign(fake_bsre, version)
    assert check(signed, trust).ok
    assert fake_bsre.requests[-1]["path"].endswith("/sign/pdf")


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    ("mode", "code", "message"),
    [
        (
            "2011",
            "2011",
            "NIK pada akun Anda belum terdaftar di BSrE sebagai pemilik sertifikat, sehingga "
            "surat belum ditandatangani. Minta Super Admin memeriksa NIK akun Anda "
            "(Administrasi → Pengguna), atau daftarkan sertifikat Anda di BSrE.",
        ),
        ("2031", "2031", "Passphrase salah."),
        ("500", "server", "Layanan BSrE sedang bermasalah. Coba lagi nanti."),
        ("nonpdf", "not_pdf", "Layanan BSrE tidak mengembalikan berkas PDF."),
        ("truncated", "truncated", "Berkas PDF dari layanan BSrE tidak utuh. Coba lagi."),
    ],
)
def test_sig13_service_errors_become_indonesian_messages(fake_bsre, version, mode, code, message):
    fake_bsre.mode = mode
    with pytest.raises(BsreFailed) as caught:
        h.sign(fake_bsre, version)
    assert isinstance(caught.value, DomainError)
    assert (caught.value.code, caught.value.message) == (code, message)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("status", ["EXPIRED", "SUSPEND", "REVOKE", "NOT_REGISTERED"])
def test_sig13_certificate_status_other_than_issue_stops_early(fake_bsre, version, status):
    fake_bsre.status = status
    with pytest.raises(BsreFailed) as caught:
        h.client(fake_bsre, version).ensure_can_sign(NIK)
    assert status in caught.value.message or "belum terdaftar" in caught.value.message
    assert fake_bsre.requests == []  # nothing was sent for signing


@pytest.mark.parametrize("version", VERSIONS)
def test_sig13_foreign_signer_is_rejected_by_validation(fake_bsre, trust, version):
    fake_bsre.mode = "foreign"
    signed = h.sign(fake_bsre, version)
    with pytest.raises(SignatureRejected, match="pejabat yang berwenang"):
        check(signed, trust)


@pytest.mark.parametrize("version", VERSIONS)
def test_sig13_stall_past_read_timeout(fake_bsre, version):
    fake_bsre.mode = "stall"
    with pytest.raises(BsreFailed) as caught:
        h.sign(fake_bsre, version, read_timeout=0.3)
    assert caught.value.message == "Layanan BSrE tidak menjawab tepat waktu. Coba lagi nanti."


def test_sig13_connection_refused_and_bad_credentials(fake_bsre):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    with pytest.raises(BsreFailed, match="tidak dapat dihubungi"):
        h.sign(fake_bsre, base_url=f"http://127.0.0.1:{closed_port}")
    with pytest.raises(BsreFailed, match="Kredensial aplikasi SISAKAT ditolak"):
        h.sign(fake_bsre, password="salah")


def test_sig13_config_reads_password_from_environment_and_refuses_unset(monkeypatch):
    monkeypatch.setenv("SISAKAT_BSRE_PASSWORD", "dari-lingkungan")
    config = BsreConfig.from_config(
        {"BSRE_BASE_URL": "http://10.0.0.5:8080/", "BSRE_USERNAME": "u"}
    )
    assert (config.base_url, config.password, config.read_timeout) == (
        "http://10.0.0.5:8080",
        "dari-lingkungan",
        60.0,
    )
    assert "dari-lingkungan" not in repr(config)
    with pytest.raises(BsreFailed, match="belum dikonfigurasi"):
        BsreConfig.from_config({})
