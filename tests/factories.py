"""Plain factories with valid defaults; fictional people only."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from sisakat.extensions import db
from sisakat.models import ApplicantKind, LegalForm, Level, Party, PartyOfficer, Role, User
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


def ormas(
    account: User | None = None,
    *,
    complete: bool = True,
    commit: bool = True,
    chair: str = "Dedi Contoh",
    **fields,
) -> Party:
    """An ormas profile (complete by default, no logo) owned by a new or given Pemohon account."""
    account = account or user(Role.PEMOHON, commit=False)
    n = next(_seq)
    name = fields.pop("party_name", f"Perkumpulan Contoh Peduli {n}")
    values = {
        "account": account,
        "kind": ApplicantKind.ORMAS,
        "board_name": name,
        "party_name": name,
        "abbreviation": f"PCP{n}",
    }
    if complete:
        values.update(
            legal_form=LegalForm.BERBADAN_HUKUM,
            legal_number=f"AHU-{n:07d}.AH.01.07.TAHUN 2024",
            legal_date=date(2024, 3, 4),
            field_of_activity="Sosial kemasyarakatan",
            deed_number=str(n),
            deed_date=date(2024, 2, 1),
            notary_name="Sari Contoh, S.H., M.Kn.",
            npwp="012345678901234",
            street="Jalan Contoh Damai No. 8",
            kelurahan="Sekip Jaya",
            kecamatan="Kemuning",
            city="Kota Palembang",
            postal_code="30126",
            term_start=date(2024, 3, 1),
            term_end=date(2029, 2, 28),
            phone="081200000099",
            contact_email=f"ormas{n}@contoh.test",
        )
    values.update(fields)
    obj = Party(**values)
    officers = [("Ketua", chair)]
    if complete:
        officers += [("Sekretaris", "Lina Contoh"), ("Bendahara", "Tono Contoh")]
    for i, (pos, person) in enumerate(officers):
        obj.officers.append(PartyOfficer(position=pos, name=person, sort_order=i))
    db.session.add(obj)
    if commit:
        db.session.commit()
    return obj


# --- public service information, complaints, survey (issue 6) ---------------------------------


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


# --- applications (workflow issue) ---------------------------------------------------------


def pdf_bytes(text: str = "Dokumen persyaratan uji", pages: int = 1) -> bytes:
    """A real, clean PDF made with ReportLab."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for i in range(pages):
        c.drawString(72, 770, f"{text} - halaman {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def png_bytes() -> bytes:
    """A small real PNG (a party logo)."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def logo(account: User | None = None):
    """A stored PNG logo row."""
    from sisakat.models import FileKind
    from sisakat.services import storage

    return storage.save_bytes(
        png_bytes(),
        kind=FileKind.LOGO,
        content_type="image/png",
        display_name="logo.png",
        uploaded_by=account,
    )


def application(
    owner: Party | None = None,
    *,
    status=None,
    documents: bool = True,
    claimed_by: User | None = None,
    verdict=None,
    commit: bool = True,
    service_code: str | None = None,
):
    """An application in ``status`` (default Draf), built directly (not through the workflow).

    ``documents``: every requirement has one uploaded version (one shared stored PDF);
    ``verdict``: a Verdict set on every document version; ``service_code``: the service applied
    for (default: what ``applications.create`` picks), with that service's requirement list;
    without ``owner``, a new party board or ormas of the kind that service is for.
    """
    from sisakat.models import (
        ApplicationDocument,
        ApplicationRequirement,
        ApplicationStatus,
        FileKind,
    )
    from sisakat.services import applications, requirements, storage, workflow_guards

    requirements.ensure_defaults()
    if owner is None:  # an applicant of the kind the service is for
        from sisakat.models import ApplicantKind
        from sisakat.services import catalog

        service = catalog.get(service_code)
        is_ormas = service is not None and service.applicant_kind == ApplicantKind.ORMAS
        owner = ormas(commit=False) if is_ormas else party(commit=False)
    db.session.flush()
    if owner.logo_file_id is None:
        owner.logo_file_id = logo(owner.account).id
    code = service_code or applications.default_service_code(owner)
    app_ = applications.create(owner, actor=owner.account, service_code=code)
    if documents:
        stored = storage.save_bytes(
            pdf_bytes(),
            kind=FileKind.REQUIREMENT,
            content_type="application/pdf",
            display_name="uji.pdf",
            uploaded_by=owner.account,
        )
        items = db.select(ApplicationRequirement).where(
            ApplicationRequirement.application_id == app_.id
        )
        for item in db.session.execute(items).scalars():
            db.session.add(
                ApplicationDocument(
                    application_requirement_id=item.id,
                    version_no=1,
                    stored_file_id=stored.id,
                    uploaded_by_id=owner.account_id,
                    page_count=1,
                    verdict=verdict,
                    reason="Belum dilegalisir"
                    if verdict and verdict.value == "tidak_sesuai"
                    else "",
                )
            )
    status = status or ApplicationStatus.DRAF
    if status != ApplicationStatus.DRAF:
        app_.profile_snapshot = workflow_guards.snapshot_profile(app_)
    app_.status = status
    app_.open_party_id = owner.id if app_.is_open else None
    app_.claimed_by_id = claimed_by.id if claimed_by else None
    db.session.flush()
    if commit:
        db.session.commit()
    return app_


# --- issued letters, public verification (issue5pub) -------------------------------------------


def letter_token() -> str:
    """A fresh public token: 128 random bits as unpadded upper-case base32 (26 characters)."""
    import base64
    import secrets

    return base64.b32encode(secrets.token_bytes(16)).decode().rstrip("=")


def issued_letter(owner: Party | None = None, *, commit: bool = True, **fields):
    """An application in Terbit with its Letter in Berlaku and a stored signed PDF (a real
    ReportLab PDF through storage.save_bytes), built directly, not through the approval routes.
    ``fields`` override Letter columns; ``profile`` entries are merged into the snapshot."""
    import json

    from sisakat.models import ApplicationStatus, FileKind, Letter, LetterStatus, SigningMethod
    from sisakat.models import utcnow as now
    from sisakat.services import numbering, storage

    owner = owner or party(commit=False)
    app_ = application(owner, status=ApplicationStatus.TERBIT, documents=False, commit=False)
    n = next(_seq)
    signed = storage.save_bytes(
        pdf_bytes(f"Surat Keterangan Terdaftar nomor {n}"),
        kind=FileKind.LETTER_SIGNED,
        content_type="application/pdf",
        display_name=f"skt-{n}.pdf",
        uploaded_by=None,
    )
    profile = {
        "party_name": owner.party_name,
        "abbreviation": owner.abbreviation,
        "level": owner.level.value if owner.level else "",
        "region_name": owner.region_name,
        "reporter_name": owner.reporter_name,
        "street": owner.street,
        "phone": owner.phone,
        "contact_email": owner.contact_email,
        "officers": [{"position": o.position, "name": o.name} for o in owner.officers],
    }
    profile.update(fields.pop("profile", {}))
    today = numbering.office_today()
    values = {
        "application_id": app_.id,
        "token": letter_token(),
        "status": LetterStatus.BERLAKU,
        "number_text": f"200.1.5.3/{n}/BAN.KBP/{today.year}",
        "letter_date": today,
        "context_json": json.dumps({"profile": profile, "settings": {}}),
        "signed_file_id": signed.id,
        "signing_method": SigningMethod.PADES,
        "signer_name": "Dr. Rahmat Contoh, M.Si.",
        "signer_position": "Kepala Badan Kesatuan Bangsa dan Politik",
        "signed_at": now(),
        "validation_report": json.dumps(
            {
                "accepted": True,
                "signer_common_name": "Rahmat Contoh",
                "signer_issuer": "CN=OSD BSrE Uji",
                "signing_time": "2026-01-05T03:00:00+00:00",
                "timestamp_time": None,
                "revocation_checked": True,
            }
        ),
        "issued_at": now(),
        "valid_until": today + timedelta(days=5 * 365),
    }
    values.update(fields)
    obj = Letter(**values)
    db.session.add(obj)
    db.session.flush()
    if commit:
        db.session.commit()
    return obj


def submitted(application, *, at=None, commit: bool = True):
    """Give ``application`` (built directly, e.g. in Diajukan) the Diajukan history row a real
    submission writes (at ``at``, default its creation): the date the dashboard counts it by."""
    from sisakat.models import Action, ApplicationHistory, ApplicationStatus

    db.session.add(
        ApplicationHistory(
            application_id=application.id,
            action=Action.AJUKAN,
            at=at or application.created_at,
            from_status=ApplicationStatus.DRAF,
            to_status=ApplicationStatus.DIAJUKAN,
        )
    )
    if commit:
        db.session.commit()
    return application
