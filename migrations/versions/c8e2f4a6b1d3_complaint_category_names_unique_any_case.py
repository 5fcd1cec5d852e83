"""complaint category names unique in any case, by the database too

``complaint_categories`` gets a UNIQUE index on ``lower(name)``
(``uq_complaint_categories_name_lower``) on SQLite and PostgreSQL, so two admins adding
"Loket" and "loket" at the same moment cannot both be stored (the service refuses the same
name in another case, but only the database sees the other admin's uncommitted row). MariaDB
needs nothing: its case-insensitive collation already makes ``name``'s UNIQUE index case-blind
(and it has no index on an expression).

Rows stored before the service compared names case-insensitively may differ only in case: the
later ones (by id) are renamed "<name> (2)", "<name> (3)", ... before the index is built, so
the upgrade never fails on old data and no complaint loses its category.

Not declared on the model: Alembic's autogenerate cannot compare expression indexes (it
skips them), and a SQLite batch rebuild of this table drops it; a later migration that
rebuilds the table must create it again.

Revision ID: c8e2f4a6b1d3
Revises: b7d4f2a9c1e3
Create Date: 2026-12-07 16:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "c8e2f4a6b1d3"
down_revision = "b7d4f2a9c1e3"
branch_labels = None
depends_on = None

INDEX = "uq_complaint_categories_name_lower"
DIALECTS = ("sqlite", "postgresql")

categories = sa.table("complaint_categories", sa.column("id", sa.Integer), sa.column("name", sa.String))


def _rename_case_twins(bind) -> None:
    """Give every later row whose name differs from an earlier one only in case a free name."""
    rows = bind.execute(sa.select(categories.c.id, categories.c.name).order_by("id")).all()
    taken = {name.lower() for _, name in rows}
    seen: set[str] = set()
    for ident, name in rows:
        if name.lower() not in seen:
            seen.add(name.lower())
            continue
        number = 2
        while f"{name} ({number})".lower() in taken:
            number += 1
        fresh = f"{name} ({number})"[:120]
        taken.add(fresh.lower())
        seen.add(fresh.lower())
        bind.execute(categories.update().where(categories.c.id == ident).values(name=fresh))


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name not in DIALECTS:
        return
    _rename_case_twins(bind)
    op.create_index(INDEX, "complaint_categories", [sa.text("lower(name)")], unique=True)


def downgrade():
    if op.get_bind().dialect.name in DIALECTS:
        op.drop_index(INDEX, table_name="complaint_categories")
