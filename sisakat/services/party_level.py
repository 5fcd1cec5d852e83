"""A party board's level (tingkat kepengurusan): the one rule, read in Python (``board_level``,
for a board or a row) and in SQL (``board_level_sql``, for filters, counts and the offered
levels), kept side by side so they cannot drift apart."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from sisakat.formatting import region_parts, wilayah
from sisakat.models import ApplicantKind, Level, Party
from sisakat.services import office

# The column's type: a bound level is written as the column stores it on every database.
LEVEL_TYPE = Party.__table__.c.level.type


def board_level(party: Any) -> Level | None:
    """A party board's level: its own, else the office's only level (``office.only_level``).
    A board that signed up at a regency or city office before sign-up stored that level has
    none until it saves its profile (which stores it); it is not asked for it and its letter
    prints it. At a province office a board without a level has none (a profile gap); an ormas
    has no board level. ``party``: a Party, a row with ``kind`` and ``level``, or None.
    ``board_level_sql`` is the same rule in SQL: change both together."""
    if getattr(party, "kind", None) is ApplicantKind.ORMAS:
        return None
    return getattr(party, "level", None) or office.only_level()


def board_level_sql(only_level: sa.ColumnElement | None = None) -> sa.ColumnElement:
    """``board_level`` as a SQL expression over ``Party`` (change both together): NULL for an
    ormas (whatever its row holds), else the stored level, else the office's only level.
    ``only_level`` stands for that level: by default ``office.only_level()`` now, bound with the
    column's type; a cached statement passes ``sa.bindparam(name, type_=LEVEL_TYPE)`` and binds
    the value per execution (``office.only_level()``). Typed as the column: rows read ``Level``."""
    if only_level is None:
        only_level = sa.literal(office.only_level(), LEVEL_TYPE)
    own_or_only = sa.func.coalesce(Party.level, only_level, type_=LEVEL_TYPE)
    rule = sa.case((Party.kind == ApplicantKind.ORMAS, sa.null()), else_=own_or_only)
    return sa.type_coerce(rule, LEVEL_TYPE)


def level_text(party: Any) -> str:
    """``Kabupaten Musi Banyuasin``: the board's level (``board_level``) and region as the
    letter prints them (``formatting.wilayah``)."""
    level = board_level(party)
    return wilayah(level.label if level else "", party.region_name)


LEVEL_WORDS = {level.label: level for level in Level}


def region_problem(level: Level | None, region_name: str | None) -> str | None:
    """Why ``region_name`` cannot go with ``level``: it starts with another level's word
    ("Kota Palembang" for a Provinsi board would print "Provinsi Kota Palembang"); None when it
    starts with the level's own word, with no level word, or there is no level yet."""
    word, _name = region_parts(region_name)
    if level is None or word not in LEVEL_WORDS or LEVEL_WORDS[word] is level:
        return None
    return (
        f'Nama wilayah diawali "{word}", tetapi tingkat kepengurusan yang dipilih {level.label}: '
        f'surat akan mencetak "{wilayah(level.label, region_name)}". Pilih tingkat {word}, atau '
        f'tulis nama wilayah tanpa kata "{word}".'
    )
