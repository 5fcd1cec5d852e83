"""The one rule of which board titles fill the required positions (Ketua, Sekretaris,
Bendahara), in Python and in SQL, used by the profile checks, the profile form, the ormas
registry and the similar-ormas check; and of which rows a saved board leaves out (``kept``: a
row without a name whose title is no required position).

Office decision: a title fills a position when, without letter case and with runs of spaces
squashed, it is the position's word alone or followed by "Umum" ("Ketua", "Ketua Umum"), and
"Sekretaris Jenderal" fills Sekretaris. "Wakil Ketua", "Ketua Bidang ...", "Ketua Harian" do not.
The title is stored and printed as the board typed it; only the comparison squashes it.

Both sides squash ASCII spaces only and lower-case; typed text is NFC with its Unicode spaces
(U+00A0 from Word, say) folded to plain ones (``clean_text``), so a pasted "Ketua Umum" is
stored with a plain space, and no non-ASCII letter lowers into these ASCII spellings. MariaDB
compares under its accent-blind collation, so the SQL side compares there under
``utf8mb4_bin`` ("Kétua" counts nowhere).
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

REQUIRED_POSITIONS = ("Ketua", "Sekretaris", "Bendahara")
SPELLINGS = {
    "Ketua": ("ketua", "ketua umum"),
    "Sekretaris": ("sekretaris", "sekretaris umum", "sekretaris jenderal"),
    "Bendahara": ("bendahara", "bendahara umum"),
}
# What the refusals name: the titles that count.
ACCEPTED = {
    "Ketua": "Ketua atau Ketua Umum",
    "Sekretaris": "Sekretaris, Sekretaris Umum atau Sekretaris Jenderal",
    "Bendahara": "Bendahara atau Bendahara Umum",
}
_SPACES = re.compile(" {2,}")
# Each pass of replace('  ', ' ') halves a run of spaces: 7 passes squash any run in String(120).
_SQL_PASSES = 7


def title_key(title: str | None) -> str:
    """A title for comparison: spaces trimmed, runs of spaces squashed, lower case."""
    return _SPACES.sub(" ", (title or "").strip(" ")).lower()


def fills(title: str | None, position: str) -> bool:
    """``title`` fills the required ``position`` (one of ``REQUIRED_POSITIONS``)."""
    return title_key(title) in SPELLINGS[position]


def missing(titles) -> list[str]:
    """The required positions none of ``titles`` fills."""
    titles = list(titles)
    return [p for p in REQUIRED_POSITIONS if not any(fills(t, p) for t in titles)]


def dropped(title: str | None, name: str | None) -> bool:
    """A board row left out silently instead of refused: no name, and a title (if any) that
    fills no required position (the suggested "Wakil Ketua" row left empty, a blank row). A
    required position without a name is kept, so the checks name it."""
    return not (name or "").strip() and not any(fills(title, p) for p in REQUIRED_POSITIONS)


def kept(rows) -> list[tuple[str, str]]:
    """The (title, name) rows a board stores: all but the ``dropped`` ones, in order."""
    return [(title, name) for title, name in rows if not dropped(title, name)]


class _Exact(FunctionElement):
    """Its one argument, compared byte for byte on MariaDB (as on SQLite and PostgreSQL)."""

    type = sa.String()
    name = "exact"
    inherit_cache = True


@compiles(_Exact)
def _as_is(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


@compiles(_Exact, "mysql")
@compiles(_Exact, "mariadb")
def _binary(element, compiler, **kw):
    return f"({compiler.process(element.clauses, **kw)}) COLLATE utf8mb4_bin"


def fills_sql(column, position: str) -> sa.ColumnElement[bool]:
    """SQL: the title in ``column`` fills ``position``, as ``fills`` says."""
    squashed = column
    for _ in range(_SQL_PASSES):
        squashed = sa.func.replace(squashed, "  ", " ")
    return _Exact(sa.func.lower(sa.func.trim(squashed))).in_(SPELLINGS[position])
