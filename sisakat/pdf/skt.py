"""The SKT letter as PDF with ReportLab: ``render_skt(ctx) -> bytes`` (pure; SIGNING.md §2).

Every value from the party or the office settings is escaped before it enters a ``Paragraph``
(Paragraph text is markup: an unescaped ``<img src=...>`` would embed a server file). Only our
own labels and tags are trusted markup. ``initialFontName`` is passed to the document and the QR
drawing so no non-embedded Helvetica appears.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, white
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sisakat.pdf.context import LetterContext, printable
from sisakat.pdf.fonts import BODY, BODY_BOLD, register_fonts
from sisakat.pdf.kop import MARGIN, draw_kop, kop_height

F4 = (215 * mm, 330 * mm)
# The creator mark in every PDF SISAKAT draws: a wet-signed "scan" still carrying it, in one
# revision, is the drawn copy itself, unsigned (``services/letter_scan.refuse_drawn_copy``).
CREATOR = "SISAKAT"
BOTTOM = 15 * mm
QR_SIZE = 22 * mm
SIGN_WIDTH = 106 * mm
LABEL_COLS = [8 * mm, 45 * mm, 4 * mm, None]
WATERMARK = Color(0.6, 0.6, 0.6, alpha=0.25)
SIGN_SPACE = 18 * mm  # blank above the signer's name: the signature goes there
TAG_LEADING = 7  # points: the line BSrE's marker takes at the bottom of that space
# Body line spacing tried in turn, the normal first: a letter a few lines too long for one page
# (the built-in ormas letter left its footer alone on page two) is set a little tighter.
LEADINGS = (14.5, 14, 13.5, 13)


def text(value: str) -> str:
    """Untrusted text made safe for Paragraph markup; newlines kept as line breaks."""
    return escape(printable(value)).replace("\n", "<br/>")


def _styles(leading: float = LEADINGS[0]) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=BODY, fontSize=12, leading=leading)
    return {
        "body": base,
        "just": ParagraphStyle("just", parent=base, alignment=TA_JUSTIFY),
        "title": ParagraphStyle("title", parent=base, fontName=BODY_BOLD, alignment=TA_CENTER),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=10, leading=12),
        "footer": ParagraphStyle(
            "footer", parent=base, fontSize=8, leading=10, alignment=TA_JUSTIFY
        ),
        "code": ParagraphStyle("code", parent=base, fontSize=7, leading=8),
        # BSrE's marker: white on white, so found as text but never seen on paper
        "tag": ParagraphStyle("tag", parent=base, fontSize=6, leading=TAG_LEADING, textColor=white),
    }


def _table(rows: list[list], widths: list) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BODY),  # the default is Helvetica
                ("FONTSIZE", (0, 0), (-1, -1), 12),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def field_table(ctx: LetterContext, st: dict) -> list:
    """Items 1-8: label-colon-value rows, the board as its own splittable numbered sub-list."""
    p = st["body"]
    rows = [
        [f"{n}.", Paragraph(text(label), p), ":", Paragraph(text(value), p)]
        for n, (label, value) in enumerate(ctx.fields, start=1)
    ]
    n_board = len(ctx.fields) + 1
    rows.append([f"{n_board}.", Paragraph(text(ctx.board_label), p), ":", ""])
    parts = [_table(rows, LABEL_COLS)]
    if ctx.board:
        board_rows = [
            ["", f"{i}.", Paragraph(text(pos), p), ":", Paragraph(text(name), p)]
            for i, (pos, name) in enumerate(ctx.board, start=1)
        ]
        parts.append(_table(board_rows, [8 * mm, 8 * mm, 50 * mm, 4 * mm, None]))
    last = [[f"{n_board + 1}.", Paragraph(text(ctx.statement), st["just"])]]
    parts.append(_table(last, [8 * mm, None]))
    return parts


def _qr_cell(ctx: LetterContext, st: dict) -> list:
    """The QR (error correction M, quiet zone kept) with the verification code under it."""
    widget = QrCodeWidget(ctx.verification_url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE, initialFontName=BODY, initialFontSize=7)
    drawing.transform = [QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    drawing.add(widget)
    return [drawing, Paragraph(text(ctx.code), st["code"])]


def _signature(ctx: LetterContext, st: dict) -> Table:
    """Place and date, position, signature space, name, rank, NIP; the QR to its left."""
    s = st["body"]
    lines = [Paragraph(text(ctx.shown_date), s), Spacer(1, 2 * mm)]
    lines += [Paragraph(text(x), s) for x in ctx.signature_prefix]
    lines += [Paragraph(text(ctx.signature_position), s)]
    if ctx.signature_region:
        lines.append(Paragraph(text(ctx.signature_region), s))
    lines += _signature_space(ctx, st)
    lines += [
        Paragraph(f"<b><u>{text(ctx.signature_name)}</u></b>", s),
        Paragraph(text(ctx.signature_rank), s),
        Paragraph(text(ctx.signature_nip), s),
    ]
    left = _qr_cell(ctx, st) if ctx.has_qr else ""
    table = _table([[left, lines]], [None, SIGN_WIDTH])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (0, 0), "BOTTOM")]))
    return table


def _signature_space(ctx: LetterContext, st: dict) -> list:
    """The space left for the signature: SRIKANDI's variable, or blank (with BSrE's marker on
    its last line when the letter is placed by marker; the space keeps its height either way,
    so the layout and the coordinate placement do not move)."""
    if ctx.signature_mark:
        return [
            Spacer(1, 6 * mm),
            Paragraph(text(ctx.signature_mark), st["body"]),
            Spacer(1, 6 * mm),
        ]
    if not ctx.signature_tag:
        return [Spacer(1, SIGN_SPACE)]
    return [Spacer(1, SIGN_SPACE - TAG_LEADING), Paragraph(text(ctx.signature_tag), st["tag"])]


def build_story(ctx: LetterContext, st: dict) -> list:
    """The flowables of the letter body in reading order. The last paragraph, the signature
    block, the tembusan and the electronic-signature footer stay on one page: a letter running
    over (an ormas with six officers) left the footer alone on page two, apart from the
    signature it describes; now they move on together, with a line of the body before them."""
    story: list = [NextPageTemplate("later")]
    story += [Paragraph(f"<u>{text(ctx.title)}</u>", st["title"])]
    story += [Paragraph(f"Nomor : {text(ctx.shown_number)}", st["centre"]), Spacer(1, 4 * mm)]
    story += [Paragraph(text(ctx.opening), st["just"]), Spacer(1, 2 * mm)]
    story += field_table(ctx, st)
    if ctx.closing:
        story += [Spacer(1, 4 * mm), Paragraph(text(ctx.closing), st["just"])]
    last = story.pop()  # the closing paragraph, else the statement item
    return [*story, KeepTogether([last, *_ending(ctx, st)])]


def _ending(ctx: LetterContext, st: dict) -> list:
    """The signature block, the tembusan and the footer (none on a draft), flat: a
    ``KeepTogether`` inside the one ``build_story`` wraps them in would measure as endless
    (ReportLab forces its split that way) and push every letter onto a second page. Kept
    together, the footer is never cut mid-sentence either ("... Pasal 5 ayat" on one page)."""
    items: list = [Spacer(1, 4 * mm), _signature(ctx, st)]
    if ctx.tembusan:
        items += [Spacer(1, 3 * mm), Paragraph("Tembusan:", st["small"])]
        items += [Paragraph(f"{i}. {text(t)}", st["small"]) for i, t in enumerate(ctx.tembusan, 1)]
    if ctx.footer and not ctx.draft:
        items += [Spacer(1, 3 * mm), Paragraph(text(ctx.footer), st["footer"])]
    return items


def _page_decor(ctx: LetterContext, size: tuple[float, float]):
    """The onPage callbacks: kop on page one, page number later, DRAF watermark on drafts."""
    width, height = size

    def watermark(canvas) -> None:
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFont(BODY_BOLD, 140)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -45, "DRAF")
        canvas.restoreState()

    def first(canvas, _doc) -> None:
        draw_kop(
            canvas,
            page_width=width,
            page_height=height,
            margin=MARGIN,
            government=ctx.kop_government,
            agency=ctx.kop_agency,
            lines=ctx.kop_lines,
            emblem_png=ctx.emblem_png,
        )
        if ctx.draft:
            watermark(canvas)

    def later(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(BODY, 10)
        canvas.drawCentredString(width / 2, height - 12 * mm, f"- {doc.page} -")
        canvas.restoreState()
        if ctx.draft:
            watermark(canvas)

    return first, later


def render_skt(ctx: LetterContext) -> bytes:
    """Render the letter to PDF bytes (A4 or F4): on one page when a tighter line spacing
    (``LEADINGS``) gets it there, else with the normal spacing over more pages."""
    register_fonts()
    first = b""
    for leading in LEADINGS:
        pdf, pages = _render(ctx, _styles(leading))
        if pages == 1:
            return pdf
        first = first or pdf
    return first


def fits_one_page(ctx: LetterContext) -> bool:
    """True when ``render_skt`` draws the letter on one page (at one of the ``LEADINGS``)."""
    register_fonts()
    return any(_render(ctx, _styles(leading))[1] == 1 for leading in LEADINGS)


def _render(ctx: LetterContext, styles: dict[str, ParagraphStyle]) -> tuple[bytes, int]:
    """The PDF bytes with ``styles`` and the number of pages they take."""
    size = F4 if ctx.page_size == "F4" else A4
    width, height = size
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{ctx.title} {ctx.shown_number}".strip(),
        author=ctx.author,
        subject=ctx.subject,
        keywords=f"sisakat:{ctx.code}" if ctx.code else "sisakat",
        creator=CREATOR,
        lang="id-ID",
        initialFontName=BODY,
        invariant=1 if ctx.invariant else None,
    )
    first_top = kop_height(len(ctx.kop_lines)) + 4 * mm
    body_w = width - 2 * MARGIN
    first_frame = Frame(MARGIN, BOTTOM, body_w, height - first_top - BOTTOM, id="first")
    later_frame = Frame(MARGIN, BOTTOM, body_w, height - MARGIN - BOTTOM, id="later")
    on_first, on_later = _page_decor(ctx, size)
    doc.addPageTemplates(
        [
            PageTemplate("first", [first_frame], onPage=on_first, pagesize=size),
            PageTemplate("later", [later_frame], onPage=on_later, pagesize=size),
        ]
    )
    doc.build(build_story(ctx, styles))
    return buf.getvalue(), doc.page
