"""Public service information: the Standar Pelayanan, requirement list, procedure, forms, FAQ.

The requirement list comes from the live ``Requirement`` rows through ``requirements_for``, the
same function the application form uses, so the public page can never disagree with what the
app asks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import (
    ApplicantKind,
    FaqEntry,
    ProcedureStep,
    Requirement,
    Service,
    ServiceForm,
    ServiceStandard,
    User,
)
from sisakat.services import (
    audit,
    catalog,
    complaint_files,
    concurrency,
    requirements,
    richtext,
    settings,
)

FORMATTED_FIELDS = (
    "summary",
    "procedure",
    "duration",
    "cost",
    "product",
    "complaint_handling",
    "legal_basis",
)
COMPLAINTS = (
    "Pengaduan, saran dan masukan melalui menu Pengaduan, WhatsApp layanan, atau SP4N-LAPOR!."
)
# The Standar Pelayanan a service shows until the admin saves its own, per applicant kind.
DEFAULT_TEXT_BY_KIND = {
    ApplicantKind.PARPOL: {
        "summary": "Pendaftaran kepengurusan partai politik secara daring untuk memperoleh SKT.",
        "procedure": "Permohonan diajukan secara daring melalui SISAKAT; lihat alur pelayanan.",
        "duration": "Paling lama 1 (satu) jam sejak berkas lengkap dan benar diterima.",
        "cost": "Tidak dipungut biaya.",
        "product": "Surat Keterangan Terdaftar (SKT) bertanda tangan elektronik.",
        "complaint_handling": COMPLAINTS,
        "legal_basis": "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.",
    },
    ApplicantKind.ORMAS: {
        "summary": (
            "Pelaporan keberadaan organisasi kemasyarakatan (ormas) secara daring untuk "
            "memperoleh Surat Keterangan Melapor."
        ),
        "procedure": "Laporan diajukan secara daring melalui SISAKAT; lihat alur pelayanan.",
        "duration": "Paling lama 15 (lima belas) hari kerja sejak berkas lengkap dan benar "
        "diterima.",
        "cost": "Tidak dipungut biaya.",
        "product": "Surat Keterangan Melapor bertanda tangan elektronik.",
        "complaint_handling": COMPLAINTS,
        "legal_basis": (
            "- Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.\n"
            "- Undang-Undang Nomor 17 Tahun 2013 tentang Organisasi Kemasyarakatan sebagaimana "
            "telah diubah dengan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2017 "
            "yang ditetapkan menjadi undang-undang dengan Undang-Undang Nomor 16 Tahun 2017.\n"
            "- Peraturan Menteri Dalam Negeri Nomor 57 Tahun 2017 tentang Pendaftaran dan "
            "Pengelolaan Sistem Informasi Organisasi Kemasyarakatan."
        ),
    },
}
DEFAULT_STEPS_BY_KIND = {
    ApplicantKind.PARPOL: (
        ("Daftar akun dan isi profil partai", "Pemohon"),
        ("Unggah dokumen persyaratan dan ajukan", "Pemohon"),
        ("Verifikasi dokumen", "Verifikator"),
        ("Tanda tangan elektronik SKT", "Kepala Badan"),
        ("Unduh SKT", "Pemohon"),
    ),
    ApplicantKind.ORMAS: (
        ("Daftar akun dan isi profil ormas", "Pemohon"),
        ("Unggah dokumen persyaratan dan ajukan", "Pemohon"),
        ("Verifikasi dokumen", "Verifikator"),
        ("Tanda tangan elektronik surat keterangan", "Kepala Badan"),
        ("Unduh surat keterangan", "Pemohon"),
    ),
}


@dataclass(frozen=True)
class StepView:
    """A procedure step as shown (saved or default)."""

    title: str
    actor: str = ""
    duration: str = ""


def public_services() -> list[Service]:
    """The services the public pages list: every active one, in display order."""
    return catalog.all_services(active_only=True)


def public_service(code: str) -> Service | None:
    """An active service by code, or None (unknown or inactive code -> 404 on public pages)."""
    service = catalog.get(code)
    return service if service is not None and service.active else None


def service_name(code: str) -> str | None:
    """The service's name (active or not), or None for an unknown code."""
    service = catalog.get(code)
    return service.name if service is not None else None


def _kind(service_code: str) -> ApplicantKind:
    service = catalog.get(service_code)
    return service.applicant_kind if service is not None else ApplicantKind.PARPOL


def requirements_for(service_code: str) -> list[Requirement]:
    """The live requirement list the application form uses (one rule: requirements.active_list),
    so the public page can never disagree with what the app asks for."""
    return requirements.active_list(service_code)


def standard_for(service_code: str) -> ServiceStandard:
    """The saved standard, or an unsaved one filled with the defaults of the service's applicant
    kind (GET never writes)."""
    row = db.session.execute(
        db.select(ServiceStandard).where(ServiceStandard.service_code == service_code)
    ).scalar_one_or_none()
    if row is None:
        row = ServiceStandard(
            service_code=service_code, **DEFAULT_TEXT_BY_KIND[_kind(service_code)]
        )
    return row


def steps_for(service_code: str) -> list[StepView]:
    """The procedure steps in order; the defaults of the applicant kind when none are saved."""
    rows = db.session.execute(
        db.select(ProcedureStep)
        .where(ProcedureStep.service_code == service_code)
        .order_by(ProcedureStep.sort_order, ProcedureStep.id)
    ).scalars()
    steps = [StepView(r.title, r.actor, r.duration) for r in rows]
    defaults = DEFAULT_STEPS_BY_KIND[_kind(service_code)]
    return steps or [StepView(title, actor) for title, actor in defaults]


def forms_for(service_code: str) -> list[ServiceForm]:
    """Downloadable forms of a service."""
    return list(
        db.session.execute(
            db.select(ServiceForm)
            .where(ServiceForm.service_code == service_code)
            .order_by(ServiceForm.sort_order, ServiceForm.id)
        ).scalars()
    )


def faq_entries(*, include_inactive: bool = False) -> list[FaqEntry]:
    """FAQ entries in order (only active ones for the public)."""
    query = db.select(FaqEntry).order_by(FaqEntry.sort_order, FaqEntry.id)
    if not include_inactive:
        query = query.where(FaqEntry.active.is_(True))
    return list(db.session.execute(query).scalars())


def parse_steps(text: str) -> list[StepView]:
    """Admin's step list: one step a line, ``Judul | Pelaksana | Waktu`` (the last two optional)."""
    steps = []
    for line in (text or "").splitlines():
        parts = [p.strip() for p in line.split("|")]
        if not parts[0]:
            continue
        if len(parts) > 3 or len(parts[0]) > 200 or any(len(p) > 60 for p in parts[1:]):
            raise DomainError(f"Baris langkah tidak valid: {line[:60]}")
        steps.append(StepView(*(parts + ["", ""])[:3]))
    if len(steps) > 30:
        raise DomainError("Paling banyak 30 langkah.")
    return steps


def steps_as_text(steps: list[StepView]) -> str:
    """The inverse of ``parse_steps`` for the edit form."""
    return "\n".join(" | ".join(p for p in (s.title, s.actor, s.duration) if p) for s in steps)


def save_standard(service_code: str, values: dict[str, str], steps_text: str, *, actor: User):
    """Store the sanitised components and replace the procedure steps (audited)."""
    steps = parse_steps(steps_text)
    row = standard_for(service_code)
    for field in FORMATTED_FIELDS:
        setattr(row, field, richtext.sanitise(values.get(field, "")))
    row.updated_by_id = actor.id
    db.session.add(row)
    db.session.execute(db.delete(ProcedureStep).where(ProcedureStep.service_code == service_code))
    for i, step in enumerate(steps):
        db.session.add(
            ProcedureStep(
                service_code=service_code,
                sort_order=i,
                title=step.title,
                actor=step.actor,
                duration=step.duration,
            )
        )
    audit.record(
        "service.standard_update", actor=actor, object_type="service", object_id=service_code
    )
    db.session.flush()
    return row


def add_form(service_code: str, title: str, upload, *, actor: User) -> ServiceForm:
    """Keep an uploaded PDF or .docx form for download (checked like every upload)."""
    stored = complaint_files.accept_form_file(upload, uploaded_by=actor)
    form = ServiceForm(service_code=service_code, title=title, file_id=stored.id)
    db.session.add(form)
    db.session.flush()
    audit.record("service.form_add", actor=actor, object_type="service_form", object_id=form.id)
    return form


def remove_form(form: ServiceForm, *, actor: User) -> None:
    """Withdraw a form (the stored file row stays; files are never deleted in place)."""
    audit.record("service.form_remove", actor=actor, object_type="service_form", object_id=form.id)
    db.session.delete(form)
    db.session.flush()


FAQ_EDITABLE = ("question", "answer", "sort_order", "active")


def faq_token(entry: FaqEntry) -> str:
    """The digest of the entry's values its edit page carries (``concurrency``)."""
    return concurrency.row_token(entry, FAQ_EDITABLE)


def save_faq(
    entry: FaqEntry | None,
    *,
    question: str,
    answer: str,
    sort_order: int,
    active: bool,
    actor: User,
    seen: str | None = None,
) -> FaqEntry:
    """Create or update one FAQ entry (answer sanitised). ``seen``: the edit page's digest;
    refused when the entry changed since."""
    if entry is not None:
        concurrency.check_row(seen, entry, FAQ_EDITABLE, object_type="faq")
    entry = entry or FaqEntry()
    entry.question = question
    entry.answer = richtext.sanitise(answer)
    entry.sort_order = sort_order
    entry.active = active
    db.session.add(entry)
    db.session.flush()
    audit.record("faq.save", actor=actor, object_type="faq", object_id=entry.id)
    return entry


def delete_faq(entry: FaqEntry, *, actor: User) -> None:
    """Remove one FAQ entry."""
    audit.record("faq.delete", actor=actor, object_type="faq", object_id=entry.id)
    db.session.delete(entry)
    db.session.flush()


@dataclass(frozen=True)
class Contacts:
    """Contact channels for the public pages."""

    phone: str
    email: str
    address: str
    hours: str
    whatsapp_display: str
    whatsapp_url: str
    lapor_url: str


CONTACT_FIELDS = ("whatsapp", "whatsapp_message", "email", "hours", "lapor_url")
# What the contacts page shows: its digest guards a save from an out-of-date page.
CONTACT_PAGE = (*(f"contact.{k}" for k in CONTACT_FIELDS), "complaint.name_required")


def save_contacts(values: dict, *, actor: User, seen: str | None = None) -> list[str]:
    """Store the contact settings (keys of ``CONTACT_PAGE``); returns the changed keys.
    ``seen``: the page's digest; refused when another admin saved since."""
    concurrency.check_settings(seen, CONTACT_PAGE)
    return settings.update(values, actor=actor)


def contacts() -> Contacts:
    """Office contact channels; the WhatsApp click-to-chat link carries a prefilled message."""
    values = settings.group("contact")
    agency = settings.group("agency")
    digits = "".join(ch for ch in str(values.get("whatsapp") or "") if ch.isdigit())
    if digits.startswith("0"):  # a local number: wa.me wants the country code
        digits = "62" + digits[1:]
    message = quote(str(values.get("whatsapp_message") or ""))
    wa_url = f"https://wa.me/{digits}?text={message}" if digits else ""
    lapor = str(values.get("lapor_url") or "")
    return Contacts(
        phone=str(agency.get("phone") or ""),
        email=str(values.get("email") or agency.get("email") or ""),
        address=str(agency.get("address") or ""),
        hours=str(values.get("hours") or ""),
        whatsapp_display=f"+{digits}" if digits else "",
        whatsapp_url=wa_url,
        lapor_url=lapor if lapor.startswith("https://") else "https://www.lapor.go.id",
    )
