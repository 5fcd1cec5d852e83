"""Upload of a 50 MB PDF: peak memory growth of the server process and validation time.

    python -m benchmarks.bench_upload [--mb 50]

The server (Waitress on 127.0.0.1, upload cap raised to fit) receives the file as multipart.
Memory: ``VmHWM`` (peak RSS) after the upload minus ``VmRSS`` before it, from /proc (Linux).
Target: under 20 MB growth, i.e. the body is streamed to disk, not held in memory.
The target is a requirement upload form of the seeded party's draft application, found from
its dashboard as the load test finds it. Validation: ``sisakat.services.pdf_checks.check_pdf`` on
the same file.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from pathlib import Path

from benchmarks import common
from benchmarks.load.run_load import VirtualUser, _multipart
from benchmarks.seed import seed
from sisakat.services.pdf_checks import check_pdf


def big_pdf(path: Path, mb: int) -> None:
    """A valid one-page PDF of about ``mb`` MB (a large content stream of comment lines)."""
    line = b"% " + b"SISAKAT" * 12 + b"\n"
    content = line * (mb * 1024 * 1024 // len(line)) + b"BT /F1 12 Tf 72 720 Td (Uji) Tj ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    with path.open("wb") as out:
        out.write(b"%PDF-1.7\n")
        offsets = []
        for n, body in enumerate(objects, 1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        out.writelines(b"%010d 00000 n \n" % o for o in offsets)
        out.write(
            b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, xref)
        )


def validation_ms(path: Path) -> str:
    """Time of the uploads service's PDF check and its verdict."""
    start = time.perf_counter()
    try:
        check_pdf(path, max_pages=100)
        verdict = "accepted"
    except Exception as exc:  # noqa: BLE001 - a refusal is a result too
        verdict = f"refused: {exc}"
    return f"{(time.perf_counter() - start) * 1000:.0f} ms ({verdict})"


def main() -> None:
    """Upload once, print memory growth and timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "besar.pdf"
        big_pdf(pdf, args.mb)
        data = pdf.read_bytes()
        with common.instance(SISAKAT_MAX_UPLOAD_MB=args.mb + 10) as inst:
            with common.app_context(inst) as app:
                common.build_schema(app)
                seeded = seed(parties=1)
            with common.serve(inst) as server:
                vu = VirtualUser(server.port, "pemohon", seeded.pemohon[0], [])
                if not vu.uploads:
                    raise SystemExit("no requirement upload form found on the party's pages")
                browser = vu.browser
                action, fields, name = vu.uploads[0]
                target = f"party upload form {action}"
                for _ in range(20):
                    browser.request("GET", "/akun/masuk")
                before = server.rss_kb()
                body, kind = _multipart(fields, {name: (f"{uuid.uuid4().hex}.pdf", data)})
                start = time.perf_counter()
                status, _ = browser.request("POST", action, body, {"Content-Type": kind})
                elapsed = time.perf_counter() - start
                growth = (server.peak_rss_kb() - before) / 1024
        print(f"file: {len(data) / 1e6:.1f} MB valid PDF; target: {target}")
        print(f"answer {status} in {elapsed * 1000:.0f} ms; peak RSS growth {growth:.1f} MB")
        print(f"validation: {validation_ms(pdf)}")
    print(common.machine())


if __name__ == "__main__":
    main()
