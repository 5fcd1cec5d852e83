"""The main menu on a 1280x800 screen: one row for every role. Found in QA: the party's and the
staff's bars (the super admin has the most items) wrapped into two rows at 1280 px, pushing the
page down and splitting the menu; the collapsed menu must still open with its toggler on a phone
and at 992 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sisakat.extensions import db
from sisakat.models import Notification, Role, User
from tests.browser import journeys as j

pytestmark = pytest.mark.browser

# Rows of the bar: the visible items' vertical middles, a new row wherever two differ by more
# than half an item's height.
ROWS = """nav => {
  const mids = [...nav.querySelectorAll('.navbar-nav > .nav-item')]
    .filter(el => el.offsetParent !== null)
    .map(el => { const r = el.getBoundingClientRect(); return r.top + r.height / 2; })
    .sort((a, b) => a - b);
  return mids.filter((m, i) => i === 0 || m - mids[i - 1] > 20).length;
}"""


def _accounts(make) -> dict[str, str]:
    """A username per role; real names about as long as an office's (the bar shows them)."""
    party = make.party(board_name="DPW Partai Contoh Sejahtera Raya Provinsi Sumatera Selatan")
    ormas = make.ormas()
    names = {
        Role.VERIFIKATOR: "Rina Pemeriksa Wulandari, S.H.",
        Role.PENANDATANGAN: "Drs. Contoh Pejabat Kusumanegara, M.Si.",
        Role.SUPERADMIN: "Budi Contoh Administrator Sistem",
    }
    staff = {role.value: make.user(role, full_name=n).username for role, n in names.items()}
    accounts = {"partai": party.account.username, "ormas": ormas.account.username, **staff}
    j.fresh()  # end the test's read, so the server may write (sessions, audit)
    return accounts


def _settled(page) -> None:
    """The bar as drawn at rest: the wide layout (toggler hidden), its fonts loaded (a row
    counted while the fallback font still stood wrapped once in a while)."""
    expect(page.get_by_role("button", name="Buka menu")).to_be_hidden()
    page.evaluate("document.fonts.ready.then(() => true)")


def test_the_bar_is_one_row_at_1280_for_every_role(page, make):
    accounts = _accounts(make)
    page.goto("/")
    nav = page.locator("nav.navbar")
    bars = {"tamu": (nav.evaluate(ROWS), round(nav.bounding_box()["height"]))}
    for who, username in accounts.items():
        j.log_in(page, username)
        # from xl up the bell sits in the bar; its phone copy beside the toggler is hidden
        bells = page.locator('a[href="/akun/notifikasi"]')
        expect(page.locator("#navUtama").locator(bells)).to_be_visible()
        expect(bells.and_(page.locator(".d-xl-none"))).to_be_hidden()
        _settled(page)
        bars[who] = (nav.evaluate(ROWS), round(nav.bounding_box()["height"]))
        j.log_out(page)
    assert all(rows == 1 and height <= 64 for rows, height in bars.values()), bars


def test_the_bar_stays_one_row_with_unread_notifications(page, make):
    """Found in QA: the super admin's bar wrapped into two rows at 1280 px as soon as the bell
    showed an unread count (one digit was enough). A count past 99 shows as "99+"; the bell's
    label still says how many."""
    accounts = _accounts(make)
    for username, unread in zip(accounts.values(), (7, 42, 3, 150, 999), strict=True):
        user = db.session.execute(db.select(User).filter_by(username=username)).scalar_one()
        notes = (Notification(user_id=user.id, message=f"Contoh {i}") for i in range(unread))
        db.session.add_all(notes)
    db.session.commit()
    nav = page.locator("nav.navbar")
    bars = {}
    for who, username in accounts.items():
        j.log_in(page, username)
        _settled(page)
        bars[who] = (nav.evaluate(ROWS), round(nav.bounding_box()["height"]))
        j.log_out(page)
    assert all(rows == 1 and height <= 64 for rows, height in bars.values()), bars
    j.log_in(page, accounts["superadmin"])
    bell = page.locator("#navUtama").get_by_role("link", name="Notifikasi, 999 belum dibaca")
    expect(bell).to_have_text("99+")


def test_every_destination_stays_reachable_and_the_toggler_opens_at_992_and_on_a_phone(page, make):
    """The super admin's bar no longer lists Beranda and Layanan: the SISAKAT name leads there;
    the password change and Keluar sit under the account's name."""
    username = _accounts(make)["superadmin"]
    j.log_in(page, username)
    bar = page.get_by_role("navigation", name="Navigasi utama")
    expect(bar.get_by_role("link", name="SISAKAT")).to_have_attribute("href", "/")
    j.account_menu(page, "Ubah Kata Sandi")
    expect(page.get_by_role("heading", name="Ubah Kata Sandi")).to_be_visible()
    for width in (992, 360):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/petugas/")
        expect(bar.get_by_role("link", name="Administrasi")).to_be_hidden()
        j.nav(page, "Administrasi")  # opens the collapsed menu with its toggler first
        expect(page).to_have_url(re.compile(r"/admin/$"))
    j.log_out(page)  # the account menu inside the collapsed bar, on a phone
