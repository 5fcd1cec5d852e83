"""Complaint categories and their time limits (settings the admin edits)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base


class ComplaintCategory(Base):
    """A kind of complaint with the number of office working days staff have to close it
    (``working_time.working_days_due``)."""

    __tablename__ = "complaint_categories"
    __table_args__ = (sa.CheckConstraint("limit_days BETWEEN 1 AND 365", name="limit_days"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Unique in any case: on SQLite and PostgreSQL also by the index on lower(name) that
    # migration c8e2f4a6b1d3 builds (not declared here: autogenerate skips expression indexes);
    # MariaDB's case-insensitive collation makes this UNIQUE case-blind.
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    limit_days: Mapped[int] = mapped_column(sa.Integer, default=5)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)
