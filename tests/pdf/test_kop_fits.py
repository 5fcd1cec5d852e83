"""The letterhead stays on the page: a long agency name, government line or address (the
settings allow 200 characters) is set smaller instead of running off the page or under the
emblem."""

from __future__ import annotations

import io

from pypdf import PdfReader

from sisakat.pdf.skt import render_skt
from tests.pdf import helpers as h

LONG = "BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN PENUKAL ABAB LEMATANG ILIR " * 3


def _kop_spans(pdf: bytes) -> list[tuple[str, float, float]]:
    """(text, x start, x end) of each text run on page 1, from the content stream."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    spans = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            scale = tm[0] * cm[0]  # the font matrix's horizontal scale times the page's
            x = tm[4] * cm[0] + cm[4]
            name = str((font_dict or {}).get("/BaseFont", "Helvetica")).lstrip("/")
            try:
                width = stringWidth(text, name, font_size) * scale
            except KeyError:
                width = stringWidth(text, "Helvetica", font_size) * scale
            spans.append((text.strip(), x, x + width))

    page.extract_text(visitor_text=visit)
    return spans


def test_long_letterhead_lines_stay_inside_the_margins(tmp_path):
    ctx = h.replace(
        h.context(), kop_agency=LONG.strip(), kop_government=LONG.strip(), emblem_png=h.emblem()
    )
    ctx = h.replace(ctx, kop_lines=(LONG.strip(), *ctx.kop_lines))
    pdf = render_skt(ctx)
    width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    long_runs = [s for s in _kop_spans(pdf) if s[0].startswith("BADAN KESATUAN")]
    assert len(long_runs) == 3
    for _text, start, end in long_runs:
        assert start > 20 * 72 / 25.4  # right of the left margin (the emblem sits there)
        assert end < width - 15 * 72 / 25.4  # inside the right margin
