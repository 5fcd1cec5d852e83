"""What a valid PDF is: checked by content, never by name or MIME type. The one rule for every
PDF a user uploads: requirement documents (``uploads``), signed letters coming back
(``letter_signing``) and complaint attachments (``complaint_files``).

Order: size while streaming (storage.spool, before this), ``%PDF-`` at byte 0, strict parse, not
encrypted, page cap, then a bounded walk over every object reachable from the catalog refusing
active content. pypdf decodes ``#xx`` escapes in names, so ``/J#61vaScript`` compares as
``/JavaScript``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from pypdf import PdfReader
from pypdf._utils import read_non_whitespace, skip_over_comment
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    read_object,
)

from sisakat.exceptions import UploadRejected

FORBIDDEN = {
    "/JavaScript": "memuat JavaScript",
    "/JS": "memuat JavaScript",
    "/Launch": "memuat perintah menjalankan program (Launch)",
    "/EmbeddedFiles": "memuat berkas tersisip",
    "/EmbeddedFile": "memuat berkas tersisip",
    # A file specification's embedded stream: /Type /EmbeddedFile on that stream is optional,
    # so a FileAttachment annotation (or an associated file) carries a file without either
    # name above.
    "/EF": "memuat berkas tersisip",
    "/FileAttachment": "memuat berkas tersisip",
    "/GoToE": "memuat tautan ke berkas tersisip (GoToE)",
    "/RichMedia": "memuat konten multimedia aktif",
    "/XFA": "memuat formulir XFA",
    "/SubmitForm": "memuat aksi pengiriman formulir",
    "/GoToR": "memuat tautan ke berkas lain (GoToR)",
    "/ImportData": "memuat aksi impor data",
}
MAX_OBJECTS = 50_000  # bound on the walk: a pathological file is refused, not hung on
MAX_KEYS = 10_000  # entries in one dictionary read by _read_dictionary


def not_a_pdf(head: bytes) -> str | None:
    """The refusal of a file whose first bytes (at least 8) say it is plainly not a PDF, naming
    what it looks like; None when it starts as a PDF (the full checks still follow)."""
    if not head:
        return "Berkas kosong (0 byte). Pilih berkas PDF yang benar."
    if head.startswith(b"%PDF-"):
        return None
    if head.startswith(b"MZ"):
        return "Berkas ini adalah program (EXE), bukan PDF."
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "Berkas ini adalah gambar, bukan PDF. Simpan/pindai sebagai PDF."
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # .docx/.xlsx (ZIP), .doc/.xls
        return (
            "Berkas ini dokumen Word/Excel (atau arsip ZIP), bukan PDF. Buka di Word/Excel, "
            "pilih Simpan sebagai PDF (File > Save As > PDF), lalu unggah berkas PDF itu."
        )
    return "Berkas bukan PDF yang valid: tidak diawali penanda %PDF-."


def _sniff(path: Path) -> None:
    """Refuse what is plainly not a PDF, naming what it looks like."""
    with path.open("rb") as fh:
        problem = not_a_pdf(fh.read(8))
    if problem:
        raise UploadRejected(problem)


def _read_dictionary(stream: BinaryIO, reader: PdfReader) -> DictionaryObject:
    """Parse ``<< ... >>`` at the stream position and stop there: the data of a stream object
    after its dictionary is never read (pypdf's own parser reads it whole into memory)."""
    stream.read(2)
    out = DictionaryObject()
    for _ in range(MAX_KEYS):
        tok = read_non_whitespace(stream)
        if tok == b"%":
            stream.seek(-1, 1)
            skip_over_comment(stream)
            continue
        if tok == b">":
            stream.read(1)
            return out
        if not tok:
            raise PdfReadError("truncated dictionary")
        stream.seek(-1, 1)
        key = read_object(stream, reader)
        if not isinstance(key, NameObject) or key in out:
            raise PdfReadError("bad or repeated dictionary key")
        read_non_whitespace(stream)
        stream.seek(-1, 1)
        out[key] = read_object(stream, reader)
    raise UploadRejected("Struktur PDF terlalu rumit untuk diperiksa.")


def _resolve(reader: PdfReader, ref: IndirectObject) -> Any:
    """The object ``ref`` points at; a dictionary or a stream's dictionary is parsed in place
    from the file, everything else (objects inside object streams, which are never streams
    themselves, odd offsets pypdf repairs or refuses) goes through pypdf."""
    table = reader.xref.get(ref.generation, {})
    if ref.idnum in reader.xref_objStm or ref.idnum not in table:
        return ref.get_object()
    if reader.xref_free_entry.get(ref.generation, {}).get(ref.idnum, False):
        return ref.get_object()
    stream = reader.stream
    stream.seek(table[ref.idnum], 0)
    try:
        header = reader.read_object_header(stream)
    except Exception:  # noqa: BLE001 - pypdf decides (repair or refuse)
        header = None
    if header != (ref.idnum, ref.generation) or stream.read(2) != b"<<":
        return ref.get_object()
    stream.seek(-2, 1)
    return _read_dictionary(stream, reader)


def _walk(reader: PdfReader, root: Any) -> None:
    """Visit every object reachable from ``root``; refuse forbidden keys and names. Stream
    objects are visited through their dictionary only (as before), without loading their data,
    so a 50 MB page costs kilobytes, not 50 MB."""
    stack, seen, count = [root], set(), 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            ref = (obj.idnum, obj.generation)
            if ref in seen:
                continue
            seen.add(ref)
            obj = _resolve(reader, obj)
        count += 1
        if count > MAX_OBJECTS:
            raise UploadRejected("Struktur PDF terlalu rumit untuk diperiksa.")
        if isinstance(obj, NameObject) and str(obj) in FORBIDDEN:
            raise UploadRejected(f"PDF ditolak karena {FORBIDDEN[str(obj)]}.")
        if isinstance(obj, DictionaryObject):  # stream objects too (only their dictionary)
            for key, value in obj.items():
                if str(key) in FORBIDDEN:
                    raise UploadRejected(f"PDF ditolak karena {FORBIDDEN[str(key)]}.")
                stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def check_pdf(path: Path, *, max_pages: int) -> int:
    """Validate a spooled PDF; returns its page count or raises UploadRejected."""
    _sniff(path)
    try:
        # A file object, not the path: pypdf then reads only what it needs (a path makes it
        # read the whole file into memory first).
        with path.open("rb") as fh:
            reader = PdfReader(fh, strict=True)
            if reader.is_encrypted:
                raise UploadRejected("PDF terkunci/terenkripsi. Unggah PDF tanpa kata sandi.")
            pages = len(reader.pages)
            _walk(reader, reader.trailer.raw_get("/Root"))
    except UploadRejected:
        raise
    except Exception:  # pypdf raises many types on broken input; all mean "unreadable"
        raise UploadRejected("Berkas PDF rusak atau tidak dapat dibaca.") from None
    if pages < 1:
        raise UploadRejected("PDF tidak memiliki halaman.")
    if pages > max_pages:
        raise UploadRejected(f"PDF terlalu panjang ({pages} halaman). Maksimal {max_pages}.")
    return pages
