"""A double click on Unggah: the same PDF for the same requirement sent twice at once, each in
its own thread, app context and session (on PostgreSQL/MariaDB both have read the requirement
before either writes). One keeps version 2, the other is told nothing changed: one version, one
stored file, no refusal audited, never a 500. Before, the second was either kept as version 3
(a second stored copy of the same bytes) or refused as another tab's upload and audited as a
lost race."""

from __future__ import annotations

import io

from sisakat.extensions import db
from sisakat.models import ApplicationDocument, ApplicationRequirement, AuditEvent, User
from sisakat.services import documents, uploads
from tests import factories
from tests.reliability.race import race
from tests.unit.test_lost_race_refusals import _files

UNCHANGED = "Berkas ini sama dengan yang sudah diunggah; tidak ada yang berubah."
SCAN = factories.pdf_bytes("Surat permohonan, dipindai")


def _upload(item: ApplicationRequirement, actor: User) -> None:
    uploads.upload_requirement_document(
        item.application,
        item,
        io.BytesIO(SCAN),
        filename="surat.pdf",
        actor=actor,
        max_bytes=10 * 1024 * 1024,
        max_pages=20,
    )


def test_the_same_file_sent_twice_at_once_is_kept_once(app, make):
    application = make.application()  # Draf, version 1 of each document
    item = documents.checklist(application)[0].requirement
    item_id, account_id, files = item.id, application.party.account.id, _files()
    results = race(app, ApplicationRequirement, item_id, [(account_id, _upload)] * 2)
    assert sorted(results) == sorted(["ok", UNCHANGED]), results
    versions = db.session.execute(
        db.select(ApplicationDocument.version_no).filter_by(application_requirement_id=item_id)
    ).scalars()
    assert sorted(versions) == [1, 2]
    assert len(_files() - files) == 1  # the second click's copy went with its rollback
    actions = db.session.execute(
        db.select(AuditEvent.action).where(AuditEvent.action.like("document.upload%"))
    ).scalars()
    assert list(actions) == ["document.upload"]
