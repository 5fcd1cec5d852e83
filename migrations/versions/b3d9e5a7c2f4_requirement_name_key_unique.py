"""requirements.name_key: one active name per service list, by the database too

A service's active requirement list may not name one document twice (any case, any spacing):
``requirements.save`` refused it, but only by a query before the write, so two admins adding
"Surat permohonan" at the same moment both passed it and the public page and every new
application listed it twice. The column holds ``name_key(name)`` (``sisakat.models.requirement``,
the one rule, which the model sets on every write of ``name`` or ``active``) while the line is
active and NULL while not (an inactive line may share its name; NULLs never collide under
UNIQUE on SQLite, PostgreSQL or MariaDB), with UNIQUE (service_code, name_key)
(``uq_requirements_service_code_name_key``). On MariaDB the key is ``utf8mb4_bin``: the
database's accent-blind collation would make "Dokumen" and "Dokumén" one key there only; 4 bytes
a character, (32 + 255) characters stay well under InnoDB's 3072-byte index limit.

Twins stored before (the same name twice in one active list) must not stop an office's
upgrade, nor may a line be renamed or switched off behind the office's back (applications hold
copies of it): the first active line by id keeps the key, every later twin gets "<key>#<id>"
(cut to fit 255 characters), distinct from any real key. ``flask check`` names them, as the
admin home already did, so the office switches one off.

Batch mode: SQLite rebuilds the table; PostgreSQL and MariaDB alter it in place.

Revision ID: b3d9e5a7c2f4
Revises: a8c4e2f1d7b3
Create Date: 2026-12-07 22:45:00.000000

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

from sisakat.models.requirement import name_key

revision = "b3d9e5a7c2f4"
down_revision = "a8c4e2f1d7b3"
branch_labels = None
depends_on = None

WIDTH = 255
KEY = sa.String(length=WIDTH).with_variant(
    mysql.VARCHAR(WIDTH, charset="utf8mb4", collation="utf8mb4_bin"), "mysql", "mariadb"
)
UNIQUE = "uq_requirements_service_code_name_key"
requirements = sa.table(
    "requirements",
    sa.column("id", sa.Integer),
    sa.column("service_code", sa.String),
    sa.column("name", sa.String),
    sa.column("active", sa.Boolean),
    sa.column("name_key", sa.String),
)


def _keys(rows) -> dict[int, str]:
    """Each active row's key; a later twin's in its service made distinct ("<key>#<id>")."""
    keys: dict[int, str] = {}
    seen: set[tuple[str, str]] = set()
    for ident, code, name in rows:
        key = name_key(name)
        if (code, key) in seen:
            suffix = f"#{ident}"
            key = key[: WIDTH - len(suffix)].rstrip() + suffix
        seen.add((code, key))
        keys[ident] = key
    return keys


def upgrade():
    with op.batch_alter_table("requirements") as batch_op:
        batch_op.add_column(sa.Column("name_key", KEY, nullable=True))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(requirements.c.id, requirements.c.service_code, requirements.c.name)
        .where(requirements.c.active.is_(True))
        .order_by(requirements.c.id)
    ).all()
    for ident, key in _keys(rows).items():
        bind.execute(
            requirements.update().where(requirements.c.id == ident).values(name_key=key)
        )
    with op.batch_alter_table("requirements") as batch_op:
        batch_op.create_unique_constraint(op.f(UNIQUE), ["service_code", "name_key"])


def downgrade():
    with op.batch_alter_table("requirements") as batch_op:
        batch_op.drop_constraint(op.f(UNIQUE), type_="unique")
        batch_op.drop_column("name_key")
