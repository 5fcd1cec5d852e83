"""The super admin's home groups every settings page under four headings, each link working."""

from __future__ import annotations

import re

from sisakat.models import Role

GROUPS = ("Surat dan tanda tangan", "Layanan", "Pengaduan dan kepuasan", "Akun dan keamanan")


def test_admin_home_groups_its_links_and_each_opens(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    page = admin.get("/admin/").get_data(as_text=True)
    headings = re.findall(r'<h2 class="h6 mb-0" id="grup-\d+">.*?</i> ([^<]+)</h2>', page)
    assert tuple(headings) == GROUPS
    links = re.findall(r'class="list-group-item list-group-item-action" href="([^"]+)"', page)
    assert len(links) == len(set(links)) == 20
    for href in (
        "/admin/pengguna",
        "/admin/log-audit",
        "/admin/tte/kepercayaan",
        "/tte/pengaturan",
        "/laporan/ikm",
        "/admin/kontak/tindak-lanjut",
    ):
        assert href in links
    for href in links:
        assert admin.get(href).status_code == 200, href
