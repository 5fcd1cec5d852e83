"""The letterhead (kop surat), drawn on page one only by the ``onFirstPage`` callback."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from sisakat.pdf.fonts import BODY, BODY_BOLD, register_fonts

EMBLEM_SIZE = 24 * mm
MARGIN = 20 * mm
# (font, size, smallest readable size) of the government line, the agency name and each
# address/contact line. A line too long for its room is set smaller, down to the readable size;
# the agency settings refuse a line that would need less (``unreadable``: the one rule the
# form and this drawing share; a 200-character agency name was once set at about 4 pt).
# The emblem fits a square box; one more than three times as wide as tall (or the reverse)
# would print as a strip under 8 mm, so the agency settings refuse it (``emblem_too_thin``).
EMBLEM_MAX_RATIO = 3
GOVERNMENT = (BODY, 14.0, 10.0)
AGENCY = (BODY_BOLD, 16.0, 11.0)
LINE = (BODY, 10.0, 8.0)


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
    centre, room = text_room(page_width, margin, with_emblem=bool(emblem_png))
    y = top - 5 * mm
    _centred(canvas, centre, y, government, GOVERNMENT[:2], room)
    y -= 7 * mm
    _centred(canvas, centre, y, agency, AGENCY[:2], room)
    for line in lines:
        y -= 5 * mm
        _centred(canvas, centre, y, line, LINE[:2], room)
    _double_rule(canvas, page_height - kop_height(len(lines)), margin, page_width - margin)
    canvas.restoreState()


def text_room(page_width: float, margin: float, *, with_emblem: bool) -> tuple[float, float]:
    """The centre of the kop's text and the width a line has there, clear of the emblem."""
    centre = page_width / 2 + (EMBLEM_SIZE / 2 if with_emblem else 0)
    left = margin + (EMBLEM_SIZE + 2 * mm if with_emblem else 0)
    return centre, 2 * min(centre - left, page_width - margin - centre)


def emblem_too_thin(width: int, height: int) -> bool:
    """Whether an emblem of ``width`` x ``height`` pixels would print thinner than a third of
    its box (``EMBLEM_SIZE``) on its short side."""
    return max(width, height) > EMBLEM_MAX_RATIO * min(width, height)


def fitted_size(text: str, font: str, size: float, room: float) -> float:
    """``size``, or the smaller size at which ``text`` fits in ``room``."""
    width = stringWidth(text, font, size)
    return size * room / width if width > room else size


def unreadable(text: str, line: tuple[str, float, float]) -> bool:
    """Whether ``text`` as the kop ``line`` (``GOVERNMENT``, ``AGENCY``, ``LINE``) would print
    below its readable size on the narrowest page (A4) beside an emblem (one may be added
    later without the text being saved again)."""
    font, size, smallest = line
    register_fonts()  # the settings form measures before any letter was drawn
    _centre, room = text_room(A4[0], MARGIN, with_emblem=True)
    return fitted_size(text, font, size, room) < smallest


def _centred(canvas: Canvas, x: float, y: float, text: str, face: tuple, room: float) -> None:
    """One centred line in ``face`` (font, size), or smaller when it would not fit in ``room``:
    a long agency name or address stays on the page and clear of the emblem (a line longer
    than the settings now allow, saved before, still goes smaller rather than off the page)."""
    font, size = face
    canvas.setFont(font, fitted_size(text, font, size, room))
    canvas.drawCentredString(x, y, text)


def _double_rule(canvas: Canvas, y: float, x0: float, x1: float) -> None:
    """The closing rule of the kop: thick (2 pt) over thin (0.5 pt), about 1.2 mm apart."""
    canvas.setLineWidth(2)
    canvas.line(x0, y, x1, y)
    canvas.setLineWidth(0.5)
    canvas.line(x0, y - 1.2 * mm, x1, y - 1.2 * mm)
