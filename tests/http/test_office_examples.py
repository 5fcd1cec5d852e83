"""The sign-up, profile and guide examples speak of the office's own region, not the first
office's (Provinsi Sumatera Selatan, Palembang)."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.services import office, settings


@pytest.mark.parametrize(
    ("region", "city", "board", "region_name", "city_example"),
    [
        (
            "PROVINSI SUMATERA SELATAN",
            "Palembang",
            "DPW Partai Contoh Provinsi Sumatera Selatan",
            "Sumatera Selatan, Palembang",
            "Kota Palembang",
        ),
        (
            "PROVINSI DKI JAKARTA",
            "Jakarta Pusat",
            "DPW Partai Contoh Provinsi DKI Jakarta",
            "DKI Jakarta, Jakarta Pusat",
            "Kota Jakarta Pusat",
        ),
        (
            "KABUPATEN CONTOH RAYA",
            "Sentani",
            "DPC Partai Contoh Kabupaten Contoh Raya",
            "Contoh Raya, Sentani",
            "Kabupaten Contoh Raya",
        ),
    ],
)
def test_examples_follow_the_office_region(app, region, city, board, region_name, city_example):
    settings.update({"agency.region": region, "agency.city": city}, actor=None)
    db.session.commit()
    assert office.examples() == {"board": board, "region_name": region_name, "city": city_example}


def test_the_forms_and_the_guide_show_the_offices_examples(app, client, make, login_as):
    settings.update(
        {
            "agency.region": "KOTA BALIKPAPAN",
            "agency.city": "Balikpapan",
            "agency.short_name": "Kesbangpol Kota Balikpapan",
        },
        actor=None,
    )
    db.session.commit()
    for url in ("/akun/daftar", "/panduan"):
        page = client.get(url).get_data(as_text=True)
        assert "DPC Partai Contoh Kota Balikpapan" in page, url
        assert "Sumatera Selatan" not in page, url
    party = make.party()
    profile = login_as(party.account).get("/pemohon/profil").get_data(as_text=True)
    assert "Contoh: DPC Partai Contoh Kota Balikpapan" in profile
    assert "Contoh: Balikpapan. Kata Provinsi" in profile
    assert "misalnya Kota Balikpapan." in profile
    assert "Partai Contoh Provinsi Sumatera Selatan" not in profile  # the first office's
    assert "misalnya Kota Palembang" not in profile
