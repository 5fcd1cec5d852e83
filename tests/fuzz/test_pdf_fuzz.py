"""FUZZ-2: arbitrary party names and addresses never make ``render_skt`` raise, and text within
the bundled font's coverage comes back through pypdf (after whitespace normalisation), markup
included. The renderer and the PDF helpers are part of the project: imported plainly, so a broken
import fails the run instead of skipping it."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from sisakat.pdf import skt
from tests.fuzz.formkit import FUZZ_SETTINGS, text
from tests.pdf import helpers

COVERED = string.ascii_letters + string.digits + " .,-'/()&<>\"éÉüÖ"
covered = st.text(COVERED, min_size=1, max_size=60).filter(lambda s: s.strip())


def _flat(value: str) -> str:
    return "".join(value.split())


def _letter(name: str, street: str) -> bytes:
    from sisakat.services.letter_profile import sample_profile

    profile = sample_profile()
    profile.update(party_name=name, street=street, reporter_name=name)
    return skt.render_skt(helpers.context(profile))


# Values are cut to their column lengths (Party.reporter_name 120, Party.street 255): what the
# database can hold is what can reach a letter. (A 10,000-character unbroken street makes a table
# row taller than the page and ReportLab raises LayoutError; forms refuse such values first.)
names = text.map(lambda s: s[:120])
streets = st.one_of(text, st.just("x" * 255), st.just("ä" * 255)).map(lambda s: s[:255])


@FUZZ_SETTINGS
@given(name=names, street=streets)
def test_render_never_raises_on_any_text(name, street):
    assert _letter(name, street).startswith(b"%PDF-")


@FUZZ_SETTINGS
@given(name=covered)
def test_covered_party_name_renders_literally(name):
    pages = helpers.pages_text(_letter(name, "Jalan Contoh No. 1"))
    assert _flat(name) in _flat(" ".join(pages))
