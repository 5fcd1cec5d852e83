"""UP-1, UP-2, UP-3, UP-5: hostile uploads are refused with their own Indonesian message, audited,
and nothing is stored; odd file names get a generated storage key and a safe display name."""

from __future__ import annotations

from pathlib import Path

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationDocument, AuditEvent, StoredFile
from tests.hostile_pdfs import CASES
from tests.workflow_http import items, latest, upload


@pytest.fixture
def draft(app, make, login_as):
    """Party A's draft application and a logged-in client for it."""
    application = make.application(documents=False)
    return application, login_as(application.party.account), items(application)[0]


def _files(app) -> list[Path]:
    return sorted(p for p in Path(app.config["UPLOAD_FOLDER"]).rglob("*") if p.is_file())


def _count(model) -> int:
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_upload_is_refused_and_nothing_stored(app, draft, case):
    application, client, item = draft
    data, message = CASES[case]
    files, stored = _files(app), _count(StoredFile)
    response = upload(client, application.id, item.id, data, "dokumen.pdf", xhr=True)
    assert response.status_code == 422
    assert message in response.get_json()["message"]
    assert _files(app) == files
    assert _count(StoredFile) == stored
    assert _count(ApplicationDocument) == 0
    refusal = db.session.execute(
        db.select(AuditEvent).where(AuditEvent.action == "document.upload_refused")
    ).scalar_one()
    assert refusal.outcome == "refused"
    assert message.split(",")[0] in refusal.details


def test_oversize_is_refused_while_streaming(app, draft, make):
    application, client, item = draft
    app.config["MAX_UPLOAD_MB"] = 1
    data = make.pdf_bytes() + b"%" + b"x" * (1024 * 1024)
    response = upload(client, application.id, item.id, data, xhr=True)
    assert response.get_json()["message"] == "Berkas terlalu besar. Ukuran maksimal 1 MB."
    assert _count(ApplicationDocument) == 0


def test_body_over_the_request_limit_gets_413_page(app, draft, make):
    application, client, item = draft
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    response = upload(client, application.id, item.id, b"%PDF-" + b"x" * 100_000)
    assert response.status_code == 413
    assert "Berkas terlalu besar" in response.get_data(as_text=True)


def test_page_limit(app, draft, make):
    application, client, item = draft
    app.config["MAX_PDF_PAGES"] = 2
    response = upload(client, application.id, item.id, make.pdf_bytes(pages=3), xhr=True)
    assert "terlalu panjang (3 halaman). Maksimal 2" in response.get_json()["message"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../x.pdf", "x.pdf"),
        ("CON.pdf", "berkas-CON.pdf"),
        ("..\\..\\a\u202egpj.pdf", "agpj.pdf"),
    ],
)
def test_odd_names_get_generated_key_and_safe_name(app, draft, make, name, shown):
    application, client, item = draft
    assert upload(client, application.id, item.id, make.pdf_bytes(), name).status_code == 302
    stored = latest(item).stored_file
    assert stored.display_name == shown
    assert ".." not in stored.storage_key
    assert stored.storage_key.endswith(".pdf")
    assert len(Path(stored.storage_key).stem) == 32
