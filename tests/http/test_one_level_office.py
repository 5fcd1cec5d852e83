"""A regency or city office registers boards of one level only (``office.board_levels``).

A party that signed up there read "Tingkat kepengurusan belum diisi." on its new profile and
its dashboard until the first save, although the profile page shows the level as fixed text: the
board now gets the office's only level when it is registered (``accounts.register_party``), so
the profile, the registers and the letter agree from the start. A province office (three levels)
still lets the party choose."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Level, Role, User
from sisakat.services import settings
from tests.a11y_helpers import problems
from tests.http.test_board_levels import kabupaten_office, level_table, options

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


def test_the_new_board_is_listed_in_the_register(app, client, make, login_as):
    """Listed without a level: at a one-level office the register has no Tingkat column (every
    row would say Kabupaten; see the level-column tests below)."""
    kabupaten_office()
    sign_up(client)
    staff = login_as(make.user(Role.VERIFIKATOR))
    page = staff.get("/laporan/rekap-partai").get_data(as_text=True)
    row = page.split(BOARD, 1)[1].split("</tr>", 1)[0]
    assert "<div>SKT -</div>" in row, row  # listed, with no letter yet
    assert "Kabupaten<" not in row, row


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
    make.submitted(make.application(board, status=ApplicationStatus.DIAJUKAN))
    make.submitted(make.application(make.ormas(), status=ApplicationStatus.DIAJUKAN))
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
    # ... and the level columns: the boards' levels differ again.
    assert _first_table(staff.get("/petugas/").get_data(as_text=True))[0][1] == "Tingkat"
    register = staff.get("/laporan/rekap-partai").get_data(as_text=True)
    assert _first_table(register, 'id="tabel-rekap"')[0][1] == "Tingkat"


# The level COLUMNS said the same level on every row at a regency office: the queue's and the
# register's Tingkat column (and the queue's folded "Tingkat Kabupaten ·" on a phone), and the
# dashboard's per-level table when only party boards are in scope (one row repeating the
# summary). Where one level is listed they are left out; the region stays under the board.
LOCAL = "Contoh Ilir"


def _first_table(page: str, marker: str = "<table") -> tuple[list[str], list[int]]:
    """The column heads of the first table from ``marker`` on, and each body row's cell count."""
    table = page[page.index(marker) :].split("</table>", 1)[0]
    head, body = table.split("</thead>", 1)
    heads = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", head)]
    rows = body.split("<tr")[1:]
    return heads, [row.split("</tr>", 1)[0].count("<td") for row in rows]


def _board_row(page: str, board_name: str) -> str:
    """The table row of ``board_name`` on ``page``."""
    start = page.rindex("<tr", 0, page.index(board_name))
    return page[start : page.index("</tr>", start)]


def test_no_level_column_at_a_kabupaten_office(app, make, login_as):
    kabupaten_office()
    board = make.party(level=Level.KABUPATEN, region_name=LOCAL)
    make.application(board, status=ApplicationStatus.DIAJUKAN)
    make.application(make.ormas(), status=ApplicationStatus.DIAJUKAN)
    staff = login_as(make.user(Role.VERIFIKATOR))
    queue = staff.get("/petugas/").get_data(as_text=True)
    heads, cells = _first_table(queue)
    assert heads == ["Pemohon", "Status", "Sejak diajukan (jam kerja)", "Petugas", "Berkas"]
    assert cells == [len(heads)] * 2
    row = _board_row(queue, board.board_name)
    assert "Kabupaten" not in row, row
    assert "Tingkat" not in row, row  # nor the phone's folded "Tingkat Kabupaten ·"
    register = staff.get("/laporan/rekap-partai").get_data(as_text=True)
    heads, cells = _first_table(register, 'id="tabel-rekap"')
    assert heads == ["Partai / Kepengurusan", "SKT", "Berlaku s.d.", "Akhir masa bakti",
                     "Keadaan", "Permohonan"]  # fmt: skip
    assert cells == [len(heads)]
    row = _board_row(register, board.board_name)
    assert "Kabupaten" not in row, row
    assert f'<div class="small text-body-secondary">{LOCAL}</div>' in row  # on every width
    assert problems(queue) == []
    assert problems(register) == []
    empty = staff.get("/laporan/rekap-partai?region=Tidak+Ada").get_data(as_text=True)
    assert 'colspan="6"' in empty


def test_the_per_level_table_at_a_kabupaten_office_only_when_it_tells_apart(app, make, login_as):
    """Party boards alone: one row, the summary's figures again, so no table on the page. With
    ormas in scope the table splits them from the boards, so it stays."""
    kabupaten_office()
    make.submitted(
        make.application(make.party(level=Level.KABUPATEN), status=ApplicationStatus.DIAJUKAN)
    )
    staff = login_as(make.user(Role.VERIFIKATOR))
    page = staff.get("/laporan/dasbor").get_data(as_text=True)
    assert 'id="tabel-tingkat"' not in page
    make.submitted(make.application(make.ormas(), status=ApplicationStatus.DIAJUKAN))
    page = staff.get("/laporan/dasbor").get_data(as_text=True)
    assert 'id="tabel-tingkat"' in page
    assert [row[:2] for row in level_table(staff)] == [["Kabupaten", "1"], ["Ormas", "1"]]
    only_boards = staff.get("/laporan/dasbor?service=skt_parpol").get_data(as_text=True)
    assert 'id="tabel-tingkat"' not in only_boards
    assert problems(page) == []
    assert problems(only_boards) == []


def test_the_exports_keep_the_per_level_table_at_a_kabupaten_office(app, make, login_as):
    """The page's rule (no one-row level table at a one-level office) leaked into the files:
    the CSV and XLSX of a kabupaten office had no Per tingkat table, a province office's had
    one, so the file layout differed between offices. The files keep every table."""
    kabupaten_office()
    make.submitted(
        make.application(make.party(level=Level.KABUPATEN), status=ApplicationStatus.DIAJUKAN)
    )
    staff = login_as(make.user(Role.VERIFIKATOR))
    assert 'id="tabel-tingkat"' not in staff.get("/laporan/dasbor").get_data(as_text=True)
    assert [row[:2] for row in level_table(staff)] == [["Kabupaten", "1"]]
    book = load_workbook(io.BytesIO(staff.get("/laporan/dasbor.xlsx").data))
    assert "Per tingkat" in book.sheetnames


def _submit_board(make, level: Level, region_name: str) -> None:
    """A party board of ``level`` in ``region_name`` with one submitted application."""
    board = make.party(level=level, region_name=region_name)
    make.submitted(make.application(board, status=ApplicationStatus.DIAJUKAN))


def test_no_per_region_table_at_a_kabupaten_office(app, make, login_as):
    """Every board is of the office's own region: the table was one row repeating the summary.
    The page (screen and print) leaves it out, heading too; the CSV keeps its fixed layout."""
    kabupaten_office()
    _submit_board(make, Level.KABUPATEN, LOCAL)
    _submit_board(make, Level.KABUPATEN, LOCAL)
    staff = login_as(make.user(Role.VERIFIKATOR))
    page = staff.get("/laporan/dasbor").get_data(as_text=True)
    assert 'id="jumlah">2<' in page
    assert 'id="tabel-wilayah"' not in page
    assert "Per wilayah" not in page
    export = staff.get("/laporan/dasbor.csv").get_data(as_text=True)
    assert "Per wilayah" in export
    assert "Kabupaten Contoh Ilir;2;" in export
    assert problems(page) == []


def test_the_per_region_table_at_a_province_office_with_two_regions(app, make, login_as):
    """One region in view: no table. Boards of two regencies: the table with both rows."""
    _submit_board(make, Level.KABUPATEN, LOCAL)
    staff = login_as(make.user(Role.VERIFIKATOR))
    assert "Per wilayah" not in staff.get("/laporan/dasbor").get_data(as_text=True)
    _submit_board(make, Level.KABUPATEN, "Contoh Ulu")
    page = staff.get("/laporan/dasbor").get_data(as_text=True)
    table = page.split('id="tabel-wilayah"', 1)[1].split("</table>", 1)[0]
    assert "Per wilayah" in table
    assert "Kabupaten Contoh Ilir" in table
    assert "Kabupaten Contoh Ulu" in table
    assert problems(page) == []


def test_the_level_columns_stay_at_a_province_office(app, make, login_as):
    """A province office registers three levels: the column and the table stay, even when the
    boards in view are all of one level."""
    staff, board = _staff_with_boards(make, login_as, Level.KOTA)
    queue = staff.get("/petugas/").get_data(as_text=True)
    assert _first_table(queue)[0][1] == "Tingkat"
    assert "Tingkat Kota · " in _board_row(queue, board.board_name)
    register = staff.get("/laporan/rekap-partai").get_data(as_text=True)
    assert _first_table(register, 'id="tabel-rekap"')[0][1] == "Tingkat"
    dashboard = staff.get("/laporan/dasbor?service=skt_parpol").get_data(as_text=True)
    assert 'id="tabel-tingkat"' in dashboard
    assert [row[:2] for row in level_table(staff, "?service=skt_parpol")] == [["Kota", "1"]]
