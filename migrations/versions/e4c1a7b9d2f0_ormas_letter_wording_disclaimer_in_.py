"""ormas letter wording: the disclaimer closes the letter instead of standing as a numbered item

The Surat Keterangan Melapor printed "Surat keterangan ini bukan izin ..." as the last numbered
line, among the facts the ormas reported. Where an office still has the built-in wording (both
the statement and the closing untouched), the numbered line becomes the statement the ormas
reports (no board dispute, willing to report its activities) and the disclaimer moves into the
closing paragraph. Wording an office edited is left as it is.

Revision ID: e4c1a7b9d2f0
Revises: db9b83c21431
Create Date: 2026-12-06 13:50:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "e4c1a7b9d2f0"
down_revision = "db9b83c21431"
branch_labels = None
depends_on = None

CLOSING = "Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya."
DISCLAIMER = (
    "Surat keterangan ini bukan izin dan bukan pengesahan badan hukum. Organisasi "
    "kemasyarakatan wajib melaporkan kegiatan dan perubahan kepengurusannya."
)
STATEMENT = (
    "Surat pernyataan pengurus bahwa organisasi tidak dalam sengketa kepengurusan dan bersedia "
    "melaporkan kegiatannya."
)
OLD = {"letter_statement": DISCLAIMER, "letter_closing": CLOSING}
NEW = {"letter_statement": STATEMENT, "letter_closing": f"{DISCLAIMER} {CLOSING}"}

services = sa.table(
    "services",
    sa.column("letter_statement", sa.Text),
    sa.column("letter_closing", sa.Text),
)


def _swap(old: dict, new: dict) -> None:
    op.execute(
        services.update()
        .where(
            services.c.letter_statement == old["letter_statement"],
            services.c.letter_closing == old["letter_closing"],
        )
        .values(**new)
    )


def upgrade():
    _swap(OLD, NEW)


def downgrade():
    _swap(NEW, OLD)
