"""Queue index on applications (status, status_changed_at, id)

The verification queue filters on status and sorts by status_changed_at, id (services/queue.py);
with this index the page and its count read the index only instead of sorting every open row.

Revision ID: 9a6d97631c00
Revises: 950810d85e3f
Create Date: 2026-11-23 14:50:15.013786

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "9a6d97631c00"
down_revision = "950810d85e3f"
branch_labels = None
depends_on = None


def upgrade():
    # An index only: batch mode creates it in place on SQLite (no table copy).
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_applications_status_queue", ["status", "status_changed_at", "id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index("ix_applications_status_queue")
