"""After its region changed, an office is told that its number formats still print the first
office's unit code (BAN.KBP) as advice, with a link to the numbering page that fixes it."""

from __future__ import annotations

import html
import re

import pytest

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import catalog, settings

ITEM = re.compile(
    r'data-kesiapan="(wajib|saran)">\s*<span class="badge[^"]*">\w+</span>\s*'
    r'<span class="flex-grow-1">([^<]+)</span>\s*(?:<a [^>]*href="([^"]+)">Atur</a>)?'
)


def _unit_items(client) -> list[tuple[str, str, str]]:
    page = client.get("/admin/").get_data(as_text=True)
    found = [tuple(html.unescape(part) for part in hit) for hit in ITEM.findall(page)]
    return [hit for hit in found if "kode unit" in hit[1]]


@pytest.fixture
def admin(app, make, login_as):
    return login_as(make.user(Role.SUPERADMIN))


def test_a_new_region_flags_the_built_in_unit_code_until_the_office_types_its_own(admin):
    """Before: a Kota office saw nothing about BAN.KBP, and its letters would have been
    numbered 200.1.5.3/1/BAN.KBP/2026 with the province office's unit code."""
    assert _unit_items(admin) == []  # the first office's own code
    settings.update({"agency.region": "KOTA CONTOH"}, actor=None)
    db.session.commit()
    assert _unit_items(admin) == [
        (
            "saran",
            "Format nomor layanan SKT Partai Politik masih memakai kode unit bawaan BAN.KBP milik "
            "Kesbangpol Provinsi Sumatera Selatan, sedangkan wilayah instansi KOTA CONTOH: isi "
            "kode unit kantor ini bila berbeda.",
            "/admin/penomoran?layanan=skt_parpol",
        ),
        (
            "saran",
            "Format nomor layanan Laporan Keberadaan Ormas masih memakai kode unit bawaan "
            "BAN.KBP milik Kesbangpol Provinsi Sumatera Selatan, sedangkan wilayah instansi "
            "KOTA CONTOH: isi kode unit kantor ini bila berbeda.",
            "/admin/penomoran?layanan=lapor_ormas",
        ),
    ]
    page = admin.get("/admin/penomoran?layanan=skt_parpol")
    assert page.status_code == 200
    assert "BAN.KBP" in page.get_data(as_text=True)  # the field the link leads to


def test_the_item_goes_once_the_unit_is_changed_or_not_printed(admin):
    settings.update({"agency.region": "KOTA CONTOH"}, actor=None)
    catalog.get("skt_parpol").number_unit = "KESBANGPOL.KC"
    catalog.get("lapor_ormas").number_template = "{kode}/{nomor}/{tahun}"
    db.session.commit()
    assert _unit_items(admin) == []


def test_srikandi_numbering_and_inactive_services_are_not_flagged(admin):
    settings.update({"agency.region": "KOTA CONTOH"}, actor=None)
    catalog.get("lapor_ormas").active = False
    db.session.commit()
    assert [href for _, _, href in _unit_items(admin)] == ["/admin/penomoran?layanan=skt_parpol"]
    settings.update({"numbering.mode": "srikandi"}, actor=None)
    db.session.commit()
    assert _unit_items(admin) == []
