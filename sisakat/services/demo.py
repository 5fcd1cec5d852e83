"""Demo data for training and trying the app: fictional staff, three fictional party boards and
one fictional ormas, and one submitted example application (the first board's, with a generated
one-page PDF for each required document) so the verifier's queue has something to open.

Fictional people and parties only ("Partai Contoh ...", "Dr. Contoh Pejabat, M.Si."). No super
admin is created (``create-admin`` does that). Passwords are random and returned once to print.
"""

from __future__ import annotations

import io
import re
import secrets
from dataclasses import dataclass
from datetime import date

from flask import current_app
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from sisakat.config import ROOT, max_upload_bytes
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import (
    Action,
    ApplicantKind,
    Application,
    FileKind,
    LegalForm,
    Level,
    Party,
    PartyOfficer,
    Role,
    User,
)
from sisakat.services import (
    applications,
    audit,
    documents,
    images,
    office,
    requirements,
    uploads,
    workflow,
)
from sisakat.services.passwords import hash_password

FONT = "sisakat/pdf/fonts/LiberationSans-Bold.ttf"
EMAIL_DOMAIN = "contoh-demo.example.com"
STAFF = (
    ("demo-verifikator", Role.VERIFIKATOR, "Contoh Verifikator, S.Sos.", "198001012005011001"),
    ("demo-penandatangan", Role.PENANDATANGAN, "Dr. Contoh Pejabat, M.Si.", "197001011995011001"),
)
PARTIES = (
    ("Partai Contoh Maju", "PCM", Level.PROVINSI, "Sumatera Selatan", "DPW", "#0b5394"),
    ("Partai Contoh Sejahtera", "PCS", Level.KOTA, "Kota Palembang", "DPD", "#38761d"),
    ("Partai Contoh Nusantara", "PCN", Level.KABUPATEN, "Kabupaten Contoh Ilir", "DPC", "#990000"),
)
ORMAS_USERNAME = "demo-ormas"
ORMAS = {
    "party_name": "Perkumpulan Pemuda Contoh Peduli Lingkungan",
    "abbreviation": "PPCPL",
    "legal_form": LegalForm.BERBADAN_HUKUM,
    "legal_number": "AHU-0000001.AH.01.07.TAHUN 2024",
    "legal_date": date(2024, 3, 4),
    "field_of_activity": "Lingkungan hidup",
    "deed_number": "7",
    "deed_date": date(2024, 2, 1),
    "notary_name": "Contoh Notaris, S.H., M.Kn.",
    "npwp": "012345678901000",
    "street": "Jalan Contoh Hijau No. 3",
    "kelurahan": "Kelurahan Contoh",
    "kecamatan": "Kecamatan Contoh",
    "city": "Kota Palembang",
    "postal_code": "30119",
    "term_start": date(2024, 3, 1),
    "term_end": date(2029, 2, 28),
    "phone": "0812 0000 0099",
    "contact_email": f"sekretariat-ppcpl@{EMAIL_DOMAIN}",
}
OFFICERS = ("Ketua", "Wakil Ketua", "Sekretaris", "Wakil Sekretaris", "Bendahara")
FIRST_NAMES = ("Ahmad", "Siti", "Budi", "Dewi", "Rudi")


class DemoDataExists(DomainError):
    """Demo accounts are already there; nothing was changed."""


@dataclass(frozen=True)
class DemoData:
    """What ``create_demo_data`` made: the logins (passwords shown once) and the example
    application waiting in the verification queue."""

    accounts: list[DemoAccount]
    example: Application


@dataclass(frozen=True)
class DemoAccount:
    """One created login, with its password shown once."""

    username: str
    role: Role
    label: str
    password: str


def usernames() -> list[str]:
    """Every username the demo data creates."""
    return [s[0] for s in STAFF] + [f"demo-{p[1].lower()}" for p in PARTIES] + [ORMAS_USERNAME]


def draw_logo(abbreviation: str, colour: str) -> bytes:
    """A simple round logo with the party's abbreviation (Pillow-drawn PNG)."""
    image = Image.new("RGB", (400, 400), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 380, 380), fill=colour, outline="#222222", width=8)
    font = ImageFont.truetype(str(ROOT / FONT), 120)
    draw.text((200, 200), abbreviation, fill="white", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _user(username: str, role: Role, full_name: str, **extra) -> tuple[User, str]:
    """A new user with a random password (returned in clear once, stored only hashed)."""
    password = secrets.token_urlsafe(12)
    user = User(
        username=username,
        email=f"{username}@{EMAIL_DOMAIN}",
        full_name=full_name,
        role=role,
        password_hash=hash_password(password),
        **extra,
    )
    db.session.add(user)
    return user, password


def _fit_office(spec: tuple) -> tuple:
    """``spec`` as a board this office registers: at a regency or city office (one level,
    ``office.only_level``) every demo board is a DPC of the office's own region."""
    level = office.only_level()
    if level is None:
        return spec
    name, abbr, _level, _region, _board, colour = spec
    return name, abbr, level, office.region_title(), "DPC", colour


def _party(account: User, spec: tuple, n: int) -> Party:
    """A complete fictional profile with board composition and a drawn logo."""
    name, abbr, level, region, board, colour = _fit_office(spec)
    people = [f"{first} Contoh {abbr}" for first in FIRST_NAMES]
    party = Party(
        account=account,
        board_name=f"{board} {name} {'Provinsi ' if level == Level.PROVINSI else ''}{region}",
        party_name=name,
        abbreviation=abbr,
        level=level,
        region_name=region,
        reporter_name=people[0],
        reporter_position="Ketua",
        street=f"Jalan Contoh No. {n + 10}",
        kelurahan="Kelurahan Contoh",
        kecamatan="Kecamatan Contoh",
        city="Kota Palembang" if level == Level.PROVINSI else region,
        postal_code=f"3010{n}",
        sk_number=f"SK-{n + 1:03d}/DPP-{abbr}/I/2025",
        sk_date=date(2025, 1, 15),
        sk_issuer=f"Dewan Pimpinan Pusat {name}",
        term_start=date(2025, 1, 15),
        term_end=date(2030, 1, 14),
        phone=f"0812 0000 00{n:02d}",
        contact_email=f"sekretariat-{abbr.lower()}@{EMAIL_DOMAIN}",
    )
    db.session.add(party)
    for i, position in enumerate(OFFICERS):
        party.officers.append(PartyOfficer(position=position, name=people[i], sort_order=i))
    logo = draw_logo(abbr, colour)
    row = images.store_image(
        io.BytesIO(logo), kind=FileKind.LOGO, display_name=f"logo-{abbr}.png", uploaded_by=account
    )
    party.logo_file_id = row.id
    return party


def _ormas(account: User) -> Party:
    """A complete fictional ormas with its board and a drawn logo."""
    abbr = ORMAS["abbreviation"]
    ormas = Party(
        account=account, kind=ApplicantKind.ORMAS, board_name=ORMAS["party_name"], **ORMAS
    )
    db.session.add(ormas)
    for i, position in enumerate(OFFICERS):
        ormas.officers.append(
            PartyOfficer(position=position, name=f"{FIRST_NAMES[i]} Contoh {abbr}", sort_order=i)
        )
    row = images.store_image(
        io.BytesIO(draw_logo(abbr[:4], "#6aa84f")),
        kind=FileKind.LOGO,
        display_name=f"logo-{abbr}.png",
        uploaded_by=account,
    )
    ormas.logo_file_id = row.id
    return ormas


def example_pdf(title: str, board_name: str) -> bytes:
    """A one-page PDF standing in for a requirement document, marked as an example."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=True)
    page.setTitle(f"Contoh: {title}")
    height = A4[1]
    page.setFont("Helvetica-Bold", 16)
    page.drawString(72, height - 100, "CONTOH DOKUMEN (DATA FIKTIF)")
    page.setFont("Helvetica", 12)
    page.drawString(72, height - 130, title[:90])
    page.drawString(72, height - 150, board_name[:90])
    page.drawString(72, height - 180, "Dibuat oleh perintah demo-data SISAKAT untuk latihan.")
    page.showPage()
    page.save()
    return out.getvalue()


def _example_application(party: Party, account: User) -> Application:
    """The board's application, each required document uploaded and submitted: through the
    same services as the party's own clicks (validation, storage, audit, notifications)."""
    application = applications.create(
        party, actor=account, service_code=applications.default_service_code(party)
    )
    db.session.flush()
    for state in documents.checklist(application):
        item = state.requirement
        if not item.required:
            continue
        uploads.upload_requirement_document(
            application,
            item,
            io.BytesIO(example_pdf(item.name, party.board_name)),
            filename="contoh-" + "-".join(re.findall(r"[a-z0-9]+", item.name.lower())) + ".pdf",
            actor=account,
            max_bytes=max_upload_bytes(current_app),
            max_pages=current_app.config["MAX_PDF_PAGES"],
        )
    workflow.apply(application, Action.AJUKAN, actor=account, seen_version=application.version)
    return application


def create_demo_data() -> DemoData:
    """Create the demo staff and party accounts and the example application; refuses when any
    demo account exists."""
    taken = db.session.execute(db.select(User.username).where(User.username.in_(usernames())))
    existing = sorted(taken.scalars())
    if existing:
        raise DemoDataExists(
            f"Data demo sudah ada (akun {', '.join(existing)}). Tidak ada yang diubah."
        )
    created = []
    for username, role, full_name, nip in STAFF:
        _, password = _user(username, role, full_name, nip=nip)
        created.append(DemoAccount(username, role, full_name, password))
    example_owner = None
    for n, spec in enumerate(PARTIES):
        account, password = _user(f"demo-{spec[1].lower()}", Role.PEMOHON, f"Sekretariat {spec[1]}")
        db.session.flush()
        party = _party(account, spec, n)
        example_owner = example_owner or (party, account)  # the first board
        created.append(DemoAccount(account.username, Role.PEMOHON, party.board_name, password))
    account, password = _user(ORMAS_USERNAME, Role.PEMOHON, f"Sekretariat {ORMAS['abbreviation']}")
    db.session.flush()
    ormas = _ormas(account)
    created.append(DemoAccount(account.username, Role.PEMOHON, ormas.board_name, password))
    db.session.flush()
    audit.record("demo.create", actor=None, details={"usernames": [a.username for a in created]})
    requirements.ensure_defaults()  # idempotent, as `flask init-data`: the example needs them
    example = _example_application(*example_owner)
    return DemoData(created, example)
