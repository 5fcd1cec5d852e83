"""Forged numbers in forms ("²", 23 and 5,000 digits, NaN): one bounded parser
(``converters.parse_int``) reads them all; the answer is the form's Indonesian message or the
"changed meanwhile, reload" message, never a 500, and nothing is stored."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Complaint, Role
from sisakat.services import catalog
from tests.http.test_two_admins_at_once import KEPT, danger_alerts
from tests.profile_data import profile_form

FORGED = ["²", "٣", "9" * 23, "9" * 5000, "1_0", "+1"]


def test_parse_int_reads_ascii_digits_within_the_id_range_only():
    from sisakat.converters import MAX_ID, parse_int

    assert parse_int(" 42 ") == 42
    assert parse_int(str(MAX_ID)) == MAX_ID
    assert parse_int("-3", low=-5) == -3
    for value in [*FORGED, str(MAX_ID + 1), "", "-", "4 2", None, 3.0, True, "-3"]:
        assert parse_int(value) is None


@pytest.mark.parametrize("category", [*FORGED, "d²", "d9999999999999999999"])
def test_forged_complaint_category_gets_the_form_message(client, category):
    data = {"contact": "a@contoh.id", "category": category, "body": "Isi pengaduan yang jelas."}
    response = client.post("/pengaduan", data=data)
    assert response.status_code == 200
    assert "Pilih kategori pengaduan." in response.get_data(as_text=True)
    assert db.session.execute(db.select(Complaint)).first() is None


def _admin_forms(service) -> dict[str, dict]:
    """Valid posts of the three admin screens carrying a service's version, each a change."""
    return {
        "/admin/penomoran": {"template": "{nomor}/X/{tahun}", "padding": "0", "mode": "sisakat"},
        "/admin/pengaturan-surat": {
            "title": "JUDUL BARU",
            "opening": "Pembuka.",
            "statement": "Pernyataan.",
            "page_size": "A4",
        },
        f"/admin/layanan/{service.code}/ubah": {
            "name": "Nama Baru",
            "sort_order": "1",
            "sla": "8",
            "letter_title": "JUDUL BARU",
            "number_template": "{nomor}/X/{tahun}",
            "number_padding": "0",
        },
    }


@pytest.mark.parametrize("version", FORGED)
def test_forged_version_on_admin_screens_is_a_stale_form(app, make, login_as, version):
    admin = login_as(make.user(Role.SUPERADMIN))
    service = catalog.all_services()[0]
    before = (service.name, service.letter_title, service.number_template, service.version)
    for url, data in _admin_forms(service).items():
        response = admin.post(url, data={**data, "version": version})
        assert response.status_code == 200, url
        (alert,) = danger_alerts(response.get_data(as_text=True))  # one message, not two
        assert KEPT in alert, url
    db.session.expire_all()
    service = catalog.get(service.code)
    assert (service.name, service.letter_title, service.number_template, service.version) == before


@pytest.mark.parametrize("version", FORGED)
def test_forged_version_on_party_screens_is_a_stale_form(app, make, login_as, version):
    application = make.application()
    client = login_as(application.party.account)
    page = client.post("/pemohon/profil", data=profile_form(version, party_name="Partai Baru"))
    assert page.status_code == 200
    (alert,) = danger_alerts(page.get_data(as_text=True))
    assert alert.count("belum tersimpan") == 1
    assert KEPT in alert
    cancel = client.post(
        f"/pemohon/permohonan/{application.id}/batalkan",
        data={"version": version},
        follow_redirects=True,
    )
    assert cancel.status_code == 200
    assert "Halaman ini sudah menampilkan keadaan terbaru." in cancel.get_data(as_text=True)
    db.session.expire_all()
    assert application.status == ApplicationStatus.DRAF
    assert application.party.party_name != "Partai Baru"


@pytest.mark.parametrize("sla", ["sNaN", "NaN", "inf", "-Infinity", "-1", "1e999999", "٣"])
def test_forged_sla_gets_the_form_message(app, make, login_as, sla):
    admin = login_as(make.user(Role.SUPERADMIN))
    new = {"code": "layanan_x", "name": "Layanan X", "applicant_kind": "parpol", "sla": sla}
    created = admin.post("/admin/layanan-baru", data=new)
    assert created.status_code == 200
    assert "Layanan belum dibuat" in created.get_data(as_text=True)
    assert catalog.get("layanan_x") is None
    service = catalog.all_services()[0]
    form = _admin_forms(service)[f"/admin/layanan/{service.code}/ubah"]
    edited = admin.post(
        f"/admin/layanan/{service.code}/ubah",
        data={**form, "version": str(service.version), "sla": sla, "sort_order": sla},
    )
    assert edited.status_code == 200
    assert "Layanan belum tersimpan" in edited.get_data(as_text=True)
    db.session.expire_all()
    assert catalog.get(service.code).name != "Nama Baru"
