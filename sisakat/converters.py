"""URL converters shared by every blueprint."""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # a signed 32-bit INTEGER: the smallest id column of the three databases


class BoundedIntConverter(IntegerConverter):
    """``<int:...>`` limited to a signed 32-bit id: a forged 20-digit id answers 404 instead of
    overflowing the database driver (SQLite OverflowError, PostgreSQL "out of range") as a 500."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 - Werkzeug's signature
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def init_app(app: Flask) -> None:
    """Replace the ``int`` converter; must run before the blueprints register their rules."""
    app.url_map.converters["int"] = BoundedIntConverter
