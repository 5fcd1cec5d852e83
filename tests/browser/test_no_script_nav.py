"""The navigation bar without JavaScript (found by a QA pass): on a phone the menu button opens
the collapsed bar only through Bootstrap's script, so with JavaScript off it was a dead button
and Masuk, Daftar, Pengaduan and FAQ could not be reached; the account menu (Keluar) was as
dead at every width. ``static/css/nojs.css``, loaded in a ``<noscript>`` of the head, shows
them; with JavaScript on nothing changes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from sisakat.models import Role
from tests import factories
from tests.browser import journeys as j
from tests.browser.conftest import ALLOWED_HOST, DESKTOP, PHONE

pytestmark = pytest.mark.browser


@contextmanager
def no_script_page(browser, live_server, viewport: dict) -> Iterator[Page]:
    """A page with JavaScript off, fenced to 127.0.0.1 like the ``page`` fixture."""
    context = browser.new_context(
        viewport=viewport, base_url=live_server.url, locale="id-ID", java_script_enabled=False
    )
    foreign: list[str] = []

    def fence(route):
        if urlsplit(route.request.url).hostname == ALLOWED_HOST:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", fence)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not foreign, foreign


def main_nav(page: Page):
    """The site's navigation bar."""
    return page.get_by_role("navigation", name="Navigasi utama")


def test_phone_without_script_reaches_every_nav_link(browser, live_server):
    """At 360 px with JavaScript off the bar's links are shown and work; no dead menu button."""
    with no_script_page(browser, live_server, PHONE) as page:
        page.goto("/faq")
        nav = main_nav(page)
        expect(page.get_by_role("button", name="Buka menu")).to_be_hidden()
        for name in ("Beranda", "Pengaduan", "Survei", "Daftar", "Masuk"):
            expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
        nav.get_by_role("link", name="Masuk", exact=True).click()
        expect(page).to_have_url(f"{live_server.url}/akun/masuk")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_desktop_without_script_can_log_out(browser, live_server):
    """With JavaScript off the account menu opens on pointer or keyboard focus: Keluar works."""
    factories.user(Role.PEMOHON, username="tanpa-skrip")
    with no_script_page(browser, live_server, DESKTOP) as page:
        j.log_in(page, "tanpa-skrip")
        toggle = main_nav(page).locator(".dropdown-toggle:has(.nav-user-name)")
        toggle.focus()
        logout = page.get_by_role("button", name="Keluar")
        expect(logout).to_be_visible()
        logout.click()
        expect(main_nav(page).get_by_role("link", name="Masuk", exact=True)).to_be_visible()


def test_phone_with_script_keeps_the_bar_collapsed(phone_page):
    """With JavaScript on, the bar stays collapsed behind its button, as before."""
    phone_page.goto("/faq")
    nav = main_nav(phone_page)
    masuk = nav.get_by_role("link", name="Masuk", exact=True)
    expect(masuk).to_be_hidden()
    phone_page.get_by_role("button", name="Buka menu").click()
    expect(masuk).to_be_visible()


def test_print_buttons_are_not_shown_without_script(browser, live_server):
    """A print button calls window.print(): without JavaScript it would do nothing, so it is
    not shown (the browser's own print still uses the print style)."""
    with no_script_page(browser, live_server, DESKTOP) as page:
        page.goto("/layanan/skt_parpol")
        expect(page.get_by_role("link", name="Poster alur (A4)")).to_be_visible()
        expect(page.get_by_role("button", name="Cetak halaman ini")).to_be_hidden()
        page.goto("/panduan")
        expect(page.get_by_role("button", name="Cetak panduan")).to_be_hidden()
