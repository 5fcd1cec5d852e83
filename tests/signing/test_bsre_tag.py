"""SIG-14 (second half), SIGNING.md §9: placing BSrE's visible signature by ``tag_koordinat``.
The fake service, like the real one, looks for the marker's text in the uploaded PDF."""

from __future__ import annotations

import dataclasses

import pytest

from sisakat.pdf.skt import render_skt
from sisakat.services.signing.bsre import BsreFailed
from sisakat.services.signing.validation import check
from tests.pdf import helpers as pdf_helpers
from tests.signing import bsre_helpers as h
from tests.signing import pdfs

VERSIONS = ["v1", "v2"]
COORDINATES = {"page", "xAxis", "yAxis", "originX", "originY"}


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("marker", ["[qr_bsre]", "#", "$"])
def test_a_letter_printing_the_marker_signs_by_it(fake_bsre, trust, version, marker):
    letter = render_skt(pdf_helpers.replace(pdf_helpers.context(), signature_tag=marker))
    job = dataclasses.replace(h.JOB, tag=marker)
    signed = h.client(fake_bsre, version).sign(letter, job, h.fake_module.PASSPHRASE)
    assert check(signed, trust).ok
    seen = fake_bsre.requests[-1]
    assert seen["tag"] == marker
    sent = set(seen["fields"] if version == "v1" else seen["props"])
    assert "tag_koordinat" in sent
    assert not sent & COORDINATES  # the marker instead of the page and position
    assert {"width", "height"} <= sent  # the size of the mark stays ours


@pytest.mark.parametrize("version", VERSIONS)
def test_by_default_the_signature_is_placed_by_coordinates(fake_bsre, version):
    h.sign(fake_bsre, version)
    seen = fake_bsre.requests[-1]
    sent = set(seen["fields"] if version == "v1" else seen["props"])
    assert seen["tag"] is None
    assert {"page", "width", "height"} <= sent
    assert {"xAxis", "yAxis"} <= sent if version == "v1" else {"originX", "originY"} <= sent


@pytest.mark.parametrize("version", VERSIONS)
def test_a_marker_missing_from_the_letter_gives_a_clear_indonesian_message(fake_bsre, version):
    """OpenSID #10765: the marker mangled by rendering, and signing failed without saying why."""
    job = dataclasses.replace(h.JOB, tag="[qr_bsre]")
    with pytest.raises(BsreFailed) as caught:
        h.client(fake_bsre, version).sign(pdfs.letter_pdf(), job, h.fake_module.PASSPHRASE)
    assert caught.value.code == "no_tag"
    assert caught.value.message == (
        'Layanan BSrE tidak menemukan penanda posisi tanda tangan ("[qr_bsre]") di dalam surat, '
        "sehingga surat belum ditandatangani. Minta administrator memeriksa "
        "SISAKAT_BSRE_TAG_KOORDINAT (atau mengosongkannya agar tanda tangan ditempatkan "
        "menurut koordinat), lalu coba lagi."
    )
    assert h.fake_module.PASSPHRASE not in caught.value.message
