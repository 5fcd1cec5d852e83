"""drop the settings that moved to the services table

The letter wording (``letter.opening/statement/closing/tembusan``), the party SKT number format
(``numbering.skt.*``) and the SLA (``service.sla_minutes``) are columns of each ``services`` row
since c6a6c4934a51, which copied an office's saved values into the ``skt_parpol`` row. The code
no longer knows these keys, so their rows are deleted here.

Revision ID: d2b7e41f0a93
Revises: c6a6c4934a51
Create Date: 2026-11-23 18:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'd2b7e41f0a93'
down_revision = 'c6a6c4934a51'
branch_labels = None
depends_on = None

MOVED = (
    "letter.opening",
    "letter.statement",
    "letter.closing",
    "letter.tembusan",
    "numbering.skt.template",
    "numbering.skt.kode",
    "numbering.skt.unit",
    "numbering.skt.padding",
    "service.sla_minutes",
)


def upgrade():
    settings = sa.table("settings", sa.column("key", sa.String))
    op.execute(settings.delete().where(settings.c.key.in_(MOVED)))


def downgrade():
    # Nothing to restore: the values live on in the services rows, and the code of the previous
    # revision falls back to its defaults for keys without a row.
    pass
