"""Helpers for the letter verification, register, survey-after-issue and retention tests."""

from __future__ import annotations

from datetime import datetime

from sisakat.extensions import db
from sisakat.models import (
    ApplicationDocument,
    ApplicationRequirement,
    FileKind,
    StoredFile,
)
from sisakat.services import storage
from tests import factories
from tests.auth_helpers import CLOCK_START

SURVEY_ANSWERS = {f"u{i}": "4" for i in range(1, 10)}


def page(client, url: str) -> str:
    """GET ``url`` and return its text (any status)."""
    return client.get(url).get_data(as_text=True)


FIXED_AT = CLOCK_START


def fixed_clock(app, at: datetime = FIXED_AT) -> None:
    """Freeze the app's clock (no sleeps in tests)."""
    app.config["CLOCK"] = lambda: at


def stored_count() -> int:
    """How many stored file rows exist."""
    return db.session.execute(db.select(db.func.count(StoredFile.id))).scalar_one()


def attach_documents(application_id: int) -> dict[bool, list[StoredFile]]:
    """One uploaded version (its own stored PDF) for every requirement of the application; the
    first requirement is flagged personal data (a KTP scan), the others are not.
    Returns the stored files keyed by the personal-data flag."""
    items = db.session.execute(
        db.select(ApplicationRequirement)
        .where(ApplicationRequirement.application_id == application_id)
        .order_by(ApplicationRequirement.sort_order)
    ).scalars()
    files: dict[bool, list[StoredFile]] = {True: [], False: []}
    for index, item in enumerate(items):
        item.personal_data = index == 0
        stored = storage.save_bytes(
            factories.pdf_bytes(f"Dokumen {item.name}"),
            kind=FileKind.REQUIREMENT,
            content_type="application/pdf",
            display_name="dokumen.pdf",
            uploaded_by=None,
        )
        db.session.add(
            ApplicationDocument(
                application_requirement_id=item.id, version_no=1, stored_file_id=stored.id
            )
        )
        files[item.personal_data].append(stored)
    db.session.commit()
    return files
