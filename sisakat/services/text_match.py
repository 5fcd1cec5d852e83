"""The one rule of a staff search box: the column holds the text as typed, in any case, every
typed character literal (``%``, ``_`` and the backslash are no wildcards or escapes), the same
on SQLite, PostgreSQL (whose LIKE is case-sensitive) and MariaDB; and the one rule of a list
sorted by a name (``in_any_case``)."""

from __future__ import annotations

import sqlalchemy as sa

ESCAPE = "\\"


def contains_pattern(text: str) -> str:
    """The LIKE pattern for ``text`` anywhere, lower-cased, its wildcards and the escape
    character escaped (``matches`` reads it with ``ESCAPE``)."""
    escaped = text.lower().replace(ESCAPE, ESCAPE * 2)
    escaped = escaped.replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
    return f"%{escaped}%"


def matches(column, pattern) -> sa.ColumnElement[bool]:
    """``column`` lower-cased LIKE ``pattern``, a ``contains_pattern`` or a parameter bound to
    one at execution (a cached statement's)."""
    return sa.func.lower(column).like(pattern, escape=ESCAPE)


def contains(column, text: str) -> sa.ColumnElement[bool]:
    """``column`` holds ``text`` as typed, in any case."""
    return matches(column, contains_pattern(text))


def contains_any(columns, text: str) -> sa.ColumnElement[bool]:
    """One of ``columns`` holds ``text`` as typed, in any case."""
    pattern = contains_pattern(text)
    return sa.or_(*(matches(column, pattern) for column in columns))


def in_any_case(column) -> sa.ColumnElement:
    """``column`` as a list sorted by it reads it: in any case. Plain ``ORDER BY name`` put
    "PDI" before "Partai" and a name typed in lower case last on SQLite and PostgreSQL under
    the C collation, and mixed them on MariaDB's case-insensitive collation."""
    return sa.func.lower(column)
