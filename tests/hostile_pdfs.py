"""Hostile files for the upload suite (UP-1, UP-2), generated at test time."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from tests.factories import pdf_bytes, png_bytes


def raw_pdf(*objects: bytes) -> bytes:
    """A hand-built PDF with a correct xref; object 1 is the catalog."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def with_open_action(action: bytes) -> bytes:
    """A one-page PDF whose catalog runs ``action`` on open."""
    return raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        action,
    )


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    return writer


def _bytes(writer: PdfWriter) -> bytes:
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def encrypted() -> bytes:
    """A PDF locked with a password."""
    writer = _writer()
    writer.encrypt("rahasia")
    return _bytes(writer)


def javascript_open_action() -> bytes:
    """OpenAction JavaScript written by pypdf."""
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )
    return _bytes(writer)


def embedded_file() -> bytes:
    """A PDF carrying an attachment."""
    writer = _writer()
    writer.add_attachment("catatan.txt", b"isi tersembunyi")
    return _bytes(writer)


def file_attachment_annotation() -> bytes:
    """A page annotation carrying a program in its file specification's /EF stream, the stream
    without the optional /Type /EmbeddedFile (no /EmbeddedFiles name tree either)."""
    return raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>",
        b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS << /Type /Filespec"
        b" /F (a.exe) /EF << /F 5 0 R >> >> >>",
        b"<< /Length 5 >>\nstream\nMZabc\nendstream",
    )


def goto_embedded() -> bytes:
    """An open action jumping into an embedded document (GoToE)."""
    return with_open_action(b"<< /S /GoToE /T << /R /C /N (lampiran) >> >>")


CASES = {
    "exe": (b"MZ\x90\x00" + b"\x00" * 200, "program (EXE)"),
    "png": (png_bytes(), "gambar, bukan PDF"),
    "junk_before_header": (b"junk\n" + pdf_bytes(), "tidak diawali penanda %PDF-"),
    "zero_bytes": (b"", "Berkas kosong"),
    "broken": (b"%PDF-1.7\nbukan pdf sama sekali", "rusak atau tidak dapat dibaca"),
    "encrypted": (encrypted(), "terenkripsi"),
    "javascript": (javascript_open_action(), "memuat JavaScript"),
    "javascript_hex_names": (
        with_open_action(b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>"),
        "memuat JavaScript",
    ),
    "launch": (with_open_action(b"<< /S /Launch /F (calc.exe) >>"), "Launch"),
    "launch_hex": (with_open_action(b"<< /S /L#61unch /F (calc.exe) >>"), "Launch"),
    "embedded_file": (embedded_file(), "berkas tersisip"),
    "file_attachment_annotation": (file_attachment_annotation(), "berkas tersisip"),
    "goto_embedded": (goto_embedded(), "berkas tersisip"),
}
