"""The "Lewati ke konten" link (found by a QA pass): focused by the first Tab it appeared above
the menu bar and pushed the whole page 24 px down; the next click or tap blurred it, the page
jumped back up under the pointer, and the click was lost: the phone's menu button did not
open, a menu link did not follow. The link now shows over the page, moving nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_tap_after_the_first_tab_still_opens_the_phone_menu(phone_page):
    phone_page.goto("/")
    phone_page.keyboard.press("Tab")
    skip = phone_page.get_by_role("link", name="Lewati ke konten")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    phone_page.get_by_role("button", name="Buka menu").click()
    expect(phone_page.locator(".navbar-collapse.collapse.show")).to_be_visible()


def test_a_click_after_the_first_tab_still_follows_a_menu_link(page):
    page.goto("/")
    page.keyboard.press("Tab")
    page.get_by_role("navigation", name="Navigasi utama").get_by_role(
        "link", name="Pengaduan", exact=True
    ).click()
    expect(page.get_by_role("heading", name="Pengaduan, Saran dan Masukan")).to_be_visible()


def test_the_skip_link_still_moves_the_keyboard_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#konten")
    page.keyboard.press("Tab")  # the next stop is inside the content, not the menu again
    assert page.evaluate("document.getElementById('konten').contains(document.activeElement)")
