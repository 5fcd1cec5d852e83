"""The verifier's work on one application: verdicts per document and the review transitions."""

from __future__ import annotations

from sisakat.exceptions import GuardFailed, InvalidTransition
from sisakat.extensions import db
from sisakat.models import (
    Action,
    Application,
    ApplicationDocument,
    ApplicationStatus,
    User,
    Verdict,
    utcnow,
)
from sisakat.services import audit, concurrency, documents, workflow
from sisakat.services import workflow_guards as guards

REASON_MAX = 500  # application_documents.reason


VERDICT_FIELDS = ("verdict", "reason")


def verdict_token(document: ApplicationDocument) -> str:
    """The digest of the verdict a document's form on the review page showed (``concurrency``)."""
    return concurrency.row_token(document, VERDICT_FIELDS)


def judge_document(
    application: Application,
    document: ApplicationDocument,
    *,
    actor: User,
    verdict: Verdict,
    reason: str,
    seen: str | None = None,
) -> None:
    """Record Sesuai / Tidak Sesuai (with a reason) on the newest version of a document.

    ``seen``: the digest of the verdict the page showed (``verdict_token``); a verdict given
    since, in another tab, is not replaced unseen (``StaleRecord`` naming the document, who
    judged it and when); the same verdict sent again (a double click) is not compared."""
    reason = _checked_reason(application, document, actor, verdict, reason)
    if (document.verdict, document.reason) != (verdict, reason):
        concurrency.check_row(
            seen,
            document,
            VERDICT_FIELDS,
            object_type="application_document",
            subject=f"Penilaian dokumen {document.requirement.name} sudah diubah",
        )
    document.verdict, document.reason = verdict, reason
    document.judged_by_id, document.judged_at = actor.id, utcnow()
    db.session.flush()
    audit.record(
        "document.judge",
        actor=actor,
        object_type="application_document",
        object_id=document.id,
        details={"application_id": application.id, "verdict": verdict.value},
    )


def _checked_reason(
    application: Application,
    document: ApplicationDocument,
    actor: User,
    verdict: Verdict,
    reason: str,
) -> str:
    """The reason as stored ("" for Sesuai), once the verdict may be given at all."""
    if application.status != ApplicationStatus.DIVERIFIKASI:
        raise InvalidTransition("Dokumen hanya dapat dinilai saat permohonan Diverifikasi.")
    if application.claimed_by_id is None:
        raise InvalidTransition("Ambil permohonan ini terlebih dahulu untuk menilai dokumen.")
    if application.claimed_by_id != actor.id:  # another verifier's review (a take-over)
        raise InvalidTransition(workflow.claimed_by_other(application))
    newest = db.session.execute(
        db.select(db.func.max(ApplicationDocument.version_no)).where(
            ApplicationDocument.application_requirement_id == document.application_requirement_id
        )
    ).scalar()
    if document.version_no != newest:
        raise GuardFailed("Hanya versi terbaru dokumen yang dapat dinilai.")
    reason = (reason or "").strip()
    if verdict == Verdict.TIDAK_SESUAI and not reason:
        raise GuardFailed("Alasan wajib diisi untuk dokumen Tidak Sesuai.")
    if len(reason) > REASON_MAX:  # the catalogue reason and the typed one are joined
        raise GuardFailed(
            f"Alasan umum dan alasan tambahan bersama paling banyak {REASON_MAX} karakter."
        )
    return reason if verdict == Verdict.TIDAK_SESUAI else ""


def claim(application: Application, *, actor: User, seen_version: int | None) -> None:
    """Take the application into review (Diverifikasi), visibly to other staff."""
    workflow.apply(application, Action.AMBIL, actor=actor, seen_version=seen_version)


def return_for_revision(
    application: Application,
    *,
    actor: User,
    seen_version: int | None,
    note: str = "",
    internal_note: str = "",
) -> None:
    """Perlu Perbaikan; without a note, the party's note lists the rejected documents."""
    if not note.strip():
        rejected = documents.rejected(documents.checklist(application))
        # Reasons are written as sentences: each ends with one full stop, whatever it had.
        note = " ".join(
            f"{s.requirement.name}: {s.latest.reason.strip().rstrip('.;, ')}." for s in rejected
        )
    workflow.apply(
        application,
        Action.KEMBALIKAN,
        actor=actor,
        seen_version=seen_version,
        note=note,
        internal_note=internal_note,
    )


def reject(
    application: Application,
    *,
    actor: User,
    seen_version: int | None,
    note: str,
    internal_note: str = "",
) -> None:
    """Ditolak (final); the reason is required."""
    workflow.apply(
        application,
        Action.TOLAK,
        actor=actor,
        seen_version=seen_version,
        note=note,
        internal_note=internal_note,
    )


def approve(
    application: Application,
    *,
    actor: User,
    seen_version: int | None,
    note: str = "",
    internal_note: str = "",
) -> None:
    """Every required document Sesuai: on to the letter stage (Menunggu TTE); ``note`` goes on
    the applicant's timeline, as with the other decisions."""
    workflow.apply(
        application,
        Action.SETUJUI,
        actor=actor,
        seen_version=seen_version,
        note=note,
        internal_note=internal_note,
    )


def _deciding(application: Application) -> bool:
    """The verifier has yet to decide (Diajukan, Diverifikasi)."""
    return application.status in (ApplicationStatus.DIAJUKAN, ApplicationStatus.DIVERIFIKASI)


def term_warning(application: Application) -> str:
    """Before the verifier decides: the refusal an approval would meet because the board's
    term of office is over (``workflow_guards.term_over``), else ""."""
    return guards.term_over(application) if _deciding(application) else ""


def term_notice(application: Application) -> str:
    """Before the verifier decides: the board's term ends soon, so its letter will be valid only
    briefly (``workflow_guards.term_soon``; approval goes through), else ""."""
    return guards.term_soon(application) if _deciding(application) else ""


def record_document_view(
    application: Application, document: ApplicationDocument, *, actor: User, personal: bool
) -> None:
    """Staff opened a document; personal documents (KTP) are logged (UU 27/2022 PDP)."""
    if personal:
        audit.record(
            "document.view_personal",
            actor=actor,
            object_type="application_document",
            object_id=document.id,
            details={"application_id": application.id},
        )
