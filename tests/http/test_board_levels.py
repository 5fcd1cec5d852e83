"""Board levels that fit the office (``office.board_levels``): a province office registers
boards at Provinsi, Kabupaten and Kota level, a regency office only Kabupaten, a city office
only Kota. The party's profile, the staff queue filter and the dashboard follow it; a level a
stored board already has stays listed; ormas count on their own row of the per-level table."""

from __future__ import annotations

import csv
import io
import re

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Level, Role
from sisakat.services import office, parties, settings
from tests.a11y_helpers import problems
from tests.profile_data import profile_form

PROFILE = "/pemohon/profil"
KABUPATEN = {
    "agency.region": "KABUPATEN CONTOH ILIR",
    "agency.city": "Sekayu",
    "agency.short_name": "Kesbangpol Kabupaten Contoh Ilir",
}


def kabupaten_office() -> None:
    """Turn the seed province office into a regency office."""
    settings.update(KABUPATEN, actor=None)
    db.session.commit()


def options(page: str, name: str) -> list[str]:
    """The option values of the select ``name`` on ``page``."""
    found = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert found, name
    return re.findall(r'<option[^>]*value="([^"]*)"', found[1])


def kabupaten_form(version) -> dict:
    """A valid profile of a regency board (DPC)."""
    return profile_form(
        version,
        board_name="DPC Partai Contoh Sejahtera Kabupaten Contoh Ilir",
        level="kabupaten",
        region_name="Contoh Ilir",
        city="Kabupaten Contoh Ilir",
    )


@pytest.mark.parametrize(
    ("region", "levels"),
    [
        ("PROVINSI SUMATERA SELATAN", (Level.PROVINSI, Level.KABUPATEN, Level.KOTA)),
        ("KABUPATEN CONTOH ILIR", (Level.KABUPATEN,)),
        ("Kab. Contoh Ilir", (Level.KABUPATEN,)),
        ("KOTA BALIKPAPAN", (Level.KOTA,)),
        ("", (Level.PROVINSI, Level.KABUPATEN, Level.KOTA)),  # says nothing: all three
    ],
)
def test_board_levels_follow_the_office_region(app, region, levels):
    settings.update({"agency.region": region}, actor=None)
    db.session.commit()
    assert office.board_levels() == levels


def test_a_province_office_offers_all_three_levels(app, make, login_as):
    party = make.party(complete=False)
    page = login_as(party.account).get(PROFILE).get_data(as_text=True)
    assert options(page, "level") == ["", "provinsi", "kabupaten", "kota"]


def test_a_kabupaten_office_shows_its_one_level_and_stores_it(app, make, login_as):
    kabupaten_office()
    party = make.party(complete=False)
    client = login_as(party.account)
    page = client.get(PROFILE).get_data(as_text=True)
    assert '<select id="level"' not in page  # nothing to pick among one option
    assert '<input type="hidden" name="level" value="kabupaten">' in page
    assert ">Kabupaten</p>" in page
    assert "Kantor ini hanya mencatat kepengurusan tingkat Kabupaten." in page
    assert problems(page) == []
    assert client.post(PROFILE, data=kabupaten_form(party.version)).status_code == 302
    db.session.refresh(party)
    assert party.level == Level.KABUPATEN


@pytest.mark.parametrize(
    ("forged", "message"),
    [
        (
            "provinsi",
            "Kesbangpol Kabupaten Contoh Ilir hanya mencatat kepengurusan tingkat Kabupaten, "
            "bukan Provinsi.",
        ),
        ("kecamatan", "Tingkat kepengurusan tidak valid."),
    ],
)
def test_a_forged_level_is_refused_beside_the_field(app, make, login_as, forged, message):
    kabupaten_office()
    party = make.party(complete=False)
    response = login_as(party.account).post(
        PROFILE, data={**kabupaten_form(party.version), "level": forged}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    error = re.search(r'id="level-error">(.*?)</div></div>', page, re.S)
    assert error
    assert message in error[1]
    assert '<input type="hidden" name="level" value="kabupaten">' in page  # not the forged one
    assert problems(page) == []
    db.session.refresh(party)
    assert (party.level, party.version) == (None, 1)


def test_the_service_refuses_a_level_outside_the_office_too(app, make):
    kabupaten_office()
    party = make.party(complete=False)
    with pytest.raises(parties.ProfileInvalid) as refused:
        parties.save_profile(
            party.account,
            {"level": Level.PROVINSI},
            [("Ketua", "Rina Contoh"), ("Sekretaris", "Dodi Contoh"), ("Bendahara", "Maya Contoh")],
            actor=party.account,
            seen_version=party.version,
        )
    assert refused.value.field == "level"


def test_a_board_stored_at_another_level_picks_again(app, make, login_as):
    """A province board entered before the office became a regency one: the form does not
    silently turn it into a Kabupaten board; the party chooses."""
    party = make.party()  # Provinsi, stored under the seed province office
    kabupaten_office()
    page = login_as(party.account).get(PROFILE).get_data(as_text=True)
    assert options(page, "level") == ["", "kabupaten"]


def test_queue_filter_lists_the_offices_levels_and_stored_ones(app, make, login_as):
    verifier = login_as(make.user(Role.VERIFIKATOR))
    assert options(verifier.get("/petugas/").get_data(as_text=True), "level") == [
        "",
        "provinsi",
        "kabupaten",
        "kota",
    ]
    kabupaten_office()
    local = make.party(level=Level.KABUPATEN)
    make.application(local, status=ApplicationStatus.DIAJUKAN)
    assert 'name="level"' not in verifier.get("/petugas/").get_data(as_text=True)  # one level
    old = make.party(level=Level.PROVINSI)  # entered before the region changed
    make.application(old, status=ApplicationStatus.DIAJUKAN)
    page = verifier.get("/petugas/").get_data(as_text=True)
    assert options(page, "level") == ["", "provinsi", "kabupaten"]
    filtered = verifier.get("/petugas/?level=provinsi").get_data(as_text=True)
    assert old.board_name in filtered
    assert local.board_name not in filtered
    assert "Tingkat</label>" in filtered
    assert 'id="level-error"' not in filtered


def level_table(client, query: str = "") -> list[list[str]]:
    """The per-level rows of the dashboard's CSV export."""
    text = client.get("/laporan/dasbor.csv" + query).get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    start = rows.index(["Per tingkat"]) + 2  # title, header
    end = next(i for i in range(start, len(rows)) if not rows[i] or len(rows[i]) == 1)
    return rows[start:end]


def test_dashboard_levels_at_a_kabupaten_office(app, make, login_as):
    kabupaten_office()
    make.submitted(
        make.application(make.party(level=Level.KABUPATEN), status=ApplicationStatus.DIAJUKAN)
    )
    make.submitted(make.application(make.ormas(), status=ApplicationStatus.DIAJUKAN))
    staff = login_as(make.user(Role.VERIFIKATOR))
    page = staff.get("/laporan/dasbor").get_data(as_text=True)
    assert 'name="level"' not in page  # one level to list: no filter
    assert [row[:2] for row in level_table(staff)] == [["Kabupaten", "1"], ["Ormas", "1"]]
    assert "Tanpa tingkat" not in page
    # A province board from before the change stays listed and filterable.
    make.submitted(
        make.application(make.party(level=Level.PROVINSI), status=ApplicationStatus.DIAJUKAN)
    )
    page = staff.get("/laporan/dasbor").get_data(as_text=True)
    assert options(page, "level") == ["", "provinsi", "kabupaten"]
    assert [row[:2] for row in level_table(staff)] == [
        ["Provinsi", "1"],
        ["Kabupaten", "1"],
        ["Ormas", "1"],
    ]
    assert [row[:2] for row in level_table(staff, "?level=provinsi")] == [["Provinsi", "1"]]
    register = staff.get("/laporan/rekap-partai").get_data(as_text=True)
    assert options(register, "level") == ["", "provinsi", "kabupaten"]


def test_dashboard_levels_at_a_province_office(app, make, login_as):
    for level in (Level.KOTA, Level.PROVINSI):
        make.submitted(make.application(make.party(level=level), status=ApplicationStatus.DIAJUKAN))
    make.submitted(make.application(make.ormas(), status=ApplicationStatus.DIAJUKAN))
    staff = login_as(make.user(Role.VERIFIKATOR))
    page = staff.get("/laporan/dasbor").get_data(as_text=True)
    assert options(page, "level") == ["", "provinsi", "kabupaten", "kota"]
    assert [row[:2] for row in level_table(staff)] == [
        ["Provinsi", "1"],
        ["Kota", "1"],
        ["Ormas", "1"],
    ]
