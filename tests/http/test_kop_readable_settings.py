"""The agency settings refuse a letterhead line that could only print too small to read (a
200-character agency name was once accepted and set at about 4 pt on the letter); the page
says so beside the field, in Indonesian, and keeps what was typed."""

from html import escape

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import settings
from tests.http.test_settings_pages import AGENCY

LONG_NAME = ("BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN PENUKAL ABAB LEMATANG ILIR " * 3)[:200]


def _field_errors(page: str, field: str) -> str:
    """The page's text from the field's input to the end of its error block."""
    start = page.index(f'id="{field}"')
    return page[start : page.index("</div>", page.index("invalid-feedback", start))]


def test_an_agency_name_too_long_to_print_readably_is_refused_beside_its_field(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    response = client.post("/admin/pengaturan/instansi", data={**AGENCY, "name": LONG_NAME})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    near = _field_errors(page, "name")
    assert "Terlalu panjang untuk kop surat: nama instansi" in near
    assert "minimal 11 pt" in near
    assert f'value="{escape(LONG_NAME)}"' in page  # what was typed is kept
    assert f'value="{AGENCY["address"]}"' in page
    assert settings.get("agency.name") == "BADAN KESATUAN BANGSA DAN POLITIK"
    assert settings.get("agency.government") == "PEMERINTAH PROVINSI SUMATERA SELATAN"


def test_a_contact_line_too_long_is_refused_on_the_last_contact_given(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    data = {
        **AGENCY,
        "fax": "(0542) 000111 000222 000333",
        "website": "kesbangpol.pemerintah-kabupaten-penukal-abab-lematang-ilir.example.go.id",
        "email": "sekretariat.kesbangpol@pemerintah-kabupaten-contoh.example.go.id",
    }
    page = client.post("/admin/pengaturan/instansi", data=data).get_data(as_text=True)
    near = _field_errors(page, "email")
    assert "baris telepon, faks, situs web, e-mail" in near
    assert "kosongkan salah satu kontak" in near
    assert settings.get("agency.email") == ""


def test_a_real_regency_letterhead_is_still_accepted(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    data = {
        **AGENCY,
        "government": "PEMERINTAH KABUPATEN PENUKAL ABAB LEMATANG ILIR",
        "address": "Jalan Merdeka No. 1 Komplek Perkantoran Pemkab PALI, Talang Ubi 31214",
    }
    response = client.post("/admin/pengaturan/instansi", data=data)
    assert response.status_code == 302
    assert settings.get("agency.government") == data["government"]


def test_a_letterhead_stored_before_the_rule_is_named_on_the_admin_home(app, make, login_as):
    settings.update({"agency.name": LONG_NAME}, actor=None)
    db.session.commit()
    page = login_as(make.user(Role.SUPERADMIN)).get("/admin/").get_data(as_text=True)
    assert "Terlalu panjang untuk kop surat: nama instansi" in page
