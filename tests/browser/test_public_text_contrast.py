"""Text contrast on the public pages where a member of the public must read a code (found by
a QA pass): Bootstrap's pink ``<code>`` inside a coloured alert, the complaint ticket's private
link on the light blue "keep this link" box (3.9:1) and the two fingerprints in the letter
comparison's result (3.4:1 on the red box), fell below the 4.5:1 WCAG 2.1 SC 1.4.3 asks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from sisakat.extensions import db
from sisakat.models import StoredFile
from sisakat.services import storage
from tests.browser.journeys import fresh

pytestmark = pytest.mark.browser

# Every visible text run in <main> whose contrast with the nearest opaque background is under
# 4.5:1 (3:1 for large text), as "ratio text".
LOW_CONTRAST = """() => {
  const rgb = (s) => s.match(/[0-9.]+/g).map(Number);
  const lum = (c) => {
    const lin = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0.5) return c;
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.querySelectorAll("main *")) {
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent)
      .join("").trim();
    const style = getComputedStyle(el);
    if (!text || style.visibility === "hidden" || el.getClientRects().length === 0) continue;
    const [a, b] = [lum(rgb(style.color)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) low.push(`${ratio.toFixed(2)} ${text.slice(0, 50)}`);
  }
  return low;
}"""


def low_contrast(page: Page) -> list[str]:
    return page.evaluate(LOW_CONTRAST)


def test_the_ticket_link_to_keep_is_readable(phone_page, make):
    complaint = make.complaint()
    url = f"/pengaduan/{complaint.ticket}/{complaint.secret}"
    fresh()
    phone_page.goto(url)
    assert phone_page.locator("#tautan-tiket").inner_text().endswith(url)
    assert low_contrast(phone_page) == []


def test_the_letter_comparison_results_are_readable(phone_page, make, tmp_path):
    letter = make.issued_letter()
    token = letter.token
    signed = tmp_path / "surat.pdf"
    signed.write_bytes(storage.read_bytes(db.session.get(StoredFile, letter.signed_file_id)))
    other = tmp_path / "lain.pdf"
    other.write_bytes(signed.read_bytes() + b"\n%ubah\n")
    fresh()
    for chosen, verdict in ((signed, "SAMA"), (other, "BERBEDA")):
        phone_page.goto(f"/verifikasi/{token}")
        assert low_contrast(phone_page) == []
        phone_page.get_by_label("Berkas PDF surat").set_input_files(str(chosen))
        phone_page.get_by_role("button", name="Bandingkan").click()
        assert verdict in phone_page.locator("main").inner_text()
        assert low_contrast(phone_page) == []
