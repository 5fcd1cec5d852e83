"""The longest letterhead lines the agency settings accept print at a readable size, inside
the margins and clear of the emblem, on A4 and F4: the form and the drawing read one rule
(``kop.unreadable``)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from sisakat.pdf import kop
from sisakat.pdf.skt import render_skt
from sisakat.services import office
from tests.pdf import helpers as h

GROW = "BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN PENUKAL ABAB LEMATANG ILIR SELATAN " * 3


def _longest(field: str, base: dict) -> str:
    """The longest start of ``GROW`` the settings accept in ``field``."""
    accepted = ""
    for end in range(1, len(GROW) + 1):
        if office.kop_problems({**base, field: GROW[:end]}):
            break
        accepted = GROW[:end]
    assert accepted != GROW  # the rule refused somewhere
    return accepted


def _runs(pdf: bytes) -> dict[str, tuple[float, float]]:
    """(x start, printed size in points) of each text run on page 1."""
    runs = {}

    def visit(text, cm, tm, _font, font_size):
        if text.strip():
            runs[text.strip()] = (tm[4] * cm[0] + cm[4], font_size * tm[0] * cm[0])

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("page_size", ["A4", "F4"])
def test_the_longest_accepted_lines_print_readably_inside_the_margins(page_size):
    agency = h.groups()["agency"]
    name = _longest("name", agency)
    government = _longest("government", agency)
    address = _longest("address", agency).title()
    assert not office.kop_problems({**agency, "address": address})
    ctx = h.replace(
        h.context(),
        kop_agency=name,
        kop_government=government,
        kop_lines=(address,),
        emblem_png=h.emblem(),
        page_size=page_size,
    )
    pdf = render_skt(ctx)
    runs = _runs(pdf)
    width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    for text, (font, _size, readable) in (
        (name, kop.AGENCY),
        (government, kop.GOVERNMENT),
        (address, kop.LINE),
    ):
        start, size = runs[text]
        assert size >= readable
        assert start > 20 * mm + kop.EMBLEM_SIZE  # clear of the emblem
        assert start + stringWidth(text, font, size) <= width - 20 * mm + 0.01
