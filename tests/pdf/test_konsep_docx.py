"""PDF-6: the SRIKANDI konsep as .docx keeps SRIKANDI's variables verbatim, each in one run."""

import io
import shutil
import subprocess

import pytest
from docx import Document

from sisakat.pdf.konsep_docx import render_konsep_docx
from sisakat.pdf.skt import render_skt
from sisakat.services.letter_profile import sample_profile
from tests.conftest import require_or_skip
from tests.pdf import helpers as h

PLACEHOLDERS = ("${nomor_naskah}", "${tgl_naskah}", "${ttd_pengirim}")


def _doc(ctx):
    return Document(io.BytesIO(render_konsep_docx(ctx)))


def test_srikandi_placeholders_are_whole_runs():
    doc = _doc(h.context(srikandi=True))
    runs = [run.text for p in doc.paragraphs for run in p.runs]
    for placeholder in PLACEHOLDERS:
        assert placeholder in runs
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Nomor : ${nomor_naskah}" in text
    assert "Palembang, ${tgl_naskah}" in text
    assert h.NUMBER not in text


def test_same_text_as_the_letter_and_literal_markup():
    profile = sample_profile()
    profile["party_name"] = '<img src="/etc/hostname"/> & <b>X</b>'
    profile["reporter_position"] = "Ketua\x07\x0b Umum"  # control characters are dropped
    doc = _doc(h.context(profile))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(cells)
    for value in (
        h.NUMBER,
        "Palembang, 13 Juni 2025",
        "NIP 19700101 199501 1 001",
        h.CODE,
        '<img src="/etc/hostname"/> & <b>X</b> (PCS)',
        "Rina Percobaan",
        "Susunan Pengurus",
    ):
        assert value in text
    assert doc.core_properties.keywords == f"sisakat:{h.CODE}"


@pytest.mark.pdf_tools
def test_the_konsep_carries_the_qr_code_that_opens_the_public_page(tmp_path):
    """SIGNING.md §10: SISAKAT's QR stays in the letter SRIKANDI signs; the .docx had only the
    code and the URL as text. The picture in the .docx decodes to the verification URL."""
    doc = _doc(h.context())
    pictures = [
        rel.target_part.blob for rel in doc.part.rels.values() if rel.reltype.endswith("/image")
    ]
    assert pictures
    if shutil.which("zbarimg") is None:
        require_or_skip("zbarimg (zbar-tools) tidak ditemukan")
    decoded = []
    for n, blob in enumerate(pictures):
        (tmp_path / f"gambar{n}.png").write_bytes(blob)
        read = subprocess.run(
            ["zbarimg", "-q", "--raw", str(tmp_path / f"gambar{n}.png")],
            capture_output=True,
            text=True,
        )
        decoded += read.stdout.split()
    assert h.URL in decoded


@pytest.mark.parametrize("srikandi", [True, False])
def test_a_place_with_a_comma_is_printed_once_like_on_the_pdf(srikandi):
    """An office dating its letters "Sentani, Kabupaten Contoh Raya": the konsep printed the
    part after the comma twice ("Sentani, Kabupaten Contoh Raya, Kabupaten Contoh Raya,
    ${tgl_naskah}"), so SRIKANDI signed a date line the PDF does not have."""
    ctx = h.replace(h.context(srikandi=srikandi), place="Sentani, Kabupaten Contoh Raya")
    text = [p.text for p in _doc(ctx).paragraphs]
    assert ctx.shown_date in text
    assert ctx.shown_date == f"Sentani, Kabupaten Contoh Raya, {ctx.shown_day}"
    pdf_text = " ".join(" ".join(h.pages_text(render_skt(ctx))).split())
    assert ctx.shown_date in pdf_text
