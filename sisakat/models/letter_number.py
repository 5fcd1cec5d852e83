"""Letter numbers: the per-series yearly counter and the register of every number given out."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, validates

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow


class NumberSource(LabelledEnum):
    """Who gave the number: SISAKAT's counter or SRIKANDI."""

    INTERNAL = ("internal", "SISAKAT")
    SRIKANDI = ("srikandi", "SRIKANDI")


class NumberStatus(LabelledEnum):
    """A number in the register is either in use or voided (never reused)."""

    DIPAKAI = ("dipakai", "Dipakai", "success")
    DIBATALKAN = ("dibatalkan", "Dibatalkan", "secondary")


def number_key(number_text: str | None) -> str:
    """A letter number as the register compares it: without whitespace, in lower case
    ("200.1.5.3 / 7 / ban.kbp / 2026" is "200.1.5.3/7/ban.kbp/2026"); every other character
    counts. The one rule of when two texts are the same number: stored in
    ``LetterNumber.number_key`` (UNIQUE) and used by the public letter check."""
    return "".join(str(number_text or "").split()).lower()


class NumberCounter(Base):
    """The last serial taken in one series and year; the issuing transaction locks this row."""

    __tablename__ = "number_counters"
    __table_args__ = (sa.UniqueConstraint("series", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series: Mapped[str] = mapped_column(sa.String(32))
    year: Mapped[int] = mapped_column(sa.Integer)
    last_serial: Mapped[int] = mapped_column(sa.Integer, default=0)


class LetterNumber(Base):
    """One number in the register (nomor surat), internal or from SRIKANDI."""

    __tablename__ = "letter_numbers"
    __table_args__ = (sa.UniqueConstraint("series", "year", "serial"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series: Mapped[str] = mapped_column(sa.String(32))
    year: Mapped[int] = mapped_column(sa.Integer)
    serial: Mapped[int | None] = mapped_column(sa.Integer, nullable=True)  # None: SRIKANDI
    number_text: Mapped[str] = mapped_column(sa.String(120), unique=True)
    # ``number_key(number_text)``, set with it (``_keyed``): the same number spelled otherwise
    # is refused by the database. A twin stored before the key existed keeps a distinct key
    # ("<key>#<id>", migration f3b8d2c6a1e9), which ``flask check`` reports.
    number_key: Mapped[str] = mapped_column(sa.String(120), unique=True)
    source: Mapped[NumberSource] = mapped_column(
        enum_column(NumberSource, "number_source"), default=NumberSource.INTERNAL
    )
    status: Mapped[NumberStatus] = mapped_column(
        enum_column(NumberStatus, "number_status"), default=NumberStatus.DIPAKAI, index=True
    )
    subject_type: Mapped[str] = mapped_column(sa.String(40), default="")
    subject_id: Mapped[str] = mapped_column(sa.String(40), default="")
    void_reason: Mapped[str] = mapped_column(sa.String(500), default="")
    voided_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    voided_at: Mapped[datetime | None] = mapped_column(nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @validates("number_text")
    def _keyed(self, _name: str, value: str) -> str:
        """Every writer of ``number_text`` sets ``number_key`` with it."""
        self.number_key = number_key(value)
        return value
