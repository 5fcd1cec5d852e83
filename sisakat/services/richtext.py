"""Formatted text the super admin writes (service standard, FAQ answers), made safe with nh3.

We store HTML, not markdown: no markdown library is pinned, a future WYSIWYG editor would produce
HTML anyway, and the allow-list below is small enough to type by hand. Plain text without tags is
accepted too and turned into paragraphs and lists ("- " lines). The text is sanitised when saved
AND when shown, so a row edited outside the app, or an allow-list narrowed later, is still safe.
"""

from __future__ import annotations

import re

import nh3
from markupsafe import Markup, escape

TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "a", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_TAG = re.compile(r"<[a-zA-Z/!]")


def _plain_to_html(text: str) -> str:
    """Blank-line separated paragraphs; consecutive "- " or "* " lines become a list."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if lines and all(ln[:2] in ("- ", "* ") for ln in lines):
            items = "".join(f"<li>{escape(ln[2:].strip())}</li>" for ln in lines)
            blocks.append(f"<ul>{items}</ul>")
        elif lines:
            blocks.append("<p>" + "<br>".join(str(escape(ln)) for ln in lines) + "</p>")
    return "".join(blocks)


def sanitise(text: str | None) -> str:
    """Safe HTML from admin input (HTML with the allowed tags, or plain text)."""
    text = (text or "").strip()
    if not text:
        return ""
    html = text if _TAG.search(text) else _plain_to_html(text)
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render(stored: str | None) -> Markup:
    """Stored formatted text as markup for a template (sanitised again on the way out)."""
    return Markup(sanitise(stored))  # noqa: S704 - nh3 output is safe HTML


def is_blank(text: str | None) -> bool:
    """Whether ``text`` shows nothing once sanitised (empty, spaces, ``<p> </p>``, ``&nbsp;``)."""
    return not re.sub(r"<[^>]*>|&nbsp;|&#160;|\s", "", sanitise(text))
