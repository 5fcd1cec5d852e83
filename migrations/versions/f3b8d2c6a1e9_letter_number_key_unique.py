"""letter_numbers.number_key: the register is unique by the database, spelling aside

Two texts are the same letter number with spaces and letter case aside ("200.1.5.3 / 1 /
ban.kbp / 2026" is "200.1.5.3/1/BAN.KBP/2026"). Until now only a query before a SRIKANDI insert
compared them that way; ``number_text`` was UNIQUE as typed, so an office switching from
SRIKANDI numbering back to SISAKAT numbering could issue a SRIKANDI number a second time. The
column holds ``number_key(number_text)`` (``sisakat.models.letter_number``, the one rule, which
the model sets on every write of ``number_text``), NOT NULL and UNIQUE
(``uq_letter_numbers_number_key``).

Twins stored before (the same number in two spellings) must not stop an office's upgrade, nor
may a register row be changed or dropped (each is a number given out, voided or printed on a
letter): the first row by id keeps the key, every later twin gets "<key>#<id>" (cut to fit
120 characters; no letter number holds "#"), distinct from any real key. ``flask check`` names
them (``number_register.twins``) as a warning so the office can look into the letters.

Batch mode: SQLite rebuilds the table; PostgreSQL and MariaDB alter it in place.

Revision ID: f3b8d2c6a1e9
Revises: e7a2c9f4b8d1
Create Date: 2026-12-07 19:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

from sisakat.models.letter_number import number_key

revision = "f3b8d2c6a1e9"
down_revision = "e7a2c9f4b8d1"
branch_labels = None
depends_on = None

WIDTH = 120
numbers = sa.table(
    "letter_numbers",
    sa.column("id", sa.Integer),
    sa.column("number_text", sa.String),
    sa.column("number_key", sa.String),
)


def _keys(rows) -> dict[int, str]:
    """Each row's key; a later twin's made distinct ("<key>#<id>")."""
    keys: dict[int, str] = {}
    seen: set[str] = set()
    for ident, text in rows:
        key = number_key(text)
        if key in seen:
            suffix = f"#{ident}"
            key = key[: WIDTH - len(suffix)] + suffix
        seen.add(key)
        keys[ident] = key
    return keys


def upgrade():
    with op.batch_alter_table("letter_numbers") as batch_op:
        batch_op.add_column(sa.Column("number_key", sa.String(length=WIDTH), nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(numbers.c.id, numbers.c.number_text).order_by(numbers.c.id)
    ).all()
    for ident, key in _keys(rows).items():
        bind.execute(numbers.update().where(numbers.c.id == ident).values(number_key=key))
    with op.batch_alter_table("letter_numbers") as batch_op:
        batch_op.alter_column(
            "number_key", existing_type=sa.String(length=WIDTH), nullable=False
        )
        batch_op.create_unique_constraint(op.f("uq_letter_numbers_number_key"), ["number_key"])


def downgrade():
    with op.batch_alter_table("letter_numbers") as batch_op:
        batch_op.drop_constraint(op.f("uq_letter_numbers_number_key"), type_="unique")
        batch_op.drop_column("number_key")
