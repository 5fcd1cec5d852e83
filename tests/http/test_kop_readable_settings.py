"""The agency settings refuse a letterhead line that could only print too small to read (a
200-character agency name was once accepted and set at about 4 pt on the letter); the page
says so beside the field, in Indonesian, and keeps what was typed."""

import io
from html import escape

import pytest

from sisakat.extensions import db
from sisakat.models import Role, StoredFile
from sisakat.services import settings
from tests.http.test_settings_pages import AGENCY
from tests.images_util import png_bytes

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


def test_an_emblem_too_wide_to_print_readably_is_refused_and_the_text_kept(app, make, login_as):
    """A 10:1 banner (the whole letterhead scanned as the "emblem") would print as a 2.4 mm
    strip in the kop's 24 mm square: refused beside the file field; a 3:1 one is accepted."""
    client = login_as(make.user(Role.SUPERADMIN))
    wide = {**AGENCY, "emblem": (io.BytesIO(png_bytes((600, 60))), "kop.png")}
    page = client.post("/admin/pengaturan/instansi", data=wide).get_data(as_text=True)
    near = _field_errors(page, "emblem")
    assert "Lambang terlalu lebar (600 × 60 piksel)" in near
    assert f'value="{AGENCY["government"]}"' in page  # the typed text is kept
    assert settings.get("agency.emblem_file_id") is None
    assert db.session.execute(db.select(StoredFile)).first() is None
    tall = {**AGENCY, "emblem": (io.BytesIO(png_bytes((20, 200))), "tugu.png")}
    page = client.post("/admin/pengaturan/instansi", data=tall).get_data(as_text=True)
    assert "Lambang terlalu tinggi (20 × 200 piksel)" in page
    fine = {**AGENCY, "emblem": (io.BytesIO(png_bytes((150, 50))), "lambang.png")}
    assert client.post("/admin/pengaturan/instansi", data=fine).status_code == 302
    assert settings.get("agency.emblem_file_id") is not None


def test_the_service_refuses_the_long_name_for_any_caller_too(app, make):
    from sisakat.services import office

    admin = make.user(Role.SUPERADMIN)
    with pytest.raises(office.SettingsInvalid) as refused:
        office.update_agency({**AGENCY, "name": LONG_NAME}, actor=admin)
    assert refused.value.field == "name"
    assert "nama instansi" in refused.value.message
    assert settings.get("agency.name") == "BADAN KESATUAN BANGSA DAN POLITIK"


def test_the_emblem_field_names_the_shape_the_upload_accepts(app, make, login_as):
    """The hint beside the emblem field names the shape rule the upload refuses by (a 10:1
    image is refused), from the same number the letterhead drawing uses."""
    from sisakat.pdf import kop

    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/admin/pengaturan/instansi").get_data(as_text=True)
    help_text = page[page.index('id="emblem-help"') :]
    help_text = help_text[: help_text.index("</div>")]
    assert f"sisi panjang paling banyak {kop.EMBLEM_MAX_RATIO} kali sisi pendeknya" in help_text
