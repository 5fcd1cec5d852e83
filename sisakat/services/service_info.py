"""Public service information per service: the Standar Pelayanan, requirement list, procedure and
forms (the office-wide FAQ lives in ``faq``, the contact channels in ``office_contacts``).

The requirement list comes from the live ``Requirement`` rows through ``requirements_for``
(``requirements.active_list``, the list a new application copies), so the public page can never
disagree with what the app asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.formatting import durasi
from sisakat.models import (
    ApplicantKind,
    ProcedureStep,
    Requirement,
    Service,
    ServiceForm,
    ServiceStandard,
    User,
)
from sisakat.services import audit, catalog, complaint_files, requirements, richtext, settings

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
# How the default texts name the signature ("{signed}" in the product, "{sign}" in the steps),
# by whether the office accepts scans of wet signatures (``signing.allow_scan``): an office
# without BSrE certificates issues wet-signed scans, and must not publish that its letters are
# electronically signed. The electronic paths stay open beside the scans, so both are named.
SIGNATURE_WORDING = {
    False: {"signed": "bertanda tangan elektronik", "sign": "Tanda tangan elektronik"},
    True: {
        "signed": "bertanda tangan elektronik atau tanda tangan basah (hasil pindai)",
        "sign": "Tanda tangan (elektronik atau basah)",
    },
}
# A saved text that promises an electronic signature without naming the wet-signed scan.
_ELECTRONIC = re.compile(
    r"(tanda\s*tangan|ditandatangani)(\s+secara)?\s+elektronik|\bTTE\b", re.IGNORECASE
)
_WET = re.compile(r"basah|pindai", re.IGNORECASE)
# The Standar Pelayanan a service shows until the admin saves its own, per applicant kind.
DEFAULT_TEXT_BY_KIND = {
    ApplicantKind.PARPOL: {
        "summary": "Pendaftaran kepengurusan partai politik secara daring untuk memperoleh SKT.",
        "procedure": "Permohonan diajukan secara daring melalui SISAKAT; lihat alur pelayanan.",
        "duration": "Paling lama 1 (satu) jam sejak berkas lengkap dan benar diterima.",
        "cost": "Tidak dipungut biaya.",
        "product": "Surat Keterangan Terdaftar (SKT) {signed}.",
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
        "product": "Surat Keterangan Melapor {signed}.",
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
        ("{sign} SKT", "Kepala Badan"),
        ("Unduh SKT", "Pemohon"),
    ),
    ApplicantKind.ORMAS: (
        ("Daftar akun dan isi profil ormas", "Pemohon"),
        ("Unggah dokumen persyaratan dan ajukan", "Pemohon"),
        ("Verifikasi dokumen", "Verifikator"),
        ("{sign} surat keterangan", "Kepala Badan"),
        ("Unduh surat keterangan", "Pemohon"),
    ),
}
# The last two steps of a service the office added: its letter is not an SKT.
OWN_LETTER_STEPS = (("{sign} surat", "Kepala Badan"), ("Unduh surat", "Pemohon"))


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


def _added_by_office(service_code: str) -> Service | None:
    """The service when the office added it (not a built-in one), else None."""
    if any(spec["code"] == service_code for spec in catalog.BUILT_IN):
        return None
    return catalog.get(service_code)


def default_text(service_code: str) -> dict[str, str]:
    """The Standar Pelayanan shown until the admin saves one: the built-in text of the
    applicant kind, or, for a service the office added, its own name and SLA (a built-in
    service's "untuk memperoleh SKT" or "15 hari kerja" would describe another service)."""
    text = dict(DEFAULT_TEXT_BY_KIND[_kind(service_code)])
    service = _added_by_office(service_code)
    if service is None:
        return text
    name = service.name
    letter = name if name.casefold().startswith("surat") else f"Surat {name}"
    return {
        **text,
        "summary": f"Permohonan {name} secara daring melalui SISAKAT.",
        "procedure": "Permohonan diajukan secara daring melalui SISAKAT; lihat alur pelayanan.",
        "duration": f"Paling lama {durasi(service.sla_minutes * 60)} kerja sejak berkas "
        "lengkap dan benar diterima.",
        "product": f"{letter} {{signed}}.",
        "legal_basis": "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.",
    }


def requirements_for(service_code: str) -> list[Requirement]:
    """The live requirement list the application form uses (one rule: requirements.active_list),
    so the public page can never disagree with what the app asks for."""
    return requirements.active_list(service_code)


def scans_allowed() -> bool:
    """True while the office accepts scans of wet signatures: its letters may be wet-signed,
    and what it publishes must say so."""
    return bool(settings.get("signing.allow_scan"))


def _signature_words(text: str) -> str:
    """A default text with the signature named as the office's signing settings allow."""
    words = SIGNATURE_WORDING[scans_allowed()]
    return text.replace("{signed}", words["signed"]).replace("{sign}", words["sign"])


def promises_electronic_only(*texts: str) -> bool:
    """True when the texts say the letter is signed electronically and never name the
    wet-signed scan (tags of the formatted text ignored)."""
    joined = re.sub(r"<[^>]*>", " ", " ".join(t or "" for t in texts))
    return bool(_ELECTRONIC.search(joined)) and not _WET.search(joined)


def standard_for(service_code: str) -> ServiceStandard:
    """The saved standard, or an unsaved one filled with ``default_text``, naming the signature
    as the signing settings allow (GET never writes)."""
    row = db.session.execute(
        db.select(ServiceStandard).where(ServiceStandard.service_code == service_code)
    ).scalar_one_or_none()
    if row is None:
        defaults = default_text(service_code)
        row = ServiceStandard(
            service_code=service_code, **{k: _signature_words(v) for k, v in defaults.items()}
        )
    return row


def saved_promising_electronic_only(codes: list[str]) -> list[str]:
    """Of ``codes``, the services whose saved Standar Pelayanan (product, procedure) or saved
    procedure steps promise an electronic signature only (``promises_electronic_only``); the
    defaults follow the signing settings and are never listed."""
    texts: dict[str, list[str]] = {}
    rows = db.session.execute(
        db.select(
            ServiceStandard.service_code, ServiceStandard.product, ServiceStandard.procedure
        ).where(ServiceStandard.service_code.in_(codes))
    ).all()
    for code, product, procedure in rows:
        texts.setdefault(code, []).extend((product, procedure))
    steps = db.session.execute(
        db.select(ProcedureStep.service_code, ProcedureStep.title).where(
            ProcedureStep.service_code.in_(codes)
        )
    ).all()
    for code, title in steps:
        texts.setdefault(code, []).append(title)
    return [code for code in codes if promises_electronic_only(*texts.get(code, []))]


def steps_for(service_code: str) -> list[StepView]:
    """The procedure steps in order; the defaults of the applicant kind when none are saved
    (a service the office added signs and hands over its own letter, not an SKT)."""
    rows = db.session.execute(
        db.select(ProcedureStep)
        .where(ProcedureStep.service_code == service_code)
        .order_by(ProcedureStep.sort_order, ProcedureStep.id)
    ).scalars()
    steps = [StepView(r.title, r.actor, r.duration) for r in rows]
    defaults = DEFAULT_STEPS_BY_KIND[_kind(service_code)]
    if _added_by_office(service_code) is not None:
        defaults = defaults[:3] + OWN_LETTER_STEPS
    return steps or [StepView(_signature_words(title), actor) for title, actor in defaults]


def forms_for(service_code: str) -> list[ServiceForm]:
    """Downloadable forms of a service."""
    return list(
        db.session.execute(
            db.select(ServiceForm)
            .where(ServiceForm.service_code == service_code)
            .order_by(ServiceForm.sort_order, ServiceForm.id)
        ).scalars()
    )


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
