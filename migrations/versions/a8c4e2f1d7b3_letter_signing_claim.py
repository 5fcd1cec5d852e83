"""letters.signing_by_id, signing_since: who is signing a letter in the app, since when

In-app signing claims the letter for the signer in its own short transaction before calling
BSrE (or the local PAdES key), so a second signer of the same letter is refused before BSrE
signs it twice (``sisakat/services/letter_claim.py``). Both columns are NULL while nobody is
signing; a claim expires by itself, so no row needs filling.

Batch mode: SQLite rebuilds the table; PostgreSQL and MariaDB alter it in place.

Revision ID: a8c4e2f1d7b3
Revises: f3b8d2c6a1e9
Create Date: 2026-12-07 20:10:00.000000

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "a8c4e2f1d7b3"
down_revision = "f3b8d2c6a1e9"
branch_labels = None
depends_on = None

MOMENT = (
    sa.DateTime()
    .with_variant(mysql.DATETIME(fsp=6), "mariadb")
    .with_variant(mysql.DATETIME(fsp=6), "mysql")
)


def upgrade():
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signing_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("signing_since", MOMENT, nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_letters_signing_by_id_users"),
            "users",
            ["signing_by_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_letters_signing_by_id_users"), type_="foreignkey")
        batch_op.drop_column("signing_since")
        batch_op.drop_column("signing_by_id")
