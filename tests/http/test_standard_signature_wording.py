"""The Standar Pelayanan names the signature the office actually gives: the defaults follow the
scan setting, and a saved text that still promises only an electronic signature while scans of
wet signatures are allowed is flagged on the admin home (Saran), with a link to fix it."""

from __future__ import annotations

import html
import re

import pytest

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import catalog

ELECTRONIC = "Surat Keterangan Terdaftar (SKT) bertanda tangan elektronik."
BOTH = "bertanda tangan elektronik atau tanda tangan basah (hasil pindai)"
ITEM = re.compile(
    r'data-kesiapan="(wajib|saran)">\s*<span class="badge[^"]*">\w+</span>\s*'
    r'<span class="flex-grow-1">([^<]+)</span>\s*(?:<a [^>]*href="([^"]+)">Atur</a>)?'
)


@pytest.fixture
def admin(app, make, login_as):
    return login_as(make.user(Role.SUPERADMIN))


def _allow_scans(admin) -> None:
    response = admin.post("/tte/pengaturan", data={"backend": "srikandi", "allow_scan": "y"})
    assert response.status_code == 302


def _standard_items(admin) -> list[tuple[str, str, str]]:
    page = admin.get("/admin/").get_data(as_text=True)
    found = [tuple(html.unescape(part) for part in hit) for hit in ITEM.findall(page)]
    return [hit for hit in found if hit[1].startswith("Standar Pelayanan")]


def test_default_standard_names_the_wet_signed_scan_once_scans_are_allowed(admin, client):
    """Before: an office issuing wet-signed scans published 'Surat Keterangan Terdaftar (SKT)
    bertanda tangan elektronik.' and the step 'Tanda tangan elektronik SKT'."""
    page = client.get("/layanan/skt_parpol").get_data(as_text=True)
    assert ELECTRONIC in page
    _allow_scans(admin)
    page = client.get("/layanan/skt_parpol").get_data(as_text=True)
    assert ELECTRONIC not in page
    assert f"Surat Keterangan Terdaftar (SKT) {BOTH}." in page
    assert "Tanda tangan (elektronik atau basah) SKT" in page
    assert "Tanda tangan elektronik SKT" not in page
    ormas = client.get("/layanan/lapor_ormas").get_data(as_text=True)
    assert f"Surat Keterangan Melapor {BOTH}." in ormas
    svg = client.get("/layanan/lapor_ormas/alur.svg").get_data(as_text=True)
    lines = re.findall(r">([^<>]+)</text>", svg)
    assert "Tanda tangan (elektronik atau basah) surat keterangan" in " ".join(lines)
    poster = client.get("/layanan/skt_parpol/poster").get_data(as_text=True)
    assert BOTH in poster
    edit = admin.get("/admin/layanan/skt_parpol").get_data(as_text=True)
    assert BOTH in html.unescape(edit)  # what the admin saves from starts true too


def test_a_saved_standard_promising_tte_is_advice_while_scans_are_allowed(admin):
    saved = {
        "product": ELECTRONIC,
        "steps": "Unggah dokumen | Pemohon\nTanda tangan elektronik SKT | Kepala Badan",
    }
    assert admin.post("/admin/layanan/skt_parpol", data=saved).status_code == 302
    assert _standard_items(admin) == []  # electronic signing only: the text is true
    _allow_scans(admin)
    items = _standard_items(admin)
    assert items == [
        (
            "saran",
            "Standar Pelayanan layanan SKT Partai Politik masih menyebut surat bertanda tangan "
            "elektronik, padahal kantor menerima pindaian tanda tangan basah: sesuaikan produk "
            "pelayanan dan alurnya.",
            "/admin/layanan/skt_parpol",
        )
    ]
    assert admin.get(items[0][2]).status_code == 200
    fixed = {
        "product": f"Surat Keterangan Terdaftar (SKT) {BOTH}.",
        "steps": "Unggah dokumen | Pemohon\nTanda tangan (elektronik atau basah) SKT | Kepala",
    }
    assert admin.post("/admin/layanan/skt_parpol", data=fixed).status_code == 302
    assert _standard_items(admin) == []


def test_a_step_alone_promising_tte_is_flagged_and_inactive_services_are_not(admin):
    steps = {"product": "<p>Surat Keterangan Melapor.</p>", "steps": "TTE Kepala Badan | Kepala"}
    assert admin.post("/admin/layanan/lapor_ormas", data=steps).status_code == 302
    _allow_scans(admin)
    assert [href for _, _, href in _standard_items(admin)] == ["/admin/layanan/lapor_ormas"]
    catalog.get("lapor_ormas").active = False
    db.session.commit()
    assert _standard_items(admin) == []


def test_the_public_guide_names_the_wet_signed_scan_once_scans_are_allowed(admin, client):
    """Before: the guide told the signer only to sign electronically, also in an office that
    signs by hand and uploads scans."""
    wet = "Tanpa TTE: Unduh untuk TTD basah, cetak, tandatangani dan pindai"
    text = html.unescape(re.sub(r"<[^>]+>", "", client.get("/panduan").get_data(as_text=True)))
    assert wet not in text
    _allow_scans(admin)
    text = html.unescape(re.sub(r"<[^>]+>", "", client.get("/panduan").get_data(as_text=True)))
    assert wet in text
    assert "dengan centang “Pindaian tanda tangan basah”." in text
