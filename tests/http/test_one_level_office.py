"""A regency or city office registers boards of one level only (``office.board_levels``).

A party that signed up there read "Tingkat kepengurusan belum diisi." on its new profile and
its dashboard until the first save, although the profile page shows the level as fixed text: the
board now gets the office's only level when it is registered (``accounts.register_party``), so
the profile, the registers and the letter agree from the start. A province office (three levels)
still lets the party choose."""

from __future__ import annotations

import re

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Level, Role, User
from sisakat.services import settings
from tests.a11y_helpers import problems
from tests.http.test_board_levels import kabupaten_office, options

LEVEL_GAP = "Tingkat kepengurusan belum diisi."
BOARD = "DPC Partai Contoh Sejahtera Kabupaten Contoh Ilir"


def sign_up(client, email: str = "dpc@partai-contoh.example.com") -> User:
    """Sign a party board up through the form; the new account is logged in."""
    response = client.post(
        "/akun/daftar",
        data={
            "kind": "parpol",
            "board_name": BOARD,
            "email": email,
            "password": "Sungai-Musi-2025",
            "confirm": "Sungai-Musi-2025",
        },
    )
    assert response.status_code == 302
    return db.session.execute(db.select(User).where(User.email == email)).scalar_one()


def test_a_new_board_at_a_kabupaten_office_is_not_asked_for_its_level(app, client):
    kabupaten_office()
    account = sign_up(client)
    assert account.party.level == Level.KABUPATEN
    home = client.get("/pemohon/").get_data(as_text=True)
    profile = client.get("/pemohon/profil").get_data(as_text=True)
    assert "Nama partai belum diisi." in profile  # the real gaps are still listed
    assert LEVEL_GAP not in profile
    assert LEVEL_GAP not in home
    assert ">Kabupaten</p>" in profile  # the fixed text the page shows is what is stored


def test_the_new_board_is_listed_at_its_level_in_the_register(app, client, make, login_as):
    kabupaten_office()
    sign_up(client)
    staff = login_as(make.user(Role.VERIFIKATOR))
    page = staff.get("/laporan/rekap-partai").get_data(as_text=True)
    row = page.split(BOARD, 1)[1].split("</tr>", 1)[0]
    # The level's own column (laptop), and its copy folded under the party (phone).
    assert re.search(r'<td class="[^"]*">Kabupaten<div', row), row
    assert "<div>Kabupaten</div>" in row


def test_a_new_board_at_a_province_office_chooses_its_level(app, client):
    account = sign_up(client)
    assert account.party.level is None
    assert LEVEL_GAP in client.get("/pemohon/profil").get_data(as_text=True)


def test_a_board_keeps_its_level_when_the_office_changes(app, client):
    """Registered at the regency office as Kabupaten; the office becomes a province one: the
    stored level stays (and is offered selected among the three)."""
    kabupaten_office()
    account = sign_up(client)
    settings.update({"agency.region": "PROVINSI SUMATERA SELATAN"}, actor=None)
    db.session.commit()
    page = client.get("/pemohon/profil").get_data(as_text=True)
    assert '<option selected value="kabupaten">' in page
    assert LEVEL_GAP not in page
    db.session.refresh(account.party)
    assert account.party.level == Level.KABUPATEN


# Staff level filters (queue, dashboard, party register) offered "Semua" and the one level of a
# regency office: a control with nothing to choose. With one level to list they are not shown;
# a ``level`` in the query string (an old bookmark, a forged value) is then ignored.
FILTER_PAGES = ("/petugas/", "/laporan/dasbor", "/laporan/rekap-partai")


def _staff_with_boards(make, login_as, level: Level):
    """A verifier's client, with a party board of ``level`` and an ormas each applying."""
    board = make.party(level=level)
    make.application(board, status=ApplicationStatus.DIAJUKAN)
    make.application(make.ormas(), status=ApplicationStatus.DIAJUKAN)
    return login_as(make.user(Role.VERIFIKATOR)), board


def test_no_level_filter_at_a_kabupaten_office(app, make, login_as):
    kabupaten_office()
    staff, board = _staff_with_boards(make, login_as, Level.KABUPATEN)
    for path in FILTER_PAGES:
        page = staff.get(path).get_data(as_text=True)
        assert 'name="level"' not in page, path
        assert ">Tingkat</label>" not in page, path
        assert board.board_name in page or path == "/laporan/dasbor", path
        assert problems(page) == [], path


@pytest.mark.parametrize(
    "forged", ["provinsi", "kabupaten", "kecamatan", "x" * 500], ids=["prov", "kab", "kec", "long"]
)
def test_a_level_in_the_query_is_ignored_where_no_filter_is_shown(app, make, login_as, forged):
    kabupaten_office()
    staff, board = _staff_with_boards(make, login_as, Level.KABUPATEN)
    plain = {path: staff.get(path).get_data(as_text=True) for path in FILTER_PAGES}
    for path in FILTER_PAGES:
        response = staff.get(f"{path}?level={forged}")
        page = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert "tidak valid" not in page, path
        assert page.count("<tr") == plain[path].count("<tr"), path  # every row, as unfiltered
    for export in ("/laporan/dasbor.csv", "/laporan/rekap-partai.csv"):
        unfiltered = staff.get(export).get_data(as_text=True)
        assert staff.get(f"{export}?level={forged}").get_data(as_text=True) == unfiltered
    for export in ("/laporan/dasbor.xlsx", "/laporan/rekap-partai.xlsx"):
        assert staff.get(f"{export}?level={forged}").status_code == 200


def test_the_level_filters_stay_at_a_province_office(app, make, login_as):
    staff, board = _staff_with_boards(make, login_as, Level.KOTA)
    for path in FILTER_PAGES:
        page = staff.get(path).get_data(as_text=True)
        assert options(page, "level") == ["", "provinsi", "kabupaten", "kota"], path
        assert ">Tingkat</label>" in page, path
        filtered = staff.get(f"{path}?level=provinsi").get_data(as_text=True)
        assert board.board_name not in filtered, path
        assert board.board_name in staff.get(f"{path}?level=kota").get_data(as_text=True) or (
            path == "/laporan/dasbor"
        )


def test_a_stored_board_of_another_level_brings_the_filter_back(app, make, login_as):
    """A Provinsi board entered before the office became a regency one: two levels to list."""
    kabupaten_office()
    staff, board = _staff_with_boards(make, login_as, Level.KABUPATEN)
    make.application(make.party(level=Level.PROVINSI), status=ApplicationStatus.DIAJUKAN)
    for path in FILTER_PAGES:
        page = staff.get(path).get_data(as_text=True)
        assert options(page, "level") == ["", "provinsi", "kabupaten"], path
        filtered = staff.get(f"{path}?level=provinsi").get_data(as_text=True)
        assert board.board_name not in filtered, path
