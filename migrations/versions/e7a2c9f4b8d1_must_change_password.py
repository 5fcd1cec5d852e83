"""users.must_change_password: a password the super admin typed must be changed by its owner

Set by the admin's reset and by a new staff account the admin created; cleared when the owner
changes the password. Existing accounts start without it (``server_default`` false), so the
upgrade holds nobody at the change page.

Revision ID: e7a2c9f4b8d1
Revises: c8e2f4a6b1d3
Create Date: 2026-12-07 16:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "e7a2c9f4b8d1"
down_revision = "c8e2f4a6b1d3"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )


def downgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("must_change_password")
