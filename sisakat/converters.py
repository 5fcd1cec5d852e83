"""URL converters shared by every blueprint, the one parser for integers typed or forged in
forms and query strings, and the years a typed date may have."""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

PLAUSIBLE_YEARS = range(1945, 2101)  # typed dates outside these years are typos (0202 for 2026)
MAX_ID = 2**31 - 1  # a signed 32-bit INTEGER: the smallest id column of the three databases
_DIGITS = frozenset("0123456789")


def parse_int(raw: object, *, low: int = 0, high: int = MAX_ID) -> int | None:
    """The integer in ``raw`` (surrounding spaces and one leading minus allowed), or None when it
    is not ASCII digits or lies outside ``[low, high]``.

    ``str.isdigit`` accepts "²" and "٣" (``int()`` refuses the first and reads the second), and
    ``int()`` raises on more than 4,300 digits; a 20-digit number would overflow the database's
    INTEGER (SQLite OverflowError, PostgreSQL "out of range") as a 500. The length check comes
    before ``int()``, so a forged megabyte of digits costs nothing."""
    if not isinstance(raw, str | int) or isinstance(raw, bool):
        return None
    text = str(raw).strip()
    digits = text[1:] if text.startswith("-") else text
    if not digits or len(digits) > len(str(max(abs(low), abs(high)))) or set(digits) - _DIGITS:
        return None
    value = int(text)
    return value if low <= value <= high else None


class BoundedIntConverter(IntegerConverter):
    """``<int:...>`` limited to a signed 32-bit id: a forged 20-digit id answers 404 instead of
    overflowing the database driver (SQLite OverflowError, PostgreSQL "out of range") as a 500."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 - Werkzeug's signature
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def init_app(app: Flask) -> None:
    """Replace the ``int`` converter; must run before the blueprints register their rules."""
    app.url_map.converters["int"] = BoundedIntConverter
