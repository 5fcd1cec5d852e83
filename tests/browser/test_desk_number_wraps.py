"""The signing desk on the head of office's 1366-px desktop and a 768-px tablet: a letter
number wraps only after a slash. Next to a long board name the number column was squeezed and
``text-break`` cut the number anywhere, so "200.1.5.3/1/BAN.KBP/2026" read "…/20" over "26"."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import Role
from tests import factories
from tests.browser import journeys as j
from tests.letters import helpers as h

pytestmark = pytest.mark.browser

LONG_NAME = (
    "DPC Partai Contoh Nusantara Kabupaten Contoh Ilir Dengan Nama Yang Sangat Panjang "
    "Sekali Untuk Menguji Pembungkusan Baris Pada Surat Keterangan Terdaftar"
)
# The character before each line break inside an element, read from the rendered glyphs.
BREAKS_JS = """el => {
  const chars = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.length; i++) {
      if (!node.data[i].trim()) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      chars.push([node.data[i], range.getBoundingClientRect().top]);
    }
  }
  const before = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i][1] > chars[i - 1][1] + 1) before.push(chars[i - 1][0]);
  }
  return before;
}"""


def test_letter_number_breaks_only_after_a_slash(page, make):
    letter = h.prepared_letter(factories.party(board_name=LONG_NAME))
    number = letter.number_text
    assert number.count("/") >= 2
    signer = make.user(Role.PENANDATANGAN).username
    db.session.commit()
    j.log_in(page, signer)
    for screen in ({"width": 1366, "height": 768}, {"width": 768, "height": 1024}):
        page.set_viewport_size(screen)
        page.goto("/tte/")
        cell = page.get_by_role("cell", name=number, exact=True)
        assert cell.inner_text().replace("\n", "") == number  # copies unchanged
        assert set(cell.evaluate(BREAKS_JS)) <= {"/"}, screen
        assert j.fits_width(page), screen
