"""Rate-limit counters kept in the database (Redis replaces them when configured)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base


class RateLimitCounter(Base):
    """Hits of one key within one fixed window (``window_start`` in epoch seconds)."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(sa.String(160), primary_key=True)
    window_start: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    hits: Mapped[int] = mapped_column(sa.Integer, default=0)
