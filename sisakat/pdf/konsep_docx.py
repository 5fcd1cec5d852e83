"""The konsep (draft for SRIKANDI) as .docx with python-docx: same context, same text as the PDF.

SRIKANDI's templates are Word files and it replaces ``${nomor_naskah}``, ``${tgl_naskah}`` and
``${ttd_pengirim}`` at signing; each placeholder is written as ONE run so a search-and-replace
over runs finds it (a variable split across runs is invisible to such tools).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from sisakat.pdf.context import LetterContext, printable

SIGN_INDENT = Cm(8.5)


def _para(doc, value: str = "", *, bold=False, underline=False, centre=False, size=12, indent=None):
    """One paragraph with a single run (python-docx escapes the XML itself)."""
    p = doc.add_paragraph()
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent is not None:
        p.paragraph_format.left_indent = indent
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(printable(value))
    run.bold, run.underline, run.font.size = bold, underline, Pt(size)
    return p


def _labelled(doc, label: str, value: str, *, centre=False, indent=None):
    """``label`` then ``value`` in its own run (a SRIKANDI variable stays whole)."""
    p = _para(doc, label, centre=centre, indent=indent)
    p.add_run(printable(value)).font.size = Pt(12)
    return p


def _fields(doc, ctx: LetterContext) -> None:
    rows = [(f"{n}.", label, ":", value) for n, (label, value) in enumerate(ctx.fields, 1)]
    rows.append((f"{len(ctx.fields) + 1}.", ctx.board_label, ":", ""))
    rows += [("", f"{i}. {pos}", ":", name) for i, (pos, name) in enumerate(ctx.board, 1)]
    table = doc.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = printable(value)
    _labelled(doc, f"{len(ctx.fields) + 2}. ", ctx.statement)


def _signature(doc, ctx: LetterContext) -> None:
    _labelled(doc, f"{ctx.place}, ", ctx.shown_day, indent=SIGN_INDENT)
    for line in (*ctx.signature_prefix, ctx.signature_position, ctx.signature_region):
        if line:
            _para(doc, line, indent=SIGN_INDENT)
    _para(doc, ctx.signature_mark, indent=SIGN_INDENT)
    _para(doc, ctx.signature_name, bold=True, underline=True, indent=SIGN_INDENT)
    _para(doc, ctx.signature_rank, indent=SIGN_INDENT)
    _para(doc, ctx.signature_nip, indent=SIGN_INDENT)


def qr_png(url: str, *, module_px: int = 8) -> bytes:
    """The verification QR as a PNG (error correction M, as on the PDF; 4-module quiet zone):
    Word has no QR drawing of its own, so the konsep carries the picture."""
    from PIL import Image
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    n, quiet = code.getModuleCount(), 4
    image = Image.new("1", (n + 2 * quiet, n + 2 * quiet), 1)
    for row in range(n):
        for col in range(n):
            if code.isDark(row, col):
                image.putpixel((col + quiet, row + quiet), 0)
    size = image.width * module_px
    out = io.BytesIO()
    image.resize((size, size), Image.NEAREST).save(out, format="PNG")
    return out.getvalue()


def render_konsep_docx(ctx: LetterContext) -> bytes:
    """Render the konsep to .docx bytes (pure)."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = (
        (Cm(21.5), Cm(33)) if ctx.page_size == "F4" else (Cm(21), Cm(29.7))
    )
    doc.core_properties.title = f"{ctx.title} {ctx.shown_number}".strip()
    doc.core_properties.author = ctx.author
    doc.core_properties.keywords = f"sisakat:{ctx.code}" if ctx.code else "sisakat"
    doc.core_properties.language = "id-ID"
    if ctx.draft:
        _para(doc, "DRAF", bold=True, centre=True, size=20)
    if ctx.emblem_png:
        doc.add_picture(io.BytesIO(ctx.emblem_png), height=Cm(2.4))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, ctx.kop_government, centre=True, size=14)
    _para(doc, ctx.kop_agency, bold=True, centre=True, size=16)
    for line in ctx.kop_lines:
        _para(doc, line, centre=True, size=10)
    _para(doc, ctx.title, bold=True, underline=True, centre=True)
    _labelled(doc, "Nomor : ", ctx.shown_number, centre=True)
    _para(doc, ctx.opening)
    _fields(doc, ctx)
    _para(doc, ctx.closing)
    _signature(doc, ctx)
    if ctx.tembusan:
        _para(doc, "Tembusan:", size=10)
        for i, item in enumerate(ctx.tembusan, 1):
            _para(doc, f"{i}. {item}", size=10)
    if ctx.footer:
        _para(doc, ctx.footer, size=8)
    if ctx.has_qr:
        # SISAKAT's QR and code stay in the letter SRIKANDI signs (SIGNING.md §10)
        doc.add_picture(io.BytesIO(qr_png(ctx.verification_url)), width=Cm(2.2))
        _para(doc, f"Kode verifikasi: {ctx.code}", size=8)
        _para(doc, ctx.verification_url, size=8)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
