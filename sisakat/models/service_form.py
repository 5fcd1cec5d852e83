"""Downloadable forms and templates of a service (e.g. the surat pernyataan tidak merangkap)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sisakat.models.base import Base, utcnow
from sisakat.models.stored_file import StoredFile


class ServiceForm(Base):
    """A file the admin uploaded for the public to download."""

    __tablename__ = "service_forms"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_code: Mapped[str] = mapped_column(sa.String(32), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    file_id: Mapped[int] = mapped_column(sa.ForeignKey("stored_files.id"))
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    file: Mapped[StoredFile] = relationship(lazy="joined")
