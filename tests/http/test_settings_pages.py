"""Office settings screens: agency profile with emblem and letterhead preview, signatory."""

import io
import json

from sisakat.extensions import db
from sisakat.models import AuditEvent, FileKind, Role, StoredFile
from sisakat.services import settings
from tests.images_util import SVG, png_bytes
from tests.settings_data import SIGNATORY

AGENCY = {
    "government": "PEMERINTAH KOTA CONTOH",
    "name": "BADAN KESATUAN BANGSA DAN POLITIK",
    "short_name": "Kesbangpol Kota Contoh",
    "region": "KOTA CONTOH",
    "address": "Jalan Contoh Raya No. 9 Kota Contoh 76111",
    "phone": "(0542) 000111",
    "fax": "",
    "email": "kesbangpol@kota-contoh.example.com",
    "website": "kesbangpol.kota-contoh.example.com",
    "city": "Kota Contoh",
    "timezone": "WITA",
}


def test_agency_settings_saved_audited_and_previewed(app, make, login_as):
    admin = make.user(Role.SUPERADMIN)
    client = login_as(admin)
    data = {**AGENCY, "emblem": (io.BytesIO(png_bytes()), "lambang.jpg")}
    response = client.post("/admin/pengaturan/instansi", data=data)
    assert response.status_code == 302
    assert settings.get("agency.government") == "PEMERINTAH KOTA CONTOH"
    assert settings.get("agency.timezone") == "WITA"
    emblem = db.session.get(StoredFile, settings.get("agency.emblem_file_id"))
    assert (emblem.kind, emblem.content_type) == (FileKind.EMBLEM, "image/png")
    event = db.session.execute(
        db.select(AuditEvent).filter_by(action="settings.update")
    ).scalar_one()
    assert event.actor_id == admin.id
    assert "agency.government" in json.loads(event.details)["keys"]
    page = client.get("/admin/pengaturan/instansi").get_data(as_text=True)
    assert "PEMERINTAH KOTA CONTOH" in page
    assert "Laman kesbangpol.kota-contoh.example.com" in page
    image = login_as(make.user(Role.VERIFIKATOR)).get("/admin/lambang")
    image.close()
    assert (image.status_code, image.mimetype) == (200, "image/png")


def test_svg_emblem_refused_and_nothing_stored(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    data = {**AGENCY, "emblem": (io.BytesIO(SVG), "lambang.svg")}
    page = client.post("/admin/pengaturan/instansi", data=data).get_data(as_text=True)
    assert "Gambar SVG tidak diterima." in page
    assert settings.get("agency.government") == "PEMERINTAH PROVINSI SUMATERA SELATAN"
    assert db.session.execute(db.select(StoredFile)).first() is None


def test_signatory_nip_checked_and_shown_grouped(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    url = "/admin/pengaturan/penandatangan"
    page = client.post(url, data={**SIGNATORY, "nip": "19700101 19950A 1 001"}).get_data(True)
    assert "NIP harus 18 angka." in page
    page = client.post(url, data={**SIGNATORY, "prefix": "a.n."}).get_data(as_text=True)
    assert "Isi baris atas nama" in page
    assert settings.get("signatory.rank") == "Pembina Utama Madya (IV/d)"  # unchanged
    assert client.post(url, data=SIGNATORY).status_code == 302
    assert settings.get("signatory.nip") == "197001011995011001"
    page = client.get(url).get_data(as_text=True)
    assert "NIP 19700101 199501 1 001" in page
    assert "Pembina Utama Muda (IV/c)" in page


def test_on_behalf_block_warns_when_the_region_reads_as_the_signers_own(app, make, login_as):
    """An office signing a.n. its head ("a.n. KEPALA BADAN ..." over "SEKRETARIS") kept its
    region line, so letters read "SEKRETARIS KOTA CONTOH," (another official) and the page gave
    the province's examples. Now the page says where the region belongs, with the office's."""
    client = login_as(make.user(Role.SUPERADMIN))
    client.post("/admin/pengaturan/instansi", data=AGENCY)
    url = "/admin/pengaturan/penandatangan"
    on_behalf = {
        **SIGNATORY,
        "prefix": "a.n.",
        "on_behalf_of": "KEPALA BADAN KESATUAN BANGSA DAN POLITIK",
        "position": "SEKRETARIS",
    }
    assert client.post(url, data=on_behalf).status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "tercetak di bawah jabatan penandatangan: &#34;SEKRETARIS KOTA CONTOH&#34;" in page
    assert "a.n. KEPALA BADAN KESATUAN BANGSA DAN POLITIK KOTA CONTOH&#34;" in page
    assert "Contoh: KOTA CONTOH," in page
    assert "PROVINSI SUMATERA SELATAN" not in page
    followed = {
        **on_behalf,
        "on_behalf_of": "KEPALA BADAN KESATUAN BANGSA DAN POLITIK KOTA CONTOH",
        "position": "SEKRETARIS,",
        "region_line": "",
    }
    assert client.post(url, data=followed).status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "<div>a.n. KEPALA BADAN KESATUAN BANGSA DAN POLITIK KOTA CONTOH</div>" in page
    assert "<div>SEKRETARIS,</div>" in page
    assert "tercetak di bawah jabatan penandatangan" not in page
    # The head signing in person keeps the region under the position, without a warning.
    assert client.post(url, data=SIGNATORY).status_code == 302
    assert "tercetak di bawah jabatan" not in client.get(url).get_data(as_text=True)
