"""The electronic-signature footer is printed whole on one page, never cut mid-sentence."""

import re

from sisakat.pdf.skt import render_skt
from sisakat.services.letter_profile import sample_profile
from tests.pdf import helpers as h


def _squeezed(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_footer_is_never_split_across_pages():
    # A board one row longer or shorter moves the footer down the page: at some length it
    # meets the page end. Before, the paragraph then split: page 1 ended "... Pasal 5 ayat"
    # and page 2 held only "(1). Keaslian dokumen dapat diperiksa ..." (seen on an ormas
    # letter of a kabupaten office with two tembusan lines).
    footer = _squeezed(h.context().footer)
    assert footer
    seen_two_pages = False
    for extra in range(0, 12):
        profile = sample_profile()
        profile["officers"] = profile["officers"] + [
            {"position": f"Anggota {i}", "name": f"Nama Contoh {i}"} for i in range(extra)
        ]
        pages = [_squeezed(p) for p in h.pages_text(render_skt(h.context(profile)))]
        seen_two_pages |= len(pages) > 1
        assert sum(footer in p for p in pages) == 1, (extra, len(pages))
    assert seen_two_pages
