"""Issued letters (SKT): number, public token, the unsigned and signed files, and their status."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow

if TYPE_CHECKING:
    from sisakat.models.application import Application
    from sisakat.models.letter_number import LetterNumber
    from sisakat.models.stored_file import StoredFile


class LetterStatus(LabelledEnum):
    """Registry status of a letter. KEDALUWARSA is derived from ``valid_until``, never stored."""

    MENUNGGU_TTE = ("menunggu_tte", "Menunggu TTE", "primary")
    PERLU_TINJAUAN = ("perlu_tinjauan", "Perlu Tinjauan Manual", "warning")
    BERLAKU = ("berlaku", "Berlaku", "success")
    DICABUT = ("dicabut", "Dicabut", "danger")
    DIGANTI = ("diganti", "Diganti", "secondary")
    # Cancelled before issue (returned from the signing desk); its number stays in the register,
    # voided, and is never given again.
    DIBATALKAN = ("dibatalkan", "Dibatalkan", "dark")


# Letters that were issued at some point: signed and registered, in force or not any more.
ISSUED_STATUSES = (LetterStatus.BERLAKU, LetterStatus.DICABUT, LetterStatus.DIGANTI)
# Letters still waiting: for a signature, or for the super admin's review of an unmatched upload.
PENDING_STATUSES = (LetterStatus.MENUNGGU_TTE, LetterStatus.PERLU_TINJAUAN)


class SigningMethod(LabelledEnum):
    """How the signed file came to be."""

    SRIKANDI = ("srikandi", "SRIKANDI/BSrE (unggah kembali)")
    PADES = ("pades", "TTE sertifikat instansi (dalam aplikasi)")
    BSRE = ("bsre", "BSrE Esign Client Service")
    SCAN = ("scan", "Tanda tangan basah (pindaian)")


class Letter(Base):
    """One letter for one application. The unsigned and signed files are separate and immutable;
    the application becomes Terbit only after the signed file is durably stored."""

    __tablename__ = "letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id"), index=True)
    series: Mapped[str] = mapped_column(sa.String(32), default="skt")
    # Random 128-bit public token (base32, 26 chars) for /verifikasi/<token>; never the id.
    token: Mapped[str] = mapped_column(sa.String(32), unique=True)
    status: Mapped[LetterStatus] = mapped_column(
        enum_column(LetterStatus, "letter_status"), default=LetterStatus.MENUNGGU_TTE, index=True
    )
    # None while SRIKANDI has not numbered it yet (numbering.mode = srikandi).
    number_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("letter_numbers.id"), unique=True, nullable=True
    )
    number_text: Mapped[str | None] = mapped_column(sa.String(120), nullable=True, index=True)
    # The date printed on the letter (office time zone).
    letter_date: Mapped[date | None] = mapped_column(nullable=True)
    # Frozen inputs of the rendering (profile snapshot + settings), JSON.
    context_json: Mapped[str] = mapped_column(sa.Text, default="{}")
    unsigned_file_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("stored_files.id"), nullable=True
    )
    signed_file_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("stored_files.id"), nullable=True
    )
    # An uploaded signed PDF that did not match automatically, awaiting a super admin's decision.
    candidate_file_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("stored_files.id"), nullable=True
    )
    signing_method: Mapped[SigningMethod | None] = mapped_column(
        enum_column(SigningMethod, "signing_method"), nullable=True
    )
    signer_name: Mapped[str] = mapped_column(sa.String(200), default="")
    signer_position: Mapped[str] = mapped_column(sa.String(200), default="")
    signed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    validation_report: Mapped[str | None] = mapped_column(sa.Text, nullable=True)  # JSON
    match_tier: Mapped[str | None] = mapped_column(sa.String(8), nullable=True)
    issued_at: Mapped[datetime | None] = mapped_column(nullable=True)
    valid_until: Mapped[date | None] = mapped_column(nullable=True)
    # Withdrawn: revoked after issue (Dicabut) or cancelled before it (Dibatalkan, returned
    # from the signing desk to the verifier): when, why and by whom.
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    revoked_reason: Mapped[str] = mapped_column(sa.Text, default="")
    revoked_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    superseded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("letters.id"), nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # In-app signing under way (services/letter_claim.py): who claimed the letter and since when
    # (naive UTC); both None when nobody is signing it. A claim expires by itself.
    signing_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    signing_since: Mapped[datetime | None] = mapped_column(nullable=True)
    version: Mapped[int] = mapped_column(sa.Integer, default=1)

    application: Mapped[Application] = relationship(lazy="joined")
    number: Mapped[LetterNumber | None] = relationship(lazy="joined")
    unsigned_file: Mapped[StoredFile | None] = relationship(foreign_keys=[unsigned_file_id])
    signed_file: Mapped[StoredFile | None] = relationship(foreign_keys=[signed_file_id])
    candidate_file: Mapped[StoredFile | None] = relationship(foreign_keys=[candidate_file_id])

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # An issued (or later) letter always has its signed file and a number.
        sa.CheckConstraint(
            "status NOT IN ('berlaku', 'dicabut', 'diganti') "
            "OR (signed_file_id IS NOT NULL AND number_text IS NOT NULL)",
            name="issued_has_signed_file",
        ),
        sa.CheckConstraint(
            "status <> 'dicabut' OR revoked_reason <> ''", name="revoked_has_reason"
        ),
        sa.CheckConstraint(
            "status <> 'dibatalkan' OR revoked_reason <> ''", name="cancelled_has_reason"
        ),
    )

    def leave_pending(self, status: LetterStatus) -> None:
        """The letter stops waiting (issued, cancelled) with ``status``; the one place it does,
        so no in-app signing claim stays on it (an expired one was kept on the issued letter)."""
        self.status = status
        self.signing_by_id = None
        self.signing_since = None

    def effective_status(self, today: date) -> str:
        """Status for the public: ``kedaluwarsa`` once a valid letter passed ``valid_until``."""
        if self.status == LetterStatus.BERLAKU and self.valid_until and today > self.valid_until:
            return "kedaluwarsa"
        return self.status.value
