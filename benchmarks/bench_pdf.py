"""SKT rendering time against a minimal one-page ReportLab platypus letter with a QR code.

    python -m benchmarks.bench_pdf [--runs 30]

Both use the bundled Liberation fonts (embedded) and a QR code. ``render_skt`` renders the
sample party's letter of the PDF tests (``tests/pdf/helpers.py``), final (not a draft).
Median and p95 of ``--runs`` renders after two warm-up renders. Target: at most 2x the baseline.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import time

from benchmarks import common
from sisakat.pdf.skt import render_skt
from tests.pdf.helpers import context as sample_context

FONTS = common.ROOT / "sisakat" / "pdf" / "fonts"
QR_URL = "https://sisakat.kesbangpol.example.go.id/verifikasi/AbCdEfGhIjKlMnOpQrStUv"


def baseline_letter() -> bytes:
    """One A4 page: heading, a few paragraphs, a small table and a QR code."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    if "BenchSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSans", str(FONTS / "LiberationSans-Regular.ttf")))
    body = ParagraphStyle("b", fontName="BenchSans", fontSize=11, leading=15)
    qr = QrCodeWidget(QR_URL)
    x0, y0, x1, y1 = qr.getBounds()
    drawing = Drawing(
        30 * mm, 30 * mm, transform=[30 * mm / (x1 - x0), 0, 0, 30 * mm / (y1 - y0), 0, 0]
    )
    drawing.add(qr)
    rows = [[f"{i}.", "Keterangan", f"Nilai contoh {i}"] for i in range(1, 8)]
    story = [Paragraph("SURAT KETERANGAN TERDAFTAR", body), Spacer(1, 6 * mm)]
    story += [Paragraph("Yang bertanda tangan di bawah ini menerangkan bahwa:", body)]
    story += [Table(rows, style=[("FONT", (0, 0), (-1, -1), "BenchSans", 11)]), Spacer(1, 6 * mm)]
    story += [Paragraph("Demikian surat keterangan ini dibuat untuk dipergunakan.", body), drawing]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def timed(fn, runs: int) -> list[float]:
    """Milliseconds per call after two warm-up calls."""
    fn(), fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    """Print medians, p95 and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    base = timed(baseline_letter, args.runs)
    print(f"{'renderer':38} {'median ms':>10} {'p95 ms':>8} {'x base':>7}")
    b = statistics.median(base)
    label = "baseline platypus letter + QR"
    print(f"{label:38} {b:10.1f} {common.percentile(base, 95):8.1f} {1:7.2f}")
    # the baseline's QR payload, so both encode the same URL
    ctx = dataclasses.replace(sample_context(), verification_url=QR_URL, draft=False)
    times = timed(lambda: render_skt(ctx), args.runs)
    m = statistics.median(times)
    print(f"{'render_skt':38} {m:10.1f} {common.percentile(times, 95):8.1f} {m / b:7.2f}")
    print(common.machine())


if __name__ == "__main__":
    main()
