"""A letter of another office and service carries that office's and service's words, in its
text and in the PDF's own metadata (what a viewer's document properties show)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.letters.helpers import prepared_letter, unsigned


def test_an_ormas_letter_is_not_described_as_a_surat_keterangan_terdaftar(app, make):
    """The Surat Keterangan Melapor's PDF said Subject 'Surat Keterangan Terdaftar', the party
    SKT's subject, whatever the service's title was."""
    ormas_pdf = PdfReader(io.BytesIO(unsigned(prepared_letter(make.ormas()))))
    assert "SURAT KETERANGAN MELAPOR" in ormas_pdf.pages[0].extract_text()
    assert ormas_pdf.metadata.subject == "Surat Keterangan Melapor"
    party_pdf = PdfReader(io.BytesIO(unsigned(prepared_letter())))
    assert party_pdf.metadata.subject == "Surat Keterangan Terdaftar"
