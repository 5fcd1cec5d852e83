"""Where the visible TTE mark goes: in the signature block's blank space above the signer's
name, on whichever page the block landed (a long board list pushes it to page 2).

The letter is drawn once and stored; rather than remember coordinates from the drawing, the
signing step reads them back from the stored PDF: the last line that carries the signer's name
is the name line of the signature block, and the mark sits just above it."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)

MARK_WIDTH = 220  # points: the stamp's three short lines at 8 pt
MARK_HEIGHT = 44  # points: inside the 18 mm (51 pt) left blank above the name
GAP = 3  # points between the mark and the top of the name line


@dataclass(frozen=True)
class Place:
    """A page (1-based, as BSrE counts) and a box in PDF points (x1, y1, x2, y2)."""

    page: int
    box: tuple[int, int, int, int]


def signature_place(pdf: bytes, signer_name: str) -> Place | None:
    """The box above the last line that starts with ``signer_name``; None when the name is
    not found (the caller keeps its default box)."""
    from pypdf import PdfReader

    wanted = " ".join(signer_name.split())
    if not wanted:
        return None
    found: Place | None = None
    try:
        reader = PdfReader(io.BytesIO(pdf))
        for number, page in enumerate(reader.pages, start=1):
            hits: list[tuple[float, float, float]] = []

            def visit(text, cm, tm, _font, size, hits=hits):
                if " ".join(str(text).split()).startswith(wanted):
                    x = tm[4] * cm[0] + cm[4]
                    y = tm[5] * cm[3] + cm[5]
                    hits.append((x, y, size * tm[3] * cm[3] or size))

            page.extract_text(visitor_text=visit)
            if hits:
                x, y, size = hits[-1]
                bottom = y + size + GAP
                right = min(x + MARK_WIDTH, float(page.mediabox.width))
                found = Place(number, (int(x), int(bottom), int(right), int(bottom + MARK_HEIGHT)))
    except Exception:  # noqa: BLE001 - a PDF we cannot read keeps the default placement
        log.warning("signature place not found: unreadable PDF")
        return None
    return found


def occurrences(pdf: bytes, text: str) -> int:
    """How often ``text`` appears in the PDF's extracted text (0 for an unreadable PDF): a
    placement marker is trusted only when it appears exactly once."""
    from pypdf import PdfReader

    try:
        pages = PdfReader(io.BytesIO(pdf)).pages
        return sum(page.extract_text().count(text) for page in pages) if text else 0
    except Exception:  # noqa: BLE001 - a PDF we cannot read is placed by coordinates
        log.warning("marker not counted: unreadable PDF")
        return 0
