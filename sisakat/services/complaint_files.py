"""PDF attachments for complaints and downloadable forms.

PDFs pass the same checks as requirement documents (``pdf_checks.check_pdf``: size while streaming,
``%PDF-`` at byte 0, strict parse, not encrypted, page cap, and the object walk refusing
JavaScript, Launch, embedded files ...).
"""

from __future__ import annotations

import logging
import zipfile
import zlib
from pathlib import Path

from flask import current_app
from lxml import etree

from sisakat import config
from sisakat.exceptions import UploadRejected
from sisakat.models import FileKind, StoredFile, User
from sisakat.services import pdf_checks, storage

log = logging.getLogger(__name__)
NOT_PDF = "Lampiran harus berkas PDF yang utuh dan tidak terkunci kata sandi."
NOT_FORM = "Formulir harus berkas PDF atau Word (.docx) yang utuh, tanpa makro."
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _check_pdf(path) -> None:
    """The requirement-document PDF checks (one rule, one place: services/pdf_checks.py)."""
    pdf_checks.check_pdf(Path(path), max_pages=current_app.config["MAX_PDF_PAGES"])


def accept_pdf(upload, *, kind: FileKind, uploaded_by: User | None) -> StoredFile:
    """Spool, check and keep an uploaded PDF (a Werkzeug ``FileStorage``); flushed row."""
    max_bytes = config.max_upload_bytes(current_app)
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


# Relationships Word follows to fetch and run content from elsewhere: a remote template
# (macros load with it: "template injection"), OLE objects, sub-documents, frames.
ACTIVE_EXTERNAL = ("/attachedTemplate", "/oleObject", "/subDocument", "/frame")
# A relationship part never needs a DTD: entities are not expanded, nothing is fetched.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _links_active_content(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """True when a relationship part points outside the file at something Word loads (or
    carries a DTD, which no Office file has)."""
    for name in names:
        if not name.endswith(".rels"):
            continue
        root = etree.fromstring(archive.read(name), SAFE_XML)
        if root.getroottree().docinfo.doctype:  # Office never writes one: entity tricks
            return True
        for rel in root:
            external = rel.get("TargetMode") == "External"
            if external and (rel.get("Type") or "").endswith(ACTIVE_EXTERNAL):
                return True
    return False


def _is_docx(path) -> bool:
    """A Word document: a ZIP with the main document part, no macro project and no remote
    template or other externally loaded content."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            # A declared size far beyond any real template is a decompression bomb.
            if sum(info.file_size for info in archive.infolist()) > 50 * 1024 * 1024:
                return False
            if _links_active_content(archive, names):
                return False
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        zlib.error,
        etree.XMLSyntaxError,
        RuntimeError,  # an encrypted entry
        NotImplementedError,  # a compression method zipfile cannot read
    ):
        return False
    has_macros = any(n.lower().endswith("vbaproject.bin") for n in names)
    return "[Content_Types].xml" in names and "word/document.xml" in names and not has_macros


def accept_form_file(upload, *, uploaded_by: User | None) -> StoredFile:
    """A downloadable form: PDF (checked as above) or a macro-free .docx template."""
    max_bytes = config.max_upload_bytes(current_app)
    spooled = storage.spool(upload.stream, max_bytes=max_bytes)
    try:
        if _is_docx(spooled.path):
            content_type = DOCX
        else:
            _check_pdf(spooled.path)
            content_type = "application/pdf"
    except UploadRejected as exc:
        storage.discard(spooled)
        raise UploadRejected(NOT_FORM) from exc
    except BaseException:
        storage.discard(spooled)
        raise
    return storage.keep(
        spooled,
        kind=FileKind.TEMPLATE,
        content_type=content_type,
        display_name=upload.filename or "formulir",
        uploaded_by=uploaded_by,
    )
