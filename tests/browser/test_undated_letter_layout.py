"""Letters SRIKANDI has not dated yet say so in the staff lists ("Belum bertanggal (disusun
...)"): the longer words fit the letter register, the letter search and the signing desk at
every width, in their column or folded under the number (the desk: the applicant), without
scrolling sideways."""

from __future__ import annotations

from datetime import datetime

import pytest
from playwright.sync_api import expect

from sisakat.models import LetterStatus, Role
from tests.browser.journeys import fresh, log_in
from tests.browser.test_tablet_layout import LAPTOP, OVERFLOWS, PHONE, TABLET

pytestmark = pytest.mark.browser

DRAWN = datetime(2026, 12, 31, 16, 30)  # 23.30 WIB on 31 December
UNDATED = "Belum bertanggal (disusun 31 Desember 2026)"


@pytest.mark.parametrize("width", [PHONE, TABLET, 992, LAPTOP])
def test_undated_letters_fit_every_staff_list(page, make, width):
    make.user(Role.SUPERADMIN, username="admin.contoh")
    undated = {"letter_date": None, "number_text": None, "created_at": DRAWN}
    make.issued_letter(status=LetterStatus.MENUNGGU_TTE, signed_file_id=None, **undated)
    make.issued_letter(
        status=LetterStatus.DIBATALKAN, revoked_reason="Susunan pengurus salah.", **undated
    )
    fresh()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "admin.contoh")
    for path in ("/admin/surat", "/petugas/surat", "/tte/"):
        page.goto(path)
        expect(page.get_by_text(UNDATED).filter(visible=True).first).to_be_visible()
        assert page.evaluate(OVERFLOWS) == [], (path, width)
