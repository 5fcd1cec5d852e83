"""Staff lists on a 390-px phone: a letter number wraps only after a slash. The number cells
of the letter search, the admin letter register and the party register let the browser break
anywhere (``overflow-wrap: anywhere``), so next to a long board name "…/UJI/2026" read "…/202"
over "6". They now mark each slash as the place to wrap (``slash_breaks``), as the desk does."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import Role
from tests import factories
from tests.browser import journeys as j
from tests.browser.test_desk_number_wraps import BREAKS_JS, LONG_NAME
from tests.letters import helpers as h

pytestmark = pytest.mark.browser

# The visible element holding exactly the number (its link or its span).
NUMBER_JS = """number => {
  const all = [...document.querySelectorAll('main a, main span')];
  return all.filter(e => e.textContent === number && e.getClientRects().length).length;
}"""


@pytest.mark.parametrize("path", ["/petugas/surat", "/admin/surat", "/laporan/rekap-partai"])
def test_letter_number_breaks_only_after_a_slash_on_a_phone(page, make, path):
    letter = h.issued_letter(factories.party(board_name=LONG_NAME))
    letter.number_text = number = f"200.1.5.3/{letter.id:04d}/BAN.KBP-SUMSEL/XII/2026"
    admin = make.user(Role.SUPERADMIN).username
    db.session.commit()
    j.log_in(page, admin)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)
    assert page.evaluate(NUMBER_JS, number) >= 1, path
    cells = page.locator("main a, main span").filter(has_text=number)
    breaks = [
        cells.nth(i).evaluate(BREAKS_JS)
        for i in range(cells.count())
        if cells.nth(i).is_visible() and cells.nth(i).text_content() == number
    ]
    assert breaks, path
    for before in breaks:
        assert set(before) <= {"/"}, (path, before)
    assert j.fits_width(page), path


def test_the_desk_folded_number_breaks_only_after_a_slash_on_a_phone(page, make):
    """Below 768 px the desk folds the number under the applicant, in a cell that wraps
    anywhere for a board name without spaces: the number keeps its parts whole there too."""
    letter = h.prepared_letter(factories.party(board_name=LONG_NAME))
    letter.number_text = number = f"200.1.5.3/{letter.id:04d}/BAN.KBP-SUMSEL/XII/2026"
    signer = make.user(Role.PENANDATANGAN).username
    db.session.commit()
    j.log_in(page, signer)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/tte/")
    spans = page.locator("main span").filter(has_text=number)
    shown = [s for s in spans.all() if s.is_visible() and s.text_content() == number]
    assert shown
    for span in shown:
        assert set(span.evaluate(BREAKS_JS)) <= {"/"}
    assert j.fits_width(page)


def test_the_ormas_register_folded_number_breaks_only_after_a_slash_on_a_phone(page, make):
    """Below 1400 px the ormas register folds the letter number and date under the status, in
    a block that wraps anywhere: at 360 px "200.1.5.3/18/BAN.KBP/2026" broke inside the serial
    ("…/1" over "8/…"). The number keeps its parts whole there too."""
    letter = h.issued_letter(factories.ormas())
    letter.number_text = number = f"200.4.4/{letter.id:04d}/BAN.KBP-SUMSEL/XII/2026"
    staff = make.user(Role.VERIFIKATOR).username
    db.session.commit()
    j.log_in(page, staff)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/laporan/register-ormas")
    spans = page.locator("main span").filter(has_text=number)
    shown = [s for s in spans.all() if s.is_visible() and s.text_content() == number]
    assert shown
    for span in shown:
        assert set(span.evaluate(BREAKS_JS)) <= {"/"}
    assert j.fits_width(page)
