"""UP-1, UP-2, UP-3, UP-5, UP-6: hostile uploads are refused with their own Indonesian message,
audited, and nothing is stored; too many form parts get the 413 page; odd file names get a
generated storage key, a safe display name and a safe Content-Disposition on download; stored
files are reachable only through the authorised download routes."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

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
    # Nothing was sent: the page says how to get back to what was typed.
    assert "Tekan tombol <strong>Kembali</strong>" in response.get_data(as_text=True)
    app.config["MAX_UPLOAD_MB"] = 3  # what the page script shows names the upload cap
    scripted = upload(client, application.id, item.id, b"%PDF-" + b"x" * 100_000, xhr=True)
    assert scripted.status_code == 413
    assert scripted.get_json()["message"] == "Berkas terlalu besar. Ukuran maksimal 3 MB."


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


def _post_raw(client, application, item, parts: list[bytes]):
    """POST a hand-built multipart body (the test client would re-encode names and fields)."""
    boundary = "sisakat-uji-batas"
    body = b"".join(f"--{boundary}\r\n".encode() + part + b"\r\n" for part in parts)
    return client.post(
        f"/pemohon/permohonan/{application.id}/persyaratan/{item.id}/unggah",
        data=body + f"--{boundary}--\r\n".encode(),
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def _file_part(data: bytes, params: str = 'filename="dokumen.pdf"') -> bytes:
    """The ``berkas`` part with ``params`` written verbatim as its filename parameter(s)."""
    head = f'Content-Disposition: form-data; name="berkas"; {params}\r\n'
    return f"{head}Content-Type: application/pdf\r\n\r\n".encode() + data


@pytest.mark.parametrize("parts", [301, 1001])
def test_too_many_form_parts_get_the_413_page(app, draft, make, parts):
    application, client, item = draft
    files = _files(app)
    fields = [  # parts - 1 text fields, then the file
        f'Content-Disposition: form-data; name="f{i}"\r\n\r\nx'.encode() for i in range(parts - 1)
    ]
    response = _post_raw(client, application, item, [*fields, _file_part(make.pdf_bytes())])
    assert response.status_code == 413
    html = response.get_data(as_text=True)
    assert "Berkas terlalu besar" in html
    assert "Ukuran berkas atau formulir melebihi batas yang diizinkan." in html
    assert _count(ApplicationDocument) == 0
    assert _files(app) == files


HOSTILE_NAMES = {  # raw filename parameters a hostile client can send
    "quotes-backslash-dotdot": r'filename="..\\..\\surat \"resmi\".pdf"',
    "crlf-header-injection": "filename*=UTF-8''%22a%0D%0AX-Sisipan%3A%201%0D%0A.pdf",
    "non-ascii-slash-dotdot": "filename*=UTF-8''..%2F..%2FSurat%20%C3%9Cmat%20%E2%80%94%20Jaya.pdf",
    "rtl-override": "filename*=UTF-8''..%2Fa%E2%80%AEgpj.pdf",
    "only-non-ascii": "filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf",
}


def _is_safe(name: str) -> bool:
    """A bare file name: no separators, no control or bidi characters, not hidden, ends .pdf."""
    return (
        not re.search(r"[/\\\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", name)
        and not name.startswith(".")
        and name.endswith(".pdf")
    )


def _download(draft, make, params: str):
    """Upload with ``params`` as the part's filename, then download it as the owner."""
    application, client, item = draft
    response = _post_raw(client, application, item, [_file_part(make.pdf_bytes(), params)])
    assert response.status_code == 302
    document = latest(item)
    response = client.get(f"/pemohon/permohonan/{application.id}/dokumen/{document.id}")
    response.close()
    assert response.status_code == 200
    return document.stored_file, response.headers


def _plain_filename(disposition: str) -> str:
    """The ``filename`` parameter of an attachment header, unquoted (``filename*`` ignored)."""
    found = re.fullmatch(r'attachment; filename=("(?:[^"\\]|\\.)*"|[^;\s]+).*', disposition)
    assert found, disposition
    value = found.group(1)
    return re.sub(r"\\(.)", r"\1", value[1:-1]) if value.startswith('"') else value


@pytest.mark.parametrize("case", list(HOSTILE_NAMES))
def test_hostile_name_downloads_with_a_safe_filename(app, draft, make, case):
    stored, headers = _download(draft, make, HOSTILE_NAMES[case])
    assert _is_safe(stored.display_name)
    disposition = headers["Content-Disposition"]
    assert disposition.isascii()
    assert not re.search(r"[\r\n]", disposition)
    assert "X-Sisipan" not in headers
    assert _is_safe(_plain_filename(disposition))


@pytest.mark.parametrize("case", list(HOSTILE_NAMES))
def test_hostile_name_download_carries_filename_star(app, draft, make, case):
    stored, headers = _download(draft, make, HOSTILE_NAMES[case])
    star = re.search(r"filename\*=UTF-8''([^;\s]+)", headers["Content-Disposition"])
    assert star is not None
    assert unquote(star.group(1)) == stored.display_name


def test_guessed_file_urls_answer_404(app, draft, make):
    application, client, item = draft
    assert upload(client, application.id, item.id, make.pdf_bytes()).status_code == 302
    key = latest(item).stored_file.storage_key
    assert (Path(app.config["UPLOAD_FOLDER"]) / key).is_file()
    name = Path(key).name
    guesses = [f"/static/{key}", f"/static/uploads/{key}", f"/static/{name}", f"/uploads/{key}"]
    guesses += [f"/uploads/{name}", f"/static/../uploads/{key}"]
    for who in (client, app.test_client()):
        for url in guesses:
            response = who.get(url)
            response.close()
            assert response.status_code == 404, url
            assert not response.data.startswith(b"%PDF-"), url
