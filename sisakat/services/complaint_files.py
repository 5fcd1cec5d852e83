"""PDF attachments for complaints and downloadable forms.

A minimal local check (size while streaming, ``%PDF-`` at byte 0, parses with pypdf, not
encrypted). At merge this must call ``uploads.validate_pdf`` (the full object walk refusing
JavaScript, Launch, EmbeddedFiles ...) written in parallel by the workflow engineer.
"""

from __future__ import annotations

import logging

from flask import current_app
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from sisakat.exceptions import UploadRejected
from sisakat.models import FileKind, StoredFile, User
from sisakat.services import storage

log = logging.getLogger(__name__)
NOT_PDF = "Lampiran harus berkas PDF yang utuh dan tidak terkunci kata sandi."


def _check_pdf(path) -> None:
    with open(path, "rb") as fh:
        if fh.read(5) != b"%PDF-":
            raise UploadRejected(NOT_PDF)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise UploadRejected(NOT_PDF)
        if len(reader.pages) < 1:
            raise UploadRejected(NOT_PDF)
    except UploadRejected:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        log.info("rejected PDF: %s", type(exc).__name__)
        raise UploadRejected(NOT_PDF) from exc


def accept_pdf(upload, *, kind: FileKind, uploaded_by: User | None) -> StoredFile:
    """Spool, check and keep an uploaded PDF (a Werkzeug ``FileStorage``); flushed row."""
    max_bytes = current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024
    spooled = storage.spool(upload.stream, max_bytes=max_bytes)
    try:
        _check_pdf(spooled.path)
    except BaseException:
        storage.discard(spooled)
        raise
    return storage.keep(
        spooled,
        kind=kind,
        content_type="application/pdf",
        display_name=upload.filename or "lampiran.pdf",
        uploaded_by=uploaded_by,
    )
