"""The signing desk on a 768-px tablet and a 1280-px laptop with scans allowed: every letter's
buttons (Unduh PDF, Unduh .docx, Unduh untuk TTD basah, Kembalikan ke Verifikator) are on screen.
They sat in one unbroken line, so the table scrolled sideways and the last buttons were hidden
past the right edge."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import settings
from tests.browser import journeys as j
from tests.letters import helpers as h

pytestmark = pytest.mark.browser
SCREENS = ({"width": 768, "height": 1024}, {"width": 1280, "height": 800})


def test_every_letter_button_is_on_a_tablet_and_a_laptop_screen(page, make):
    settings.update({"signing.allow_scan": True}, actor=None)  # the widest row of buttons
    h.prepared_letter()
    signer = make.user(Role.PENANDATANGAN).username
    db.session.commit()
    j.log_in(page, signer)
    names = ("Unduh PDF", "Unduh .docx", "Unduh untuk TTD basah", "Kembalikan ke Verifikator")
    for screen in SCREENS:
        page.set_viewport_size(screen)
        page.goto("/tte/")
        for name in names:
            box = page.get_by_role("link", name=name).bounding_box()
            assert box is not None, name
            assert box["x"] >= 0, (name, box)
            assert box["x"] + box["width"] <= screen["width"], (name, box)
        table = page.locator(".table-responsive").first
        assert table.evaluate("el => el.scrollWidth <= el.clientWidth"), screen
        assert j.fits_width(page)
