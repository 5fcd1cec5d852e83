"""The main menu: staff find the four reports under one Laporan drop-down (a flat row of links
pushed the super admin's Administrasi link off a 1280-pixel screen); parties see no reports
(their one drop-down is Bantuan: Panduan and FAQ)."""

from __future__ import annotations

import re

from sisakat.models import Role

REPORTS = ("/laporan/dasbor", "/laporan/ikm", "/laporan/rekap-partai", "/laporan/register-ormas")


def _dropdown_links(html: str) -> list[str]:
    menu = re.search(r'<ul class="dropdown-menu">(.*?)</ul>', html, re.S)
    return re.findall(r'class="dropdown-item" href="([^"]+)"', menu.group(1)) if menu else []


def test_staff_reports_sit_in_one_dropdown_and_the_admin_link_stays(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    html = admin.get("/petugas/").get_data(as_text=True)
    assert _dropdown_links(html) == list(REPORTS)
    assert 'data-bs-toggle="dropdown" aria-expanded="false">Laporan</a>' in html
    assert 'href="/admin/">Administrasi</a>' in html
    assert 'class="navbar-nav flex-wrap me-auto"' in html
    for href in REPORTS:
        assert admin.get(href).status_code == 200, href


def test_parties_see_no_report_menu(app, make, login_as):
    party = make.party()
    html = login_as(party.account).get("/pemohon/").get_data(as_text=True)
    assert _dropdown_links(html) == ["/panduan", "/faq"]  # their one drop-down: Bantuan
    assert not any(href in html for href in REPORTS)
