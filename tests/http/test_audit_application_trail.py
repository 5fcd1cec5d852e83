"""The audit log filtered on one application (Objek ``application:12``, the code the log shows
beneath "Permohonan #12") lists its whole trail. Found in QA: the filter matched only events
stored on the application itself, so its document verdicts and the views of its KTP scans
(stored on each document, UU 27/2022 PDP) and the events on its letter were left out: asked
"who opened this party's KTP?", the log answered with no row at all."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import ApplicationDocument, ApplicationRequirement, Role
from sisakat.services import audit, verification
from tests.workflow_http import page_text


def _first_document(application) -> ApplicationDocument:
    return (
        db.session.execute(
            db.select(ApplicationDocument)
            .join(ApplicationDocument.requirement)
            .where(ApplicationRequirement.application_id == application.id)
            .order_by(ApplicationDocument.id)
        )
        .scalars()
        .first()
    )


def test_an_applications_filter_lists_its_documents_and_letters(app, make, login_as):
    admin_user = make.user(Role.SUPERADMIN)
    verifier = make.user(Role.VERIFIKATOR)
    letter = make.issued_letter()
    ours = letter.application
    mine, theirs = make.application(), make.application()
    for application in (mine, theirs):
        doc = _first_document(application)
        verification.record_document_view(application, doc, actor=verifier, personal=True)
    audit.record("letter.issue", actor=admin_user, object_type="letter", object_id=letter.id)
    db.session.commit()
    mine_doc, theirs_doc = _first_document(mine), _first_document(theirs)
    admin = login_as(admin_user)

    page = page_text(admin.get(f"/admin/log-audit?object=application:{mine.id}"))
    assert f"<code>application_document:{mine_doc.id}</code>" in page
    # Its Objek reads as a document of a requirement: "Dokumen permohonan #9" under application
    # #3's filter read as application #9's document.
    assert f"Dokumen persyaratan #{mine_doc.id}" in page
    assert "Dokumen permohonan #" not in page
    assert f"<code>application_document:{theirs_doc.id}</code>" not in page
    assert f"<code>letter:{letter.id}</code>" not in page

    page = page_text(admin.get(f"/admin/log-audit?object=application:{ours.id}"))
    assert f"<code>letter:{letter.id}</code>" in page
    assert f"<code>application_document:{mine_doc.id}</code>" not in page

    # The kind alone, or a document's own code, still finds exactly what it names.
    page = page_text(admin.get(f"/admin/log-audit?object=application_document:{mine_doc.id}"))
    assert f"<code>application_document:{mine_doc.id}</code>" in page
    assert f"<code>application_document:{theirs_doc.id}</code>" not in page
    page = page_text(admin.get("/admin/log-audit?object=letter"))
    assert f"<code>letter:{letter.id}</code>" in page
    assert "<code>application_document:" not in page
