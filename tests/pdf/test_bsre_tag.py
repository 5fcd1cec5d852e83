"""SIG-14 (second half): BSrE's placement marker (``tag_koordinat``) is printed in the signature
space so that it extracts exactly as configured (OpenSID #10765 saw ``[qr_bsre]`` turned into
``#`` by rendering), yet is not seen on paper and moves nothing on the page."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from sisakat.pdf.skt import render_skt
from sisakat.services.signing import placement
from tests.conftest import require_or_skip
from tests.pdf import helpers as h

MARKERS = ["[qr_bsre]", "#", "$", "${ttd_bsre}", "<qr&bsre>"]


@pytest.mark.pdf_tools
@pytest.mark.parametrize("marker", MARKERS)
def test_the_marker_extracts_exactly_as_configured(marker, tmp_path):
    pdf = render_skt(h.replace(h.context(), signature_tag=marker))
    poppler = h.tool("pdftotext", pdf=pdf, tmp=tmp_path, tail=("-",))
    pypdf = "".join(h.pages_text(pdf))
    assert poppler.count(marker) == 1
    assert pypdf.count(marker) == 1
    plain = render_skt(h.context())  # coordinates (the default): no marker at all
    assert marker not in h.tool("pdftotext", pdf=plain, tmp=tmp_path, tail=("-",))
    # where: at the lower left corner of the box the coordinate placement gives (just above
    # the signer's name), so a signature drawn from the marker fills the same space
    x1, y1, _, _ = placement.signature_place(pdf, h.context().signature_name).box
    x, y = _origin(pdf, marker)
    assert abs(x - x1) < 1
    assert abs(y - y1) < 2


def _origin(pdf: bytes, marker: str) -> tuple[float, float]:
    """Where the marker's text starts on page 1, in PDF points."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip() == marker:
            found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert len(found) == 1
    return found[0]


def _pixels(pdf: bytes, tmp, name: str) -> list[bytes]:
    if shutil.which("pdftoppm") is None:
        require_or_skip("pdftoppm tidak terpasang")
    (tmp / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "100", str(tmp / f"{name}.pdf"), str(tmp / name)], check=True)
    return [path.read_bytes() for path in sorted(tmp.glob(f"{name}*.ppm"))]


@pytest.mark.pdf_tools
def test_the_marker_is_unseen_on_paper_and_the_layout_does_not_move(tmp_path):
    """White on white: the printed page is pixel for pixel the letter without the marker, and
    the coordinate placement (read back from the text) finds the same box."""
    plain = render_skt(h.context())
    tagged = render_skt(h.replace(h.context(), signature_tag="[qr_bsre]"))
    assert _pixels(tagged, tmp_path, "tagged") == _pixels(plain, tmp_path, "plain")
    name = h.context().signature_name
    assert placement.signature_place(tagged, name) == placement.signature_place(plain, name)


def test_a_draft_and_a_srikandi_konsep_print_no_marker():
    draft = h.context(draft=True, signature_tag="[qr_bsre]")
    assert draft.signature_tag == ""
    assert "[qr_bsre]" not in "".join(h.pages_text(render_skt(draft)))
    konsep = h.context(srikandi=True, signature_tag="[qr_bsre]")
    text = re.sub(r"\s+", " ", "".join(h.pages_text(render_skt(konsep))))
    assert "${ttd_pengirim}" in text  # SRIKANDI's variable holds the signature space
    assert "[qr_bsre]" not in text
