"""The signing desk after the office switched numbering to SRIKANDI, with in-app signing: the
letter numbered before keeps its tick and "Tandatangani"; the unnumbered one says why on its
row. Both rows fit a phone and a laptop without scrolling sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import letter_inapp, settings
from tests.browser.journeys import fresh, log_in
from tests.browser.test_tablet_layout import BOARD, LAPTOP, OVERFLOWS, PHONE
from tests.letters import helpers as h

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_numbered_and_unnumbered_letters_side_by_side(page, make, width):
    settings.update({"signing.backend": "pades"}, actor=None)
    numbered = h.prepared_letter(make.party(board_name=BOARD))
    h.srikandi_mode()
    h.prepared_letter()
    signer = make.user(Role.PENANDATANGAN).username
    db.session.commit()
    fresh()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, signer)
    page.goto("/tte/")
    assert page.evaluate(OVERFLOWS) == [], width
    expect(page.get_by_label(f"Pilih surat {numbered.number_text}")).to_be_visible()
    expect(page.get_by_role("button", name="Tandatangani", exact=False).first).to_be_visible()
    expect(page.get_by_text(letter_inapp.UNNUMBERED)).to_be_visible()
