"""A form sent without JavaScript (no size check in the page) with a file well over the upload
cap, through real Waitress with the options ``app.py`` uses: the visitor gets SISAKAT's
Indonesian 413 page naming the cap in MB and saying what to do. Before: Waitress refused any
body over MAX_CONTENT_LENGTH + 1 MB itself, with an English plain-text "exceeds max_body".
Waitress still refuses a body over its own, larger ceiling before reading a byte of it."""

from __future__ import annotations

import http.client

from sisakat.extensions import db
from sisakat.models import Complaint
from sisakat.web import serve_options
from tests.conftest import make_app
from tests.waitress_thread import served

BOUNDARY = "----sisakat-uji"
MB = 1024 * 1024


def _multipart(fields: dict[str, str], file_field: str, file_bytes: bytes) -> bytes:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{file_field}"; '
        'filename="pindaian.pdf"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
        + file_bytes
        + b"\r\n"
    )
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def _post(server, body: bytes | None, length: int) -> tuple[int, str]:
    """POST a complaint form to ``server``, declaring ``length`` bytes (``body``: sent as is,
    or nothing after the headers); the status and the text of the answer."""
    conn = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=60)
    try:
        conn.putrequest("POST", "/pengaduan")
        conn.putheader("Content-Type", f"multipart/form-data; boundary={BOUNDARY}")
        conn.putheader("Content-Length", str(length))
        conn.endheaders(body)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def test_a_file_well_over_the_cap_gets_the_indonesian_413_page_through_waitress(
    tmp_path, template_db
):
    app = make_app(tmp_path, template_db, MAX_UPLOAD_MB=1)  # MAX_CONTENT_LENGTH: 2 MB
    options = {**serve_options(app), "host": "127.0.0.1", "port": 0}
    fields = {"contact": "warga@contoh.test", "category": "d0", "body": "Lampiran pindaian."}
    # A 4 MB scan: twice the request cap, over the old Waitress limit (cap + 1 MB).
    body = _multipart(fields, "attachment", b"%PDF-1.4\n" + b"0" * (4 * MB))
    try:
        with served(app, **options) as server:
            status, page = _post(server, body, len(body))
            ceiling = options["max_request_body_size"]
            refused, text = _post(server, None, ceiling + 1)  # declared, never sent
        with app.app_context():
            stored = db.session.execute(db.select(db.func.count(Complaint.id))).scalar()
    finally:
        with app.app_context():
            db.engine.dispose()
    assert status == 413
    assert "exceeds max_body" not in page  # before: Waitress's English plain text
    assert "Berkas terlalu besar. Ukuran maksimal 1 MB." in page
    assert "Tekan tombol <strong>Kembali</strong> pada peramban" in page
    assert stored == 0
    # The ceiling stays: a larger body is refused from its headers, memory and disk untouched.
    assert refused == 413
    assert "exceeds max_body" in text
