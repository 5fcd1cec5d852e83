"""Where the keyboard is, on the public forms (found by a QA pass): Bootstrap marks a focused
button, text box, drop-down or radio with a 25-50 % light-blue glow, 1.3-1.8:1 against the
white page, so someone walking the complaint form or the letter check with Tab could barely
see which control they were on (WCAG 2.1 SC 2.4.7; 3:1 for the indicator, SC 1.4.11)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# The strongest contrast of the focused element's ring (outline, or box-shadow laid over the
# page's white) against white.
RING = """(el) => {
  const rgba = (s) => {
    const c = s.match(/[0-9.]+/g).map(Number);
    return c.length > 3 ? c : [...c, 1];
  };
  const lum = (c) => {
    const lin = c.slice(0, 3).map((v, i) => {
      v = (v * c[3] + 255 * (1 - c[3])) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  };
  const style = getComputedStyle(el);
  const rings = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) {
    rings.push(rgba(style.outlineColor));
  }
  const shadow = style.boxShadow.match(/rgba?\\([^)]*\\)/);
  if (style.boxShadow !== "none" && shadow) rings.push(rgba(shadow[0]));
  return Math.max(0, ...rings.map((c) => 1.05 / (lum(c) + 0.05)));
}"""


def faint_focus(page: Page, url: str, stops: int) -> list[str]:
    """The controls in <main>, among the first ``stops`` Tab stops, whose focus ring is under
    3:1 against white."""
    page.emulate_media(reduced_motion="reduce")  # no glow fading in while it is measured
    page.goto(url)
    faint = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        if not focused.evaluate("el => !!el.closest('main')"):
            continue
        ratio = focused.evaluate(RING)
        if ratio < 3:
            name = focused.evaluate("el => el.id || el.name || el.textContent.trim()")
            faint.append(f"{name}: {ratio:.2f}:1")
    return faint


def test_the_complaint_form_shows_where_the_keyboard_is(phone_page):
    assert faint_focus(phone_page, "/pengaduan", 10) == []


def test_the_letter_check_and_the_home_buttons_show_it_too(page):
    assert faint_focus(page, "/", 20) == []
