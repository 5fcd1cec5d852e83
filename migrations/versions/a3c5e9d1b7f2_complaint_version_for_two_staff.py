"""complaint version: two staff answering the same complaint

``complaints.version`` (NOT NULL, existing rows 1) is the SQLAlchemy ``version_id_col`` of a
complaint: each reply bumps it, and the ticket page carries the version it showed, so a reply
from a page opened before another officer's reply is refused instead of crossing it unseen.

Batch mode: SQLite rebuilds the table; PostgreSQL and MariaDB alter it in place. The server
default (1) fills the existing rows on every database (the model sets it for new ones).

Revision ID: a3c5e9d1b7f2
Revises: f5eadfe29a45
Create Date: 2026-12-07 02:10:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "a3c5e9d1b7f2"
down_revision = "f5eadfe29a45"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )


def downgrade():
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_column("version")
