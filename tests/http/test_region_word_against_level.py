"""A board chose level Provinsi and typed its region as "Kota Palembang": the profile saved,
and the letter, the public QR page and the review printed "Provinsi Kota Palembang" (the level
word comes first, the typed one was kept as part of the name). A region typed with a level word
other than the chosen level is now refused beside the field, with the input kept."""

import html

import pytest

from sisakat.extensions import db
from sisakat.services import party_level
from tests.profile_data import profile_form

URL = "/pemohon/profil"


@pytest.mark.parametrize(
    ("level", "region", "word"),
    [("provinsi", "Kota Palembang", "Kota"), ("kota", "Kab. Banyuasin", "Kabupaten")],
)
def test_a_region_word_other_than_the_level_is_refused(app, make, login_as, level, region, word):
    party = make.party()
    db.session.commit()
    before = (party.version, party.region_name)
    response = login_as(party.account).post(
        URL, data=profile_form(party.version, level=level, region_name=region)
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'Nama wilayah diawali "{word}"' in html.unescape(page)
    assert f'value="{region}"' in page  # the typed input is kept
    db.session.refresh(party)
    assert (party.version, party.region_name) == before


@pytest.mark.parametrize(
    ("level", "region", "printed"),
    [
        ("kota", "Kota Palembang", "Kota Palembang"),
        ("provinsi", "Provinsi Sumatera Selatan", "Provinsi Sumatera Selatan"),
        ("kabupaten", "Kotabaru", "Kabupaten Kotabaru"),  # one word: a name, not a level word
        ("kabupaten", "Musi Banyuasin", "Kabupaten Musi Banyuasin"),
    ],
)
def test_a_matching_or_bare_region_is_saved(app, make, login_as, level, region, printed):
    party = make.party()
    db.session.commit()
    response = login_as(party.account).post(
        URL, data=profile_form(party.version, level=level, region_name=region)
    )
    assert response.status_code == 302
    db.session.refresh(party)
    assert party_level.level_text(party) == printed


def test_a_board_saved_before_the_check_is_told_before_it_submits(app, make, login_as):
    """A profile stored with the mismatch before the save refused it: the dashboard lists it
    with the profile's gaps, and Ajukan is refused until it is fixed."""
    from sisakat.models import Level

    party = make.party(level=Level.PROVINSI, region_name="Kota Palembang")
    application = make.application(party)
    db.session.commit()
    client = login_as(party.account)
    assert 'Nama wilayah diawali "Kota"' in html.unescape(client.get("/pemohon/").get_data(True))
    client.post(
        f"/pemohon/permohonan/{application.id}/ajukan", data={"version": application.version}
    )
    db.session.refresh(application)
    assert application.status.value == "draf"
