"""A service the office offers (layanan): its applicant kind, letter, numbering series and SLA.

Services are data: the super admin edits them and can add one without code. What stays code is
the applicant kind (``ApplicantKind``): which profile form an applicant fills and which profile
lines the letter prints. The requirement list (``Requirement.service_code``), the Standar
Pelayanan (``ServiceStandard``) and survey answers refer to a service by its ``code``.
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow


class ApplicantKind(LabelledEnum):
    """Who applies for a service: a party board or a civil-society organisation."""

    PARPOL = ("parpol", "Partai Politik")
    ORMAS = ("ormas", "Organisasi Kemasyarakatan")


class Service(Base):
    """One service; ``code`` is its stable key (URLs, requirement lists, applications)."""

    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(32), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    short_name: Mapped[str] = mapped_column(sa.String(60), default="")
    applicant_kind: Mapped[ApplicantKind] = mapped_column(
        enum_column(ApplicantKind, "applicant_kind")
    )
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)
    # Working minutes from a complete submission to the letter (the public promise and the SLA
    # share on the monitoring dashboard).
    sla_minutes: Mapped[int] = mapped_column(sa.Integer, default=60)
    # The letter: title and the office's wording around the profile lines.
    letter_title: Mapped[str] = mapped_column(sa.String(200))
    letter_opening: Mapped[str] = mapped_column(sa.Text, default="")
    letter_statement: Mapped[str] = mapped_column(sa.Text, default="")
    letter_closing: Mapped[str] = mapped_column(sa.Text, default="")
    letter_tembusan_json: Mapped[str] = mapped_column(sa.Text, default="[]")
    # Numbering: the series keys the yearly counter and the register (two services may share one).
    number_series: Mapped[str] = mapped_column(sa.String(32))
    number_template: Mapped[str] = mapped_column(
        sa.String(120), default="{kode}/{nomor}/{unit}/{tahun}"
    )
    number_kode: Mapped[str] = mapped_column(sa.String(40), default="")
    number_unit: Mapped[str] = mapped_column(sa.String(40), default="")
    number_padding: Mapped[int] = mapped_column(sa.Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(sa.Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        sa.CheckConstraint("sla_minutes > 0", name="sla_positive"),
        sa.CheckConstraint("number_padding BETWEEN 0 AND 8", name="padding_range"),
    )

    @property
    def letter_tembusan(self) -> list[str]:
        """The copies-to list (stored as a JSON array)."""
        try:
            value = json.loads(self.letter_tembusan_json or "[]")
        except ValueError:
            return []
        return [str(x) for x in value] if isinstance(value, list) else []

    @letter_tembusan.setter
    def letter_tembusan(self, items: list[str]) -> None:
        self.letter_tembusan_json = json.dumps(list(items), ensure_ascii=False)
