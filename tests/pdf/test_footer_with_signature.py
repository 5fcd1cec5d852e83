"""The electronic-signature footer is printed on the page of the signature block it describes.

An ormas letter with six officers ran over: the signature block stayed on page one and the
footer ("Dokumen ini telah ditandatangani secara elektronik ...") stood alone on page two,
under nothing but the page number. The closing paragraph, the signature block, the tembusan
and the footer now move on together. (Six officers fit on one page since the legal document's
line names one document and no longer wraps over three lines; seven run over.)"""

import re

import pytest

from sisakat.models.requirement import ORMAS_LAPOR
from sisakat.pdf.skt import render_skt
from sisakat.services.letter_profile import sample_profile
from tests.pdf import helpers as h


def _squeezed(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _ormas_letter(officers: int):
    profile = sample_profile("ormas")
    extra = [{"position": f"Anggota {i}", "name": f"Nama Contoh {i}"} for i in range(officers)]
    profile["officers"] = (profile["officers"] + extra)[:officers]
    return h.context(profile, settings=h.groups(ORMAS_LAPOR))


@pytest.mark.pdf_tools
@pytest.mark.parametrize("officers", [7, 10, 20])
def test_footer_is_on_the_page_of_the_signature_block(officers, tmp_path):
    ctx = _ormas_letter(officers)
    pdf = render_skt(ctx)
    text = h.tool("pdftotext", pdf=pdf, tmp=tmp_path, tail=("-",))
    pages = [_squeezed(p) for p in text.split("\f") if p.strip()]
    assert len(pages) == 2  # runs over: what the test is about
    assert f"{officers}.{_squeezed(ctx.board[-1][0])}" in _squeezed(text)  # every officer listed
    footer = [i for i, p in enumerate(pages) if _squeezed(ctx.footer) in p]
    signature = [i for i, p in enumerate(pages) if _squeezed(ctx.signature_nip) in p]
    assert footer == signature == [1]
    # The signature block does not stand alone either: the closing paragraph goes with it.
    assert _squeezed(ctx.closing)[-40:] in pages[1]
    assert _squeezed(ctx.signature_name) in pages[1]
