"""Free TrueType fonts shipped with the app (Liberation, metric-compatible with Times/Arial).

Registered once per process under family names ``Body`` (Liberation Serif) and ``Sans``
(Liberation Sans) with ``registerFontFamily`` so ``<b>``/``<i>`` find the right face. TrueType is
embedded as a subset: ``pdffonts`` then shows every font ``emb yes``.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
BODY = "Body"
BODY_BOLD = "Body-Bold"
SANS = "Sans"
SANS_BOLD = "Sans-Bold"
_FAMILIES = {"Body": "LiberationSerif", "Sans": "LiberationSans"}
_FACES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}
_lock = threading.Lock()
_done = False


def register_fonts() -> None:
    """Register both families (idempotent, thread-safe)."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        for family, stem in _FAMILIES.items():
            for suffix, face in _FACES.items():
                pdfmetrics.registerFont(
                    TTFont(family + suffix, str(FONT_DIR / f"{stem}-{face}.ttf"))
                )
            pdfmetrics.registerFontFamily(
                family,
                normal=family,
                bold=f"{family}-Bold",
                italic=f"{family}-Italic",
                boldItalic=f"{family}-BoldItalic",
            )
        _done = True
