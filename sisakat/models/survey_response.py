"""Satisfaction survey answers (SKM, PermenPANRB 14/2017): nine elements scored 1-4."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, utcnow

ELEMENT_COLUMNS = tuple(f"u{i}" for i in range(1, 10))


class SurveyResponse(Base):
    """One respondent. ``application_id``: the issued application it rates (NULL when public).

    UNIQUE gives one response per application. ``form_key``: the one-time key of the rendered
    form it came from (NULL for answers stored before keys existed); UNIQUE, so the same form
    sent twice is stored once (``services/survey.submit``).
    """

    __tablename__ = "survey_responses"
    __table_args__ = tuple(
        sa.CheckConstraint(f"{c} BETWEEN 1 AND 4", name=f"{c}_range") for c in ELEMENT_COLUMNS
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("applications.id", ondelete="SET NULL"), unique=True, nullable=True
    )
    # The service rated (public respondents choose it; after issue it is the application's).
    service_code: Mapped[str] = mapped_column(sa.String(32), default="skt_parpol", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    form_key: Mapped[str | None] = mapped_column(sa.String(32), unique=True, nullable=True)
    u1: Mapped[int] = mapped_column(sa.SmallInteger)
    u2: Mapped[int] = mapped_column(sa.SmallInteger)
    u3: Mapped[int] = mapped_column(sa.SmallInteger)
    u4: Mapped[int] = mapped_column(sa.SmallInteger)
    u5: Mapped[int] = mapped_column(sa.SmallInteger)
    u6: Mapped[int] = mapped_column(sa.SmallInteger)
    u7: Mapped[int] = mapped_column(sa.SmallInteger)
    u8: Mapped[int] = mapped_column(sa.SmallInteger)
    u9: Mapped[int] = mapped_column(sa.SmallInteger)
    age_group: Mapped[str] = mapped_column(sa.String(20), default="")
    sex: Mapped[str] = mapped_column(sa.String(20), default="")
    education: Mapped[str] = mapped_column(sa.String(40), default="")
    occupation: Mapped[str] = mapped_column(sa.String(40), default="")
    suggestion: Mapped[str] = mapped_column(sa.Text, default="")

    def answers(self) -> tuple[int, ...]:
        """The nine scores in element order."""
        return tuple(getattr(self, c) for c in ELEMENT_COLUMNS)
