"""Form pieces every blueprint uses: text cleaning, the POST action form, Indonesian messages."""

from __future__ import annotations

import unicodedata

from flask_wtf import FlaskForm
from wtforms import HiddenField, ValidationError

CONTROL_OK = {"\n", "\t"}


def clean_text(value: object) -> object:
    """WTForms filter: strip, NFC-normalise and turn CRLF into LF (None and non-str unchanged)."""
    if not isinstance(value, str):
        return value
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def no_control_chars(form, field) -> None:
    """WTForms validator: refuse NUL and other control or bidi-override characters."""
    data = field.data
    if not isinstance(data, str):
        return
    for ch in data:
        if ch in CONTROL_OK:
            continue
        if (
            unicodedata.category(ch) == "Cc"
            or ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        ):
            raise ValidationError("Teks memuat karakter yang tidak diizinkan.")


def single_line(form, field) -> None:
    """WTForms validator: no line breaks in a one-line field."""
    if isinstance(field.data, str) and ("\n" in field.data or "\t" in field.data):
        raise ValidationError("Isian ini harus satu baris.")


MAX_PAGE = 100_000


def page_number(args, name: str = "halaman") -> int:
    """The 1-based page number from a query string; junk, zero, negative or huge values give a
    valid page (a 40-digit number would overflow the database's integer and answer 500)."""
    raw = (args.get(name) or "").strip()
    return min(int(raw), MAX_PAGE) if raw.isdigit() and raw.isascii() and int(raw) > 0 else 1


def enum_or_none(enum_cls, value):
    """The enum member for a query-string value, or None for empty or forged values."""
    try:
        return enum_cls(value) if value else None
    except ValueError:
        return None


def year_param(args, name: str = "tahun") -> int | None:
    """A plausible year from a query string (1900-2999), else None."""
    raw = (args.get(name) or "").strip()
    if raw.isdigit() and raw.isascii() and len(raw) == 4 and 1900 <= int(raw) <= 2999:
        return int(raw)
    return None


TEXT = {"filters": [clean_text], "validators": []}


class ActionForm(FlaskForm):
    """An empty POST form for state-changing buttons: CSRF token plus the version the user saw."""

    version = HiddenField()

    def seen_version(self) -> int | None:
        """The version the page showed, or None when absent or malformed (forged)."""
        raw = (self.version.data or "").strip()
        return int(raw) if raw.isdigit() else None
