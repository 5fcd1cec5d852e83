"""A requirement document's upload: when a document may be uploaded (``UPLOADABLE``,
``check_can_upload``), its next version (the number another tab's upload may take first), the
file spooled and checked as a PDF (the content rules: ``pdf_checks``) and against the versions
already kept (``check_not_a_copy``), then kept, and every refused upload audited.
"""

from __future__ import annotations

from typing import BinaryIO

from sqlalchemy.exc import IntegrityError

from sisakat.exceptions import NotStored, UploadRejected, UploadUnchanged
from sisakat.extensions import db
from sisakat.models import (
    Application,
    ApplicationDocument,
    ApplicationRequirement,
    ApplicationStatus,
    FileKind,
    StoredFile,
    User,
    Verdict,
)
from sisakat.services import audit, concurrency, documents, pdf_checks, storage

UPLOADABLE = (ApplicationStatus.DRAF, ApplicationStatus.PERLU_PERBAIKAN)


def check_can_upload(application: Application, item: ApplicationRequirement, latest) -> None:
    """Uploads only in Draf, or in Perlu Perbaikan for documents not yet accepted."""
    if application.status not in UPLOADABLE:
        raise UploadRejected(
            f"Dokumen tidak dapat diunggah saat permohonan berstatus {application.status.label}."
        )
    if latest is not None and latest.verdict == Verdict.SESUAI:
        raise UploadRejected(f"Dokumen {item.name} sudah dinyatakan Sesuai; tidak perlu diganti.")


def latest_version(item: ApplicationRequirement) -> ApplicationDocument | None:
    """The newest uploaded version of ``item``, if any."""
    return db.session.execute(
        db.select(ApplicationDocument)
        .where(ApplicationDocument.application_requirement_id == item.id)
        .order_by(ApplicationDocument.version_no.desc())
        .limit(1)
    ).scalar()


SAME_AS_REFUSED = (
    "Berkas ini sama persis dengan versi {} yang dinyatakan Tidak Sesuai. "
    "Unggah berkas yang sudah diperbaiki."
)


UNCHANGED = "Berkas ini sama dengan yang sudah diunggah; tidak ada yang berubah."


def check_not_a_copy(
    item: ApplicationRequirement, latest: ApplicationDocument | None, sha256: str
) -> None:
    """A file with exactly the bytes of a version of ``item`` already kept is not kept again: a
    copy of one judged Tidak Sesuai is refused (``UploadRejected``), the current version again
    (a second click, the same file picked twice) changes nothing (``UploadUnchanged``)."""
    if (refused := documents.refused_version(item, sha256)) is not None:
        raise UploadRejected(SAME_AS_REFUSED.format(refused))
    if _is_current(latest, sha256):
        raise UploadUnchanged(UNCHANGED)


def _is_current(latest: ApplicationDocument | None, sha256: str) -> bool:
    """Whether ``latest`` (the document's current version, if any) has exactly these bytes."""
    return latest is not None and latest.stored_file.sha256 == sha256


def _spool_checked(stream: BinaryIO, item, latest, *, max_bytes, max_pages):
    """Spool the upload and check it as a PDF that is no copy of a version of ``item``
    (``check_not_a_copy``): ``(spooled, page count)``; a file not kept is discarded before the
    refusal goes up."""
    spooled = None
    try:
        spooled = storage.spool(stream, max_bytes=max_bytes)
        pages = pdf_checks.check_pdf(spooled.path, max_pages=max_pages)
        check_not_a_copy(item, latest, spooled.sha256)
        return spooled, pages
    except (UploadRejected, UploadUnchanged):
        if spooled is not None:
            storage.discard(spooled)
        raise


# The audit reason of an upload refused because another upload took its version number.
RACE_LOST = (
    "Kalah bersamaan: versi {} dokumen ini lebih dulu disimpan oleh unggahan lain pada saat "
    "yang sama (tab atau perangkat lain)."
)
UPLOADED_MEANWHILE = (
    "Dokumen {} baru saja diunggah dari tab atau perangkat lain; unggahan ini tidak disimpan, "
    "unggah lagi bila perlu. " + concurrency.SHOWN_NOW
)
# The database refused the new version for another reason (``concurrency.NotStored``).
NOT_STORED = (
    "Dokumen {} tidak tersimpan karena data terkait berubah saat disimpan. Unggah lagi; bila "
    "tetap gagal, keluar lalu masuk kembali."
)


def _add_version(
    item: ApplicationRequirement,
    latest: ApplicationDocument | None,
    stored: StoredFile,
    *,
    pages: int,
    actor: User,
) -> ApplicationDocument:
    """The row of ``item``'s next version for the kept file (flushed: it has its id). Another
    tab's upload taking that version number first (UNIQUE: its row is there after the
    rollback) refuses this one, audited as lost, unless it kept this very file (a double
    click: ``UploadUnchanged``); a write failing otherwise (a foreign key) is ``NOT_STORED``,
    not audited. The file goes with the rolled-back row (``kept_files``)."""
    version = (latest.version_no + 1) if latest else 1
    doc = ApplicationDocument(
        application_requirement_id=item.id, version_no=version, stored_file_id=stored.id
    )
    doc.uploaded_by_id, doc.page_count = actor.id, pages
    db.session.add(doc)
    # the rollback expires the rows
    name, application_id, sha256 = item.name, item.application_id, stored.sha256
    taken = db.select(ApplicationDocument.id).filter_by(
        application_requirement_id=item.id, version_no=version
    )
    try:
        concurrency.flush_versioned(
            lambda: UPLOADED_MEANWHILE.format(name),
            UploadRejected,
            also=(IntegrityError,),
            raced=lambda: db.session.execute(taken).first() is not None,
        )
    except UploadRejected:  # recorded after the rollback, in the route's next transaction
        if _is_current(latest_version(item), sha256):
            raise UploadUnchanged(UNCHANGED) from None
        _audit_refusal(application_id, name, actor, RACE_LOST.format(version))
        raise
    except NotStored:
        raise UploadRejected(NOT_STORED.format(name)) from None
    return doc


def upload_requirement_document(
    application: Application,
    item: ApplicationRequirement,
    stream: BinaryIO,
    *,
    filename: str,
    actor: User,
    max_bytes: int,
    max_pages: int,
) -> ApplicationDocument:
    """Validate and keep one PDF as ``item``'s next version (flushed, not committed)."""
    latest = latest_version(item)
    check_can_upload(application, item, latest)
    try:
        spooled, pages = _spool_checked(
            stream, item, latest, max_bytes=max_bytes, max_pages=max_pages
        )
    except UploadRejected as exc:
        _audit_refusal(application.id, item.name, actor, exc.message)
        raise
    stored = storage.keep(
        spooled,
        kind=FileKind.REQUIREMENT,
        content_type="application/pdf",
        display_name=filename,
        uploaded_by=actor,
    )
    doc = _add_version(item, latest, stored, pages=pages, actor=actor)
    audit.record(
        "document.upload",
        actor=actor,
        object_type="application_document",
        object_id=doc.id,
        details={
            "application_id": application.id,
            "requirement": item.name,
            "sha256": stored.sha256,
        },
    )
    return doc


def _audit_refusal(application_id: int, requirement: str, actor, reason: str) -> None:
    """Refused uploads are security events. Nothing else was written before the refusal (a lost
    race was rolled back first), so the route commits this row alone (see
    submission.applications.upload_document)."""
    audit.record(
        "document.upload_refused",
        actor=actor,
        object_type="application",
        object_id=application_id,
        outcome="refused",
        details={"requirement": requirement, "reason": reason},
    )
