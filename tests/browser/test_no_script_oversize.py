"""A complaint with a 13 MB scan sent with JavaScript off (the page script's size check never
runs), to Waitress started with the options ``app.py`` uses: Chromium shows the Indonesian 413
page naming the 10 MB cap and what to do. Before: Waitress refused any body over the cap
+ 1 MB itself, from its headers, and closed the connection; the visitor got its English plain
text or a connection error (docs/OPERATIONS.md, "Uploads over the cap")."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import Complaint
from sisakat.web import serve_options
from tests.browser.conftest import ALLOWED_HOST, DESKTOP, LiveServer
from tests.browser.test_no_script_nav import no_script_page
from tests.waitress_thread import served

pytestmark = pytest.mark.browser


def test_big_scan_without_script_gets_the_indonesian_413_page(browser, csrf_app, tmp_path):
    options = {**serve_options(csrf_app), "host": ALLOWED_HOST, "port": 0}
    scan = tmp_path / "pindaian-besar.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"0" * (13 * 1024 * 1024))  # cap 10 MB, old limit 12 MB
    with served(csrf_app, **options) as server:
        url = f"http://{ALLOWED_HOST}:{server.effective_port}"
        live = LiveServer(app=csrf_app, url=url, server=server)
        with no_script_page(browser, live, DESKTOP) as page:
            page.goto("/pengaduan")
            page.get_by_label("Kategori").select_option(label="Sistem/aplikasi")
            page.get_by_label("Isi pengaduan atau saran").fill("Lampiran pindaian besar.")
            page.get_by_label("Lampiran (PDF, opsional)").set_input_files(str(scan))
            page.get_by_role("button", name="Kirim Pengaduan").click()
            expect(page.get_by_role("heading", name="Berkas terlalu besar")).to_be_visible()
            expect(page.get_by_text("Ukuran maksimal 10 MB.")).to_be_visible()
            advice = page.get_by_text("Pilih berkas yang lebih kecil, lalu kirim lagi.")
            expect(advice).to_be_visible()
    db.session.expire_all()
    assert db.session.execute(db.select(Complaint.id)).first() is None
