"""The verification page printed as a record of a check (found by a QA pass): with no file
compared, the paper ended in a bare "Bandingkan berkas" heading over nothing, the form being
hidden in print, as if a comparison's result were missing. The heading is printed only with
the verdict it introduces."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import StoredFile
from sisakat.services import storage
from tests.browser.journeys import fresh

pytestmark = pytest.mark.browser


def test_the_compare_heading_is_printed_only_with_a_verdict(page, make, tmp_path):
    letter = make.issued_letter()
    token = letter.token
    signed = storage.read_bytes(db.session.get(StoredFile, letter.signed_file_id))
    fresh()
    heading = page.get_by_role("heading", name="Bandingkan berkas")
    page.goto(f"/verifikasi/{token}")
    page.emulate_media(media="print")
    expect(page.get_by_text("BERLAKU", exact=True)).to_be_visible()
    expect(heading).to_be_hidden()
    page.emulate_media(media="screen")
    (tmp_path / "asli.pdf").write_bytes(signed)
    page.get_by_label("Berkas PDF surat").set_input_files(str(tmp_path / "asli.pdf"))
    page.get_by_role("button", name="Bandingkan").click()
    page.emulate_media(media="print")
    expect(heading).to_be_visible()
    expect(page.get_by_text("Berkas ini SAMA PERSIS")).to_be_visible()
