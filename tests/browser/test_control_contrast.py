"""The edges of form controls against the page (found by a QA pass): Bootstrap draws radio
buttons, check boxes, text boxes and drop-downs with a #dee2e6 border, 1.3:1 on white, so the
survey's answer circles were barely visible; WCAG 2.1 SC 1.4.11 asks 3:1 for what identifies a
control."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# The border colour's contrast with white, from the computed rgb() value.
CONTRAST = """(el) => {
  const rgb = getComputedStyle(el).borderTopColor.match(/[0-9.]+/g).slice(0, 3).map(Number);
  const lin = rgb.map((v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  return 1.05 / (lum + 0.05);
}"""


def weakest_edges(page: Page, selector: str) -> list[str]:
    """The controls matching ``selector`` whose border is under 3:1 against white."""
    weak = []
    for control in page.locator(selector).all():
        ratio = control.evaluate(CONTRAST)
        if ratio < 3:
            weak.append(f"{control.evaluate('e => e.outerHTML.slice(0, 80)')}: {ratio:.2f}:1")
    return weak


def test_public_form_controls_have_visible_edges(phone_page):
    """Survey radios, the complaint's text boxes and drop-down, the check form's box: 3:1."""
    phone_page.goto("/survei")
    assert weakest_edges(phone_page, "main input[type=radio], main select") == []
    phone_page.goto("/pengaduan")
    assert weakest_edges(phone_page, "main .form-control, main .form-select") == []
    phone_page.goto("/cek-surat")
    assert weakest_edges(phone_page, "main .form-control") == []
