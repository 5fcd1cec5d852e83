"""Return from the signing desk: the ``kembalikan_tte`` action and its invariants

The signer (or the super admin) may send an application awaiting signature back to its
verifier: the pending letter becomes ``dibatalkan`` with a reason and its number is voided.

- ``application_history.action`` (VARCHAR with a named CHECK) accepts ``kembalikan_tte``;
- such a history row carries its reason as the staff-only note
  (``ck_application_history_internal_reason_required``);
- a cancelled letter carries its reason (``ck_letters_cancelled_has_reason``).

Batch mode: SQLite rebuilds both tables; PostgreSQL and MariaDB alter them in place.

Revision ID: db9b83c21431
Revises: d2b7e41f0a93
Create Date: 2026-11-24 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "db9b83c21431"
down_revision = "d2b7e41f0a93"
branch_labels = None
depends_on = None

OLD_ACTIONS = (
    "buat",
    "ajukan",
    "batalkan",
    "ambil",
    "kembalikan",
    "ajukan_ulang",
    "tolak",
    "setujui",
    "terbitkan",
    "cabut",
    "ganti",
)
NEW_ACTIONS = (*OLD_ACTIONS, "kembalikan_tte")


def _in_list(values) -> str:
    return "action IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade():
    with op.batch_alter_table("application_history", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_application_history_history_action"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_application_history_history_action"), _in_list(NEW_ACTIONS)
        )
        batch_op.create_check_constraint(
            op.f("ck_application_history_internal_reason_required"),
            "action NOT IN ('kembalikan_tte') OR internal_note <> ''",
        )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_letters_cancelled_has_reason"),
            "status <> 'dibatalkan' OR revoked_reason <> ''",
        )


def downgrade():
    conn = op.get_bind()
    used = conn.execute(
        sa.text("SELECT COUNT(*) FROM application_history WHERE action = 'kembalikan_tte'")
    ).scalar()
    if used:
        # The history is append-only (the party's timeline and the SLA record): rewriting these
        # rows into another action would falsify it, so the downgrade stops instead.
        raise RuntimeError(
            f"{used} riwayat memakai tindakan 'kembalikan_tte'; penurunan versi dihentikan."
        )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_letters_cancelled_has_reason"), type_="check")
    with op.batch_alter_table("application_history", schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f("ck_application_history_internal_reason_required"), type_="check"
        )
        batch_op.drop_constraint(op.f("ck_application_history_history_action"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_application_history_history_action"), _in_list(OLD_ACTIONS)
        )
