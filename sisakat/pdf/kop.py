"""The letterhead (kop surat), drawn on page one only by the ``onFirstPage`` callback."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from sisakat.pdf.fonts import BODY, BODY_BOLD

EMBLEM_SIZE = 24 * mm


def kop_height(n_lines: int) -> float:
    """Distance from the top edge to the thick rule for ``n_lines`` address/contact lines."""
    return max(38 * mm, (28 + 5 * n_lines) * mm)


def draw_kop(
    canvas: Canvas,
    *,
    page_width: float,
    page_height: float,
    margin: float,
    government: str,
    agency: str,
    lines: Sequence[str],
    emblem_png: bytes | None,
) -> None:
    """Emblem left, centred government line, agency name bold and larger, address and contact
    lines, then the closing double rule (2 pt over 0.5 pt about 1.2 mm apart)."""
    top = page_height - 12 * mm
    canvas.saveState()
    if emblem_png:
        canvas.drawImage(
            ImageReader(io.BytesIO(emblem_png)),
            margin,
            top - EMBLEM_SIZE,
            width=EMBLEM_SIZE,
            height=EMBLEM_SIZE,
            preserveAspectRatio=True,
            mask="auto",
        )
    centre = page_width / 2 + (EMBLEM_SIZE / 2 if emblem_png else 0)
    left = margin + (EMBLEM_SIZE + 2 * mm if emblem_png else 0)
    room = 2 * min(centre - left, page_width - margin - centre)  # centred, clear of the emblem
    y = top - 5 * mm
    _centred(canvas, centre, y, government, BODY, 14, room)
    y -= 7 * mm
    _centred(canvas, centre, y, agency, BODY_BOLD, 16, room)
    for line in lines:
        y -= 5 * mm
        _centred(canvas, centre, y, line, BODY, 10, room)
    _double_rule(canvas, page_height - kop_height(len(lines)), margin, page_width - margin)
    canvas.restoreState()


def _centred(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, room: float):
    """One centred line at ``size``, or smaller when it would not fit in ``room``: a long
    agency name or address stays on the page and clear of the emblem."""
    width = stringWidth(text, font, size)
    if width > room:
        size = size * room / width
    canvas.setFont(font, size)
    canvas.drawCentredString(x, y, text)


def _double_rule(canvas: Canvas, y: float, x0: float, x1: float) -> None:
    """The closing rule of the kop: thick (2 pt) over thin (0.5 pt), about 1.2 mm apart."""
    canvas.setLineWidth(2)
    canvas.line(x0, y, x1, y)
    canvas.setLineWidth(0.5)
    canvas.line(x0, y - 1.2 * mm, x1, y - 1.2 * mm)
