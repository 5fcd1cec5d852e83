"""The staff filter rows without a level filter: a regency office (one level to list) shows no
Tingkat control on the verifier queue, the dashboard and the party register, and the controls
left fill their rows: no hole where the level filter stood, on a phone and on a tablet. A
province office keeps its level filter in the same full rows."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Level, Role
from tests.browser.journeys import fresh, log_in
from tests.http.test_board_levels import kabupaten_office

pytestmark = pytest.mark.browser

PAGES = ("/petugas/", "/laporan/dasbor", "/laporan/rekap-partai")
# For each row of the filter form's columns: how far its last column ends short of the form's
# right edge (a row that ends early leaves a hole).
ROW_GAPS = """(form) => {
  const right = form.getBoundingClientRect().right;
  const boxes = [...form.children].map((c) => c.getBoundingClientRect()).filter((b) => b.width);
  const rows = [];  // a column starting below the current row's bottom starts a new row
  for (const box of boxes.sort((a, b) => a.top - b.top)) {
    const row = rows.at(-1);
    if (row && box.top < row.bottom) {
      row.bottom = Math.max(row.bottom, box.bottom);
      row.end = Math.max(row.end, box.right);
    } else {
      rows.push({ bottom: box.bottom, end: box.right });
    }
  }
  return rows.map((row) => Math.round(right - row.end)).filter((gap) => gap > 1);
}"""


def _gaps(page, widths: tuple[int, ...]) -> list[str]:
    """Each page at each width: its filter rows that end short, and whether Tingkat shows."""
    found = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        for path in PAGES:
            assert page.goto(path).status == 200, path
            form = page.locator("main form[method=get]").first
            found += [f"{path} {width}px: baris kurang {gap}px" for gap in form.evaluate(ROW_GAPS)]
            shown = form.get_by_label("Tingkat", exact=True).count()
            found.append(f"{path} {width}px: Tingkat {shown}")
    return found


def _seed(make, level: Level) -> str:
    """A verifier, and a board of ``level`` with an application; returns the username."""
    make.application(make.party(level=level), status=ApplicationStatus.DIAJUKAN)
    username = make.user(Role.VERIFIKATOR).username
    db.session.commit()
    fresh()  # no transaction left open here while the server writes (the login)
    return username


def test_a_kabupaten_office_has_no_level_filter_and_no_hole(page, make):
    kabupaten_office()
    log_in(page, _seed(make, Level.KABUPATEN))
    widths = (360, 768)
    assert _gaps(page, widths) == [f"{p} {w}px: Tingkat 0" for w in widths for p in PAGES]


def test_a_province_office_keeps_its_level_filter_in_full_rows(page, make):
    log_in(page, _seed(make, Level.PROVINSI))
    assert _gaps(page, (768,)) == [f"{p} 768px: Tingkat 1" for p in PAGES]
