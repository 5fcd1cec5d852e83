"""notification belongs to an application; "please act" notices close with the work

A notification knew its application only by the text of its link, so when one of several
signers issued a letter (or one verifier claimed an application) the others kept an unread
"menunggu TTE" / "masuk antrean verifikasi" for work already done.

- ``notifications.application_id`` (nullable, indexed, FK ON DELETE CASCADE like the
  application's history): existing rows get it from their link (``/pemohon/permohonan/12``,
  ``/petugas/permohonan/12``) when that application exists;
- ``notifications.asks_action`` (NOT NULL, default false): the notice gives its recipient work
  on the application. Existing rows stay false: old notices are never closed automatically.

Batch mode: SQLite rebuilds the table; PostgreSQL and MariaDB alter it in place.

Revision ID: f5eadfe29a45
Revises: e4c1a7b9d2f0
Create Date: 2026-12-06 23:00:00.000000

"""

import re

import sqlalchemy as sa
from alembic import op

revision = "f5eadfe29a45"
down_revision = "e4c1a7b9d2f0"
branch_labels = None
depends_on = None

LINK = re.compile(r"^/(?:pemohon|petugas)/permohonan/(\d+)$")

notifications = sa.table(
    "notifications",
    sa.column("id", sa.Integer),
    sa.column("link", sa.String),
    sa.column("application_id", sa.Integer),
)


def upgrade():
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("application_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("asks_action", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_index(
            batch_op.f("ix_notifications_application_id"), ["application_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_notifications_application_id_applications"),
            "applications",
            ["application_id"],
            ["id"],
            ondelete="CASCADE",
        )
    _link_existing_rows()


def _link_existing_rows() -> None:
    """Fill ``application_id`` from each row's link where that application still exists."""
    conn = op.get_bind()
    existing = set(conn.execute(sa.text("SELECT id FROM applications")).scalars())
    rows = conn.execute(
        sa.select(notifications.c.id, notifications.c.link).where(
            notifications.c.link.like("%/permohonan/%")
        )
    ).all()
    for row_id, link in rows:
        match = LINK.match(link or "")
        if match and int(match.group(1)) in existing:
            conn.execute(
                notifications.update()
                .where(notifications.c.id == row_id)
                .values(application_id=int(match.group(1)))
            )


def downgrade():
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_notifications_application_id_applications"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_notifications_application_id"))
        batch_op.drop_column("asks_action")
        batch_op.drop_column("application_id")
