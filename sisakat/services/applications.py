"""The party's applications: create one (snapshotting the requirement list), load, timeline."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import lazyload

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.formatting import durasi
from sisakat.models import (
    Application,
    ApplicationHistory,
    ApplicationRequirement,
    ApplicationStatus,
    LegalForm,
    Party,
    Role,
    User,
)
from sisakat.models.requirement import SKT_PARPOL
from sisakat.services import (
    audit,
    catalog,
    clock,
    concurrency,
    letter_context,
    parties,
    requirements,
    settings,
    workflow,
    working_time,
)

SERVICE_UNAVAILABLE = "Layanan ini tidak tersedia."
WRONG_KIND = "Layanan ini tidak dapat diajukan oleh {noun}: layanan ini untuk {kind}."
# A create losing the race to another tab's: the dashboard answering it lists the one that won.
CREATED_MEANWHILE = (
    "Masih ada permohonan yang berjalan: baru saja dibuat dari tab atau perangkat lain. "
    + concurrency.SHOWN_NOW
)


def open_application(party: Party) -> Application | None:
    """The party's application still in the pipeline, if any."""
    return db.session.execute(
        db.select(Application).where(Application.open_party_id == party.id)
    ).scalar()


def check_service(party: Party, service_code: str) -> None:
    """``GuardFailed`` unless ``service_code`` is an active service for the party's kind."""
    service = catalog.get(service_code)
    if service is None or not service.active:
        raise GuardFailed(SERVICE_UNAVAILABLE)
    kind = parties.kind_of(party)
    if service.applicant_kind != kind:
        raise GuardFailed(
            WRONG_KIND.format(noun=kind.label.lower(), kind=service.applicant_kind.label.lower())
        )


def default_service_code(party: Party) -> str:
    """The first active service for the party's kind (a form that names none means this one)."""
    services = catalog.for_kind(parties.kind_of(party))
    return services[0].code if services else SKT_PARPOL


def create(party: Party, *, actor: User, service_code: str = SKT_PARPOL) -> Application:
    """A new Draf application for ``service_code`` with a copy of that service's active
    requirement list; refused for an inactive service or one for another kind of applicant."""
    check_service(party, service_code)
    if open_application(party) is not None:
        raise GuardFailed("Masih ada permohonan yang berjalan. Selesaikan atau batalkan dahulu.")
    items = requirements.active_list(service_code)
    if not items:
        raise GuardFailed("Daftar persyaratan belum disiapkan oleh admin.")
    application = Application(
        service_code=service_code,
        party_id=party.id,
        open_party_id=party.id,
        status=ApplicationStatus.DRAF,
        created_by_id=actor.id,
    )
    db.session.add(application)
    try:
        db.session.flush()
    except IntegrityError:  # a concurrent create won the UNIQUE(open_party_id) race
        db.session.rollback()
        raise GuardFailed(CREATED_MEANWHILE) from None
    _copy_requirements(application, items)
    workflow.record_creation(application, actor=actor)
    audit.record(
        "application.buat",
        actor=actor,
        object_type="application",
        object_id=application.id,
        details={"service": service_code},
    )
    return application


def _copy_requirements(application: Application, items) -> None:
    """The application's own copy of the requirement list, so a later edit of the service's
    list never changes what this application asks for."""
    for item in items:
        db.session.add(
            ApplicationRequirement(
                application_id=application.id,
                requirement_id=item.id,
                name=item.name,
                description=item.description,
                required=item.required,
                personal_data=item.personal_data,
                sort_order=item.sort_order,
            )
        )


def get_for_user(application_id: int, user: User) -> Application | None:
    """The application if ``user`` may see it: staff see all, a Pemohon only their party's."""
    application = db.session.get(Application, application_id)
    if application is None or user.is_staff:
        return application
    party = user.party if user.role == Role.PEMOHON else None
    return application if party is not None and application.party_id == party.id else None


def for_party(party: Party) -> list[Application]:
    """The party's applications, newest first. The party is the one given (already loaded):
    not joined again, which would also reload its board (officers) for every call."""
    return list(
        db.session.execute(
            db.select(Application)
            .where(Application.party_id == party.id)
            .options(lazyload(Application.party))
            .order_by(Application.id.desc())
        ).scalars()
    )


def timeline(application: Application) -> list[ApplicationHistory]:
    """Every step, oldest first (templates show ``internal_note`` to staff only)."""
    return list(
        db.session.execute(
            db.select(ApplicationHistory)
            .where(ApplicationHistory.application_id == application.id)
            .order_by(ApplicationHistory.id)
        ).scalars()
    )


def snapshot(application: Application) -> dict:
    """The profile snapshot taken at (re)submission, or an empty dict before, with the address,
    level and deed lines and the legal document's label the letter prints (``letter_context``;
    older snapshots' own frozen text of them is not shown, so the review page and the letter
    always agree)."""
    if not application.profile_snapshot:
        return {}
    data = json.loads(application.profile_snapshot)
    data["address_text"] = letter_context.address_text(data)
    data["level_text"] = letter_context.level_text(data)
    data["deed_text"] = letter_context.deed_text(data)
    data["legal_document_label"] = LegalForm.document_label(data.get("legal_form"))
    return data


def repair_deadline(application: Application) -> date | None:
    """While a returned application waits for its applicant: the last office day to complete
    it, where the service sets such a period (ormas: 15 working days from the return)."""
    days = catalog.repair_working_days(application.service_code)
    if application.status != ApplicationStatus.PERLU_PERBAIKAN or not days:
        return None
    hours = working_time.OfficeHours.from_settings()
    return working_time.after_working_days(application.status_changed_at, days, hours)


_STATUS_NOTES = {
    ApplicationStatus.DIAJUKAN: "Menunggu diperiksa petugas.",
    ApplicationStatus.DIVERIFIKASI: "Petugas sedang memeriksa dokumen Anda.",
    ApplicationStatus.MENUNGGU_TTE: (
        "Dokumen sudah sesuai; surat menunggu tanda tangan elektronik (TTE) pejabat. Setelah "
        "surat terbit, tombol unduhnya tampil di halaman ini."
    ),
    ApplicationStatus.TERBIT: (
        "Surat sudah terbit: unduh dengan tombol Unduh di halaman ini. Siapa pun dapat mengecek "
        "keasliannya lewat kode QR pada surat."
    ),
    ApplicationStatus.DITOLAK: (
        "Permohonan ditolak; alasannya tercantum di Riwayat. Permohonan baru dapat diajukan "
        "dari Beranda."
    ),
    ApplicationStatus.DIBATALKAN: "Permohonan baru dapat diajukan dari Beranda.",
    ApplicationStatus.DICABUT: (
        "Surat keterangan dari permohonan ini dicabut dan tidak berlaku lagi; alasannya "
        "tercantum di Riwayat."
    ),
    ApplicationStatus.DIGANTI: (
        "Surat keterangan dari permohonan ini sudah diganti oleh surat yang lebih baru."
    ),
}
_AWAITING_ANSWER = " Hasilnya tampil di halaman ini dan di Notifikasi (ikon lonceng)."


def status_note(application: Application) -> str:
    """What the party's status means now and what comes next ('' for Draf and Perlu Perbaikan,
    whose page lists what is still missing instead). Diajukan names the service's promise: the
    flash after Ajukan only confirms the action, this line says what follows."""
    note = _STATUS_NOTES.get(application.status, "")
    service = catalog.get(application.service_code)
    if application.status == ApplicationStatus.DIAJUKAN and service:
        note = f"{note[:-1]} (janji layanan {durasi(service.sla_minutes * 60)} kerja)."
    if application.status in (ApplicationStatus.DIAJUKAN, ApplicationStatus.DIVERIFIKASI):
        note += _AWAITING_ANSWER
    if application.status in _PROMISED and service and application.submitted_at:
        note += _promise(application, service.sla_minutes * 60)
    return note


# The service's promise runs from the last (re)submission to the letter's issue (as the queue's
# "Lewat janji layanan" counts it): while it runs, the party reads when it falls due.
_PROMISED = (
    ApplicationStatus.DIAJUKAN,
    ApplicationStatus.DIVERIFIKASI,
    ApplicationStatus.MENUNGGU_TTE,
)


def _promise(application: Application, seconds: int) -> str:
    """The sentence naming the moment the service's promise falls due ('' with no office
    hours at all), or saying it has passed and where to turn."""
    hours = working_time.OfficeHours.from_settings()
    due = working_time.due_moment(application.submitted_at, seconds, hours)
    if due is None:
        return ""
    words = f"surat terbit paling lambat {settings.office_time(due)}"
    if due < clock.now():
        return (
            f" Janji layanan ({words}) sudah lewat; bila surat belum juga terbit, hubungi "
            "kantor kami atau sampaikan lewat menu Pengaduan."
        )
    if application.status == ApplicationStatus.MENUNGGU_TTE:
        return f" Sesuai janji layanan, {words}."
    return f" Bila dokumen lengkap dan sesuai, {words}."


# The party's e-mail on a return says the same next step (workflow_rules, KEMBALIKAN next_step).
_YOUR_TURN = {
    ApplicationStatus.DRAF: (
        "Giliran Anda: unggah dokumen persyaratan, lalu tekan Ajukan di halaman permohonan."
    ),
    ApplicationStatus.PERLU_PERBAIKAN: (
        "Giliran Anda: unggah ulang dokumen yang Tidak Sesuai (alasannya di halaman "
        "permohonan), lalu tekan Ajukan Ulang."
    ),
}


def next_step(application: Application) -> str:
    """The dashboard's line under an open application: the party's own move in Draf and Perlu
    Perbaikan, else what ``status_note`` says comes next."""
    return _YOUR_TURN.get(application.status) or status_note(application)
