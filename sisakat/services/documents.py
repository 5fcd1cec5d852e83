"""Read models over an application's requirement snapshot and document versions.

Two queries per application, whatever the number of requirements and versions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sisakat.extensions import db
from sisakat.models import (
    Action,
    Application,
    ApplicationDocument,
    ApplicationHistory,
    ApplicationRequirement,
    StoredFile,
    Verdict,
)


@dataclass
class RequirementState:
    """One requirement of one application with its versions (oldest first)."""

    requirement: ApplicationRequirement
    versions: list[ApplicationDocument] = field(default_factory=list)
    changed_since_review: bool = False

    @property
    def latest(self) -> ApplicationDocument | None:
        """The version that counts."""
        return self.versions[-1] if self.versions else None

    @property
    def state(self) -> str:
        """``kosong``, ``menunggu``, ``sesuai`` or ``tidak_sesuai``."""
        doc = self.latest
        if doc is None:
            return "kosong"
        return doc.verdict.value if doc.verdict is not None else "menunggu"


def checklist(application: Application) -> list[RequirementState]:
    """Every requirement of the application with its document versions."""
    reqs = db.session.execute(
        db.select(ApplicationRequirement)
        .where(ApplicationRequirement.application_id == application.id)
        .order_by(ApplicationRequirement.sort_order, ApplicationRequirement.id)
    ).scalars()
    states = {r.id: RequirementState(r) for r in reqs}
    docs = db.session.execute(
        db.select(ApplicationDocument)
        .join(ApplicationRequirement)
        .where(ApplicationRequirement.application_id == application.id)
        .order_by(ApplicationDocument.version_no)
    ).scalars()
    for doc in docs:
        states[doc.application_requirement_id].versions.append(doc)
    return list(states.values())


def last_return_at(application: Application) -> datetime | None:
    """When staff last returned the application for revision (their last review)."""
    return db.session.execute(
        db.select(db.func.max(ApplicationHistory.at)).where(
            ApplicationHistory.application_id == application.id,
            ApplicationHistory.action == Action.KEMBALIKAN,
        )
    ).scalar()


def review_checklist(application: Application) -> list[RequirementState]:
    """The checklist with versions new since staff last returned the application flagged.

    New = not judged yet and either a replacement (version 2+) or uploaded after the return.
    Not a pure time comparison: MariaDB keeps DATETIME to the second.
    """
    states = checklist(application)
    since = last_return_at(application)
    if since is not None:
        for st in states:
            doc = st.latest
            st.changed_since_review = bool(
                doc and doc.verdict is None and (len(st.versions) > 1 or doc.uploaded_at >= since)
            )
    return states


def missing_required(states: list[RequirementState]) -> list[str]:
    """Names of required documents without any upload."""
    return [s.requirement.name for s in states if s.requirement.required and s.latest is None]


def rejected(states: list[RequirementState]) -> list[RequirementState]:
    """Requirements whose newest version was judged Tidak Sesuai."""
    return [s for s in states if s.latest and s.latest.verdict == Verdict.TIDAK_SESUAI]


def not_accepted_required(states: list[RequirementState]) -> list[str]:
    """Names of required documents whose newest version is not Sesuai."""
    return [
        s.requirement.name
        for s in states
        if s.requirement.required and (s.latest is None or s.latest.verdict != Verdict.SESUAI)
    ]


def find_document(application: Application, document_id: int) -> ApplicationDocument | None:
    """A document version of this application (None for another application's id)."""
    return db.session.execute(
        db.select(ApplicationDocument)
        .join(ApplicationRequirement)
        .where(
            ApplicationDocument.id == document_id,
            ApplicationRequirement.application_id == application.id,
        )
    ).scalar()


def find_requirement(application: Application, item_id: int) -> ApplicationRequirement | None:
    """A requirement line of this application (None for another application's id)."""
    return db.session.execute(
        db.select(ApplicationRequirement).where(
            ApplicationRequirement.id == item_id,
            ApplicationRequirement.application_id == application.id,
        )
    ).scalar()


def refused_version(item: ApplicationRequirement, sha256: str) -> int | None:
    """The newest version of ``item`` judged Tidak Sesuai whose file has exactly these bytes."""
    return db.session.execute(
        db.select(ApplicationDocument.version_no)
        .join(StoredFile, ApplicationDocument.stored_file_id == StoredFile.id)
        .where(
            ApplicationDocument.application_requirement_id == item.id,
            ApplicationDocument.verdict == Verdict.TIDAK_SESUAI,
            StoredFile.sha256 == sha256,
        )
        .order_by(ApplicationDocument.version_no.desc())
        .limit(1)
    ).scalar()


def replaced():
    """SQL: a later version of the same requirement's document exists (the row in hand is no
    longer the current one). Versions of one requirement are stored in order, so the later
    one has the higher id."""
    newer = db.aliased(ApplicationDocument)
    return (
        db.select(newer.id)
        .where(
            newer.application_requirement_id == ApplicationDocument.application_requirement_id,
            newer.id > ApplicationDocument.id,
        )
        .exists()
    )


def copy_note(item: ApplicationRequirement, doc: ApplicationDocument) -> str:
    """A warning when ``doc``'s file is byte for byte the current one of another requirement
    of the same application (the same scan picked twice, or one combined PDF on purpose); a
    version since replaced there does not count (the file was moved where it belongs)."""
    other = db.session.execute(
        db.select(ApplicationRequirement.name)
        .join(ApplicationDocument)
        .join(StoredFile, ApplicationDocument.stored_file_id == StoredFile.id)
        .where(
            ApplicationRequirement.application_id == item.application_id,
            ApplicationRequirement.id != item.id,
            StoredFile.sha256 == doc.stored_file.sha256,
            ~replaced(),
        )
        .order_by(ApplicationRequirement.sort_order, ApplicationRequirement.id)
        .limit(1)
    ).scalar()
    if other is None:
        return ""
    return f" Berkas ini sama persis dengan berkas untuk {other}: pastikan tidak salah pilih."
