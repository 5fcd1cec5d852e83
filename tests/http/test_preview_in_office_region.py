"""The letter settings preview (Pratinjau) prints its fictional applicant in the office's region."""

import re

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import settings
from tests.pdf import helpers as pdfh


def _preview(client, service_code: str) -> str:
    pdf = client.get(f"/admin/pengaturan-surat/pratinjau.pdf?layanan={service_code}").data
    return " ".join(" ".join(pdfh.pages_text(pdf)).split())


def test_preview_of_a_regency_office_shows_a_regency_applicant(app, make, login_as):
    # Before: a kabupaten office previewing its letters saw the seed province's sample board,
    # "Tingkat : Provinsi Sumatera Selatan" with its secretariat in "Kota Palembang".
    settings.update({"agency.region": "KABUPATEN MUSI BANYUASIN"}, actor=None)
    db.session.commit()
    client = login_as(make.user(Role.SUPERADMIN))
    party = _preview(client, "skt_parpol")
    assert re.search(r"Tingkat : Kabupaten Musi Banyuasin", party)
    assert "Kota Palembang" not in party
    ormas = _preview(client, "lapor_ormas")
    assert "Kabupaten Musi Banyuasin" in ormas
    assert "Kota Palembang" not in ormas


def test_preview_of_a_city_office_and_of_the_seed_province(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    assert re.search(r"Tingkat : Provinsi Sumatera Selatan", _preview(client, "skt_parpol"))
    settings.update({"agency.region": "KOTA BALIKPAPAN"}, actor=None)
    db.session.commit()
    party = _preview(client, "skt_parpol")
    assert re.search(r"Tingkat : Kota Balikpapan", party)
    assert "Kota Palembang" not in party
