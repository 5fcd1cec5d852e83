"""The party board profile (biodata partai) kept by a Pemohon account."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sisakat.formatting import alamat
from sisakat.models.base import Base, LabelledEnum, enum_column, utcnow
from sisakat.models.service import ApplicantKind

if TYPE_CHECKING:
    from sisakat.models.stored_file import StoredFile
    from sisakat.models.user import User


class Level(LabelledEnum):
    """Board level (tingkat kepengurusan)."""

    PROVINSI = ("provinsi", "Provinsi")
    KABUPATEN = ("kabupaten", "Kabupaten")
    KOTA = ("kota", "Kota")


class LegalForm(LabelledEnum):
    """Legal form of an ormas: a legal entity (Kemenkumham decree) or not (Kemendagri SKT)."""

    BERBADAN_HUKUM = ("berbadan_hukum", "Berbadan hukum")
    TIDAK_BERBADAN_HUKUM = ("tidak_berbadan_hukum", "Tidak berbadan hukum")

    @classmethod
    def document_label(cls, legal_form: Any) -> str:
        """The letter's label for the legal document number of an ormas of ``legal_form`` (a
        member or its stored value); none (a snapshot stored before the form was required):
        the label naming both documents."""
        raw = str(getattr(legal_form, "value", legal_form) or "")
        if raw == cls.BERBADAN_HUKUM.value:
            return "Nomor SK Kemenkumham"
        if raw == cls.TIDAK_BERBADAN_HUKUM.value:
            return "Nomor SKT Kemendagri"
        return "Nomor SK Kemenkumham / SKT Kemendagri"


class Party(Base):
    """One applicant organisation; one per Pemohon account.

    ``kind`` says which: a party board (kepengurusan partai politik) at one level, or an ormas.
    Both share the name (``party_name``), abbreviation, secretariat, board (officers), term,
    contact and logo; the ormas columns below stay empty for a party board.
    """

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), unique=True)
    kind: Mapped[ApplicantKind] = mapped_column(
        enum_column(ApplicantKind, "party_kind"), default=ApplicantKind.PARPOL, index=True
    )
    board_name: Mapped[str] = mapped_column(sa.String(200))  # "DPW Partai Contoh Provinsi ..."
    party_name: Mapped[str] = mapped_column(sa.String(200), default="")
    abbreviation: Mapped[str] = mapped_column(sa.String(40), default="")
    level: Mapped[Level | None] = mapped_column(enum_column(Level, "party_level"), nullable=True)
    region_name: Mapped[str] = mapped_column(sa.String(120), default="")
    reporter_name: Mapped[str] = mapped_column(sa.String(120), default="")
    reporter_position: Mapped[str] = mapped_column(sa.String(120), default="")
    street: Mapped[str] = mapped_column(sa.String(255), default="")
    kelurahan: Mapped[str] = mapped_column(sa.String(120), default="")
    kecamatan: Mapped[str] = mapped_column(sa.String(120), default="")
    city: Mapped[str] = mapped_column(sa.String(120), default="")  # kab/kota of the secretariat
    postal_code: Mapped[str] = mapped_column(sa.String(10), default="")
    sk_number: Mapped[str] = mapped_column(sa.String(120), default="")
    sk_date: Mapped[date | None] = mapped_column(nullable=True)
    sk_issuer: Mapped[str] = mapped_column(sa.String(200), default="")
    term_start: Mapped[date | None] = mapped_column(nullable=True)
    term_end: Mapped[date | None] = mapped_column(nullable=True)
    # Ormas only: legal form, the Kemenkumham decree or Kemendagri SKT, activity, deed, NPWP.
    legal_form: Mapped[LegalForm | None] = mapped_column(
        enum_column(LegalForm, "legal_form"), nullable=True
    )
    legal_number: Mapped[str] = mapped_column(sa.String(120), default="")
    legal_date: Mapped[date | None] = mapped_column(nullable=True)
    field_of_activity: Mapped[str] = mapped_column(sa.String(200), default="")
    deed_number: Mapped[str] = mapped_column(sa.String(120), default="")
    deed_date: Mapped[date | None] = mapped_column(nullable=True)
    notary_name: Mapped[str] = mapped_column(sa.String(200), default="")
    npwp: Mapped[str] = mapped_column(sa.String(32), default="")
    phone: Mapped[str] = mapped_column(sa.String(32), default="")
    contact_email: Mapped[str] = mapped_column(sa.String(254), default="")
    logo_file_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("stored_files.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(sa.Integer, default=1)

    account: Mapped[User] = relationship(back_populates="party")
    logo: Mapped[StoredFile | None] = relationship(lazy="joined")
    officers: Mapped[list[PartyOfficer]] = relationship(
        back_populates="party",
        order_by="PartyOfficer.sort_order",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def address_text(self) -> str:
        """The secretariat address on one line, as the letter prints it (``formatting.alamat``)."""
        return alamat(self.street, self.kelurahan, self.kecamatan, self.city, self.postal_code)


class PartyOfficer(Base):
    """One line of the board composition (susunan pengurus)."""

    __tablename__ = "party_officers"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(
        sa.ForeignKey("parties.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[str] = mapped_column(sa.String(120))
    name: Mapped[str] = mapped_column(sa.String(120))
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)

    party: Mapped[Party] = relationship(back_populates="officers")
