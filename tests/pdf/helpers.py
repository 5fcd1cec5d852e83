"""Helpers for the PDF tests: a ready letter context and the poppler/zbar command-line tools."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from sisakat.pdf.context import LetterContext
from sisakat.services import catalog
from sisakat.services.letter_context import build_context
from sisakat.services.letter_profile import sample_profile
from sisakat.services.settings import DEFAULTS
from tests.conftest import require_or_skip

CODE = "K7Q2M4XW9ZP3R5T8V6B2N4C7LD"
URL = f"https://sisakat.kesbangpol.example.test/verifikasi/{CODE}"
NUMBER = "200.1.5.3/1436/BAN.KBP/2025"
GOLDEN = Path(__file__).resolve().parent.parent / "resources" / "golden" / "skt.pdf"


def groups(service_code: str = "skt_parpol") -> dict[str, dict]:
    """The default agency/signatory/letter settings groups, with the built-in service's wording
    (the party SKT's unless told)."""
    out = {
        g: {k[len(g) + 1 :]: v for k, v in DEFAULTS.items() if k.startswith(g + ".")}
        for g in ("agency", "signatory", "letter")
    }
    out["letter"].update(catalog.letter_wording(catalog.built_in(service_code)))
    return out


def context(profile: dict | None = None, **overrides) -> LetterContext:
    """An issued letter of the fictional sample party (overrides go to build_context)."""
    args = {
        "profile": profile or sample_profile(),
        "settings": groups(),
        "number_text": NUMBER,
        "issued_on": date(2025, 6, 13),
        "verification_url": URL,
        "code": CODE,
        "draft": False,
        "srikandi": False,
    }
    args.update(overrides)
    return build_context(**args)


def replace(ctx: LetterContext, **changes) -> LetterContext:
    """A copy of a context with some fields changed."""
    return dataclasses.replace(ctx, **changes)


def pages_text(pdf: bytes) -> list[str]:
    """pypdf text per page."""
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def tool(name: str, *args: str, pdf: bytes, tmp: Path, tail: tuple[str, ...] = ()) -> str:
    """Run a poppler/zbar tool on the PDF written to ``tmp``; skip when the tool is absent."""
    if shutil.which(name) is None:
        require_or_skip(f"{name} tidak terpasang")
    path = tmp / "letter.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        [name, *args, str(path), *tail], capture_output=True, text=True, check=True
    )
    return done.stdout


def qr_payload(pdf: bytes, tmp: Path) -> str:
    """Rasterise page 1 at 200 dpi and decode the QR with zbarimg."""
    for name in ("pdftoppm", "zbarimg"):
        if shutil.which(name) is None:
            require_or_skip(f"{name} tidak terpasang")
    (tmp / "letter.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp / "letter.pdf"),
            str(tmp / "page"),
        ],
        check=True,
    )
    png = sorted(tmp.glob("page*.png"))[0]
    done = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    return done.stdout.strip()


def emblem() -> bytes:
    """A small PNG standing in for the regional emblem."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (60, 60), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def image_count(pdf: bytes) -> int:
    """Image XObjects over all pages."""
    count = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {}) or {}
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


def annotations(pdf: bytes) -> int:
    """Annotations (links) over all pages."""
    return sum(len(p.get("/Annots", []) or []) for p in PdfReader(io.BytesIO(pdf)).pages)
