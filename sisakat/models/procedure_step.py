"""One step of a service's procedure; the flow diagram is drawn from these rows."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base


class ProcedureStep(Base):
    """A box of the procedure flow diagram (alur pelayanan)."""

    __tablename__ = "procedure_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_code: Mapped[str] = mapped_column(sa.String(32), index=True)
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)
    title: Mapped[str] = mapped_column(sa.String(200))
    actor: Mapped[str] = mapped_column(sa.String(120), default="")  # who does it (Pemohon, ...)
    duration: Mapped[str] = mapped_column(sa.String(60), default="")  # "15 menit"
