"""Plain factories with valid defaults; fictional people only."""

from __future__ import annotations

import itertools
from datetime import date

from sisakat.extensions import db
from sisakat.models import Level, Party, PartyOfficer, Role, User
from sisakat.services.passwords import hash_password

_seq = itertools.count(1)
PASSWORD = "kata-sandi-uji-123"
_HASH: str | None = None


def _password_hash() -> str:
    global _HASH
    if _HASH is None:
        _HASH = hash_password(PASSWORD)
    return _HASH


def user(role: Role = Role.PEMOHON, *, commit: bool = True, **fields) -> User:
    """A user with password ``PASSWORD``."""
    n = next(_seq)
    values = {
        "username": f"pengguna{n}",
        "email": f"pengguna{n}@contoh.test",
        "full_name": f"Pengguna Contoh {n}",
        "role": role,
        "password_hash": _password_hash(),
    }
    values.update(fields)
    obj = User(**values)
    db.session.add(obj)
    if commit:
        db.session.commit()
    return obj


def party(
    account: User | None = None, *, complete: bool = True, commit: bool = True, **fields
) -> Party:
    """A party profile (complete by default) owned by a new or given Pemohon account."""
    account = account or user(Role.PEMOHON, commit=False)
    n = next(_seq)
    values = {"account": account, "board_name": f"DPW Partai Contoh {n} Provinsi Sumatera Selatan"}
    if complete:
        values.update(
            party_name=f"Partai Contoh {n}",
            abbreviation=f"PC{n}",
            level=Level.PROVINSI,
            region_name="Sumatera Selatan",
            reporter_name="Budi Contoh",
            reporter_position="Ketua",
            street="Jalan Merdeka No. 1",
            kelurahan="Talang Semut",
            kecamatan="Bukit Kecil",
            city="Kota Palembang",
            postal_code="30135",
            sk_number=f"SK-{n}/DPP/2025",
            sk_date=date(2025, 1, 15),
            sk_issuer="DPP Partai Contoh",
            term_start=date(2025, 1, 15),
            term_end=date(2030, 1, 14),
            phone="081200000000",
            contact_email=f"partai{n}@contoh.test",
        )
    values.update(fields)
    obj = Party(**values)
    if complete:
        for i, (pos, name) in enumerate(
            [("Ketua", "Budi Contoh"), ("Sekretaris", "Siti Contoh"), ("Bendahara", "Andi Contoh")]
        ):
            obj.officers.append(PartyOfficer(position=pos, name=name, sort_order=i))
    db.session.add(obj)
    if commit:
        db.session.commit()
    return obj


# --- public service information, complaints, survey (issue 6) ---------------------------------


def pdf_bytes(text: str = "Dokumen uji") -> bytes:
    """A real one-page PDF made with ReportLab."""
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 720, text)
    pdf.save()
    return out.getvalue()


def complaint(
    *,
    body: str = "Pelayanan di loket lambat sekali.",
    attachment: bool = False,
    category_days: int = 5,
    commit: bool = True,
    **fields,
):
    """A filed complaint (through the service: ticket, secret, first timeline entry)."""
    from sisakat.models import ComplaintCategory, FileKind
    from sisakat.services import complaints, storage

    category = ComplaintCategory(name=f"Kategori {next(_seq)}", limit_days=category_days)
    db.session.add(category)
    db.session.flush()
    data = complaints.ComplaintInput(
        fields.pop("name", "Warga Contoh"),
        fields.pop("contact", "warga@contoh.test"),
        str(category.id),
        body,
    )
    obj = complaints.file_complaint(data)
    if attachment:
        stored = storage.save_bytes(
            pdf_bytes(),
            kind=FileKind.ATTACHMENT,
            content_type="application/pdf",
            display_name="bukti.pdf",
            uploaded_by=None,
        )
        obj.attachment_id = stored.id
    for key, value in fields.items():
        setattr(obj, key, value)
    if commit:
        db.session.commit()
    return obj


def survey_response(answers=(4, 4, 4, 4, 4, 4, 4, 4, 4), *, commit: bool = True, **fields):
    """A stored survey response."""
    from sisakat.models import ELEMENT_COLUMNS, SurveyResponse

    obj = SurveyResponse(**dict(zip(ELEMENT_COLUMNS, answers, strict=True)), **fields)
    db.session.add(obj)
    if commit:
        db.session.commit()
    return obj
