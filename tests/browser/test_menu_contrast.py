"""The main menu on the office's blue bar, read and walked with the keyboard (found by a QA
pass): Bootstrap's dark-navbar links are 55 % white, 3.5:1 on the bar (WCAG 2.1 SC 1.4.3 asks
4.5:1), and a focused link's ring is 25 % Bootstrap blue on that blue, 1.15:1: someone using
Tab could not see which menu item they were on (SC 2.4.7, and 3:1 for the ring, SC 1.4.11)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# (text contrast, focus ring contrast) of the focused element against the navbar's background;
# colours with alpha are laid over that background first.
CONTRASTS = """(el) => {
  const rgba = (s) => {
    const c = s.match(/[0-9.]+/g).map(Number);
    return c.length > 3 ? c : [...c, 1];
  };
  const over = (c, bg) => c.slice(0, 3).map((v, i) => v * c[3] + bg[i] * (1 - c[3]));
  const lum = (c) => {
    const lin = c.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const bar = rgba(getComputedStyle(el.closest(".navbar")).backgroundColor);
  const style = getComputedStyle(el);
  const text = over(rgba(style.color), bar);
  const shadowColour = style.boxShadow.match(/rgba?\\([^)]*\\)/);
  const shadow = style.boxShadow === "none" ? null : rgba(shadowColour[0]);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
    ? rgba(style.outlineColor) : null;
  const rings = [shadow, outline].filter(Boolean).map((c) => ratio(over(c, bar), bar));
  return [ratio(text, bar), Math.max(0, ...rings)];
}"""


def weak_menu_links(page: Page) -> list[str]:
    """Menu links, reached with Tab, whose text is under 4.5:1 or whose focus ring is under
    3:1 against the bar."""
    page.emulate_media(reduced_motion="reduce")  # Bootstrap then drops its colour transition
    weak = []
    for link in page.get_by_role("navigation", name="Navigasi utama").locator(".nav-link").all():
        if not link.is_visible():
            continue
        page.evaluate("document.activeElement.blur()")
        text, _ = link.evaluate(CONTRASTS)  # as the menu is read
        link.focus()
        _, ring = link.evaluate(CONTRASTS)  # as Tab lands on it
        if text < 4.5 or ring < 3:
            weak.append(f"{link.inner_text()}: text {text:.2f}:1, focus ring {ring:.2f}:1")
    return weak


def test_menu_links_are_readable_and_show_the_keyboard_focus(page):
    page.goto("/")
    page.keyboard.press("Tab")  # keyboard use, so :focus-visible applies to what .focus() moves
    assert weak_menu_links(page) == []


def test_the_opened_phone_menu_too(phone_page):
    phone_page.goto("/")
    toggler = phone_page.get_by_role("button", name="Buka menu")
    toggler.focus()
    toggler.press("Enter")
    expect(phone_page.locator(".navbar-collapse.collapse.show")).to_be_visible()
    assert weak_menu_links(phone_page) == []
