"""survey response form key: the same survey form sent twice is stored once

``survey_responses.form_key`` (nullable, UNIQUE ``uq_survey_responses_form_key``): the one-time
key each rendered survey form carries. A second send of the same form (a double tap, a reload
resending the POST) finds its key taken and stores nothing. Existing rows keep NULL: NULLs never
collide under UNIQUE on SQLite, PostgreSQL or MariaDB.

Batch mode: SQLite rebuilds the table; PostgreSQL and MariaDB alter it in place.

Revision ID: b7d4f2a9c1e3
Revises: a3c5e9d1b7f2
Create Date: 2026-12-07 09:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "b7d4f2a9c1e3"
down_revision = "a3c5e9d1b7f2"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("form_key", sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_survey_responses_form_key"), ["form_key"]
        )


def downgrade():
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_survey_responses_form_key"), type_="unique")
        batch_op.drop_column("form_key")
