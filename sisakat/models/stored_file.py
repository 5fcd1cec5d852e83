"""Rows for files kept under uploads/ (never modified; a new version is a new row)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow


class FileKind(LabelledEnum):
    """What a stored file is for."""

    REQUIREMENT = ("requirement", "Dokumen persyaratan")
    LOGO = ("logo", "Logo")
    EMBLEM = ("emblem", "Lambang daerah")
    LETTER_UNSIGNED = ("letter_unsigned", "Surat belum ditandatangani")
    LETTER_SIGNED = ("letter_signed", "Surat bertanda tangan")
    SIGNED_CANDIDATE = ("signed_candidate", "Unggahan surat bertanda tangan")
    ATTACHMENT = ("attachment", "Lampiran")
    TEMPLATE = ("template", "Formulir")


class StoredFile(Base):
    """One immutable file under uploads/ with its hash; the key is server-made."""

    __tablename__ = "stored_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[FileKind] = mapped_column(enum_column(FileKind, "file_kind"))
    storage_key: Mapped[str] = mapped_column(sa.String(200), unique=True)
    size: Mapped[int] = mapped_column(sa.BigInteger)
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    content_type: Mapped[str] = mapped_column(sa.String(100))
    display_name: Mapped[str] = mapped_column(sa.String(255))
    uploaded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set when a retention purge removed the bytes; the row keeps the hash and the fact it existed.
    purged_at: Mapped[datetime | None] = mapped_column(nullable=True)
