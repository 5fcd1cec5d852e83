"""A phone on mobile data: a file over the upload limit is refused at once, before a byte is
sent, with the same Indonesian message the server would give; the page keeps working."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import application_steps as s
from tests.browser import journeys as j

pytestmark = pytest.mark.browser


def test_a_file_over_the_limit_is_refused_before_it_is_sent(
    phone_page, live_server, make, tmp_path
):
    page = phone_page
    limit_mb = live_server.app.config["MAX_UPLOAD_MB"]
    big = tmp_path / "scan-besar.pdf"
    big.write_bytes(j.pdf_file(tmp_path).read_bytes() + b"%" + b"0" * (limit_mb * 1024 * 1024))
    owner, _board = s.ready_party(make)
    j.log_in(page, owner)
    page.get_by_role("button", name="Ajukan SKT Partai Politik").click()
    posted = []
    page.on("request", lambda r: posted.append(r.url) if r.method == "POST" else None)
    row = s.item(page, s.REQUIRED[0])
    row.get_by_label(f"Berkas PDF untuk {s.REQUIRED[0]}").set_input_files(str(big))
    row.get_by_role("button", name="Unggah").click()
    expect(row).to_contain_text(f"Berkas terlalu besar. Ukuran maksimal {limit_mb} MB.")
    expect(row.get_by_role("button", name="Unggah")).to_be_enabled()
    assert posted == []
    s.upload(page, s.REQUIRED[0], j.pdf_file(tmp_path, "surat-permohonan.pdf"))
    expect(row).to_contain_text("Sudah diunggah")
