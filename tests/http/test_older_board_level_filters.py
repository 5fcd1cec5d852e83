"""The staff level filters read a board's level by ``party_level.board_level`` (its own, else
the office's only level), in SQL too (``party_level.board_level_sql``). An older board of a
regency office (``Party.level`` NULL: it signed up before sign-up stored the level) printed
"Kabupaten" on every page, but the queue, the register and the dashboard filtered by Kabupaten
compared the stored column and left it out. The filter shows at a one-level office only when a
stored board has another level (here a Provinsi board from before the office became a regency
one). An ormas never has a board level, whatever its row holds."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Level, Party, Role
from sisakat.services import office, party_level
from tests.http.test_board_levels import kabupaten_office, level_table, options
from tests.http.test_one_level_office import _board_row

LOCAL = "Contoh Ilir"


def _apply(make, board):
    """``board`` with one submitted application (in the queue and the dashboard)."""
    make.submitted(make.application(board, status=ApplicationStatus.DIAJUKAN))
    return board


def _office_with_an_older_board(make, login_as):
    """A regency office holding an older NULL-level board, a Provinsi board and an ormas, each
    applying; a verifier's client."""
    kabupaten_office()
    older = _apply(make, make.party(level=None, region_name=LOCAL, board_name="DPC Partai Lama"))
    province = _apply(make, make.party(level=Level.PROVINSI, board_name="DPW Partai Provinsi"))
    ormas = _apply(make, make.ormas(party_name="Perkumpulan Contoh Lama"))
    return login_as(make.user(Role.VERIFIKATOR)), older, province, ormas


def _csv(client, url: str) -> list[list[str]]:
    text = client.get(url).get_data(as_text=True).lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_queue_filtered_by_the_offices_level_lists_the_older_board(app, make, login_as):
    staff, older, province, ormas = _office_with_an_older_board(make, login_as)
    page = staff.get("/petugas/").get_data(as_text=True)
    assert options(page, "level") == ["", "provinsi", "kabupaten"]
    assert "Tingkat Kabupaten · " in _board_row(page, older.board_name)  # the Tingkat column
    filtered = staff.get("/petugas/?level=kabupaten").get_data(as_text=True)
    assert older.board_name in filtered
    assert province.board_name not in filtered
    assert ormas.board_name not in filtered


def test_the_register_filtered_by_the_offices_level_lists_the_older_board(app, make, login_as):
    staff, older, province, _ormas = _office_with_an_older_board(make, login_as)
    page = staff.get("/laporan/rekap-partai?level=kabupaten").get_data(as_text=True)
    assert older.board_name in page
    assert province.board_name not in page
    export = _csv(staff, "/laporan/rekap-partai.csv?level=kabupaten")
    header = next(
        i for i, row in enumerate(export) if row[:3] == ["Partai", "Kepengurusan", "Tingkat"]
    )
    assert [(row[1], row[2]) for row in export[header + 1 :] if row] == [
        (older.board_name, "Kabupaten")
    ]


def test_the_dashboard_filtered_by_the_offices_level_counts_the_older_board(app, make, login_as):
    staff, _older, _province, _ormas = _office_with_an_older_board(make, login_as)
    assert [row[:2] for row in level_table(staff)] == [
        ["Provinsi", "1"],
        ["Kabupaten", "1"],
        ["Ormas", "1"],
    ]
    assert [row[:2] for row in level_table(staff, "?level=kabupaten")] == [["Kabupaten", "1"]]
    page = staff.get("/laporan/dasbor?level=kabupaten").get_data(as_text=True)
    assert 'id="jumlah">1<' in page
    book = load_workbook(io.BytesIO(staff.get("/laporan/dasbor.xlsx?level=kabupaten").data))
    sheet = book["Per tingkat"]
    rows = [list(row[:2]) for row in sheet.iter_rows(values_only=True)]
    assert ["Kabupaten", 1] in rows, rows


def test_the_sql_level_mirrors_board_level(app, make):
    """Every kind of row gets the same level from SQL as from ``board_level``; an ormas none,
    even one whose row holds a level (written by hand or an old import)."""
    kabupaten_office()
    older = make.party(level=None)
    own = make.party(level=Level.PROVINSI)
    ormas = make.ormas()
    ormas_with_level = make.ormas(level=Level.KABUPATEN)
    expected = {p.id: party_level.board_level(p) for p in (older, own, ormas, ormas_with_level)}
    assert expected == {
        older.id: Level.KABUPATEN,
        own.id: Level.PROVINSI,
        ormas.id: None,
        ormas_with_level.id: None,
    }
    read = dict(db.session.execute(db.select(Party.id, party_level.board_level_sql())).all())
    assert read == expected
    assert office.listed_levels() == (Level.PROVINSI, Level.KABUPATEN)
    kabupaten = db.select(Party.id).where(party_level.board_level_sql() == Level.KABUPATEN)
    assert set(db.session.execute(kabupaten).scalars()) == {older.id}


def test_at_a_province_office_an_older_board_has_no_level_in_sql(app, make, login_as):
    """Three levels: nothing to fall back on, so the Kabupaten filter leaves it out and the
    dashboard counts it as a board without a level, as the pages print it."""
    older = _apply(make, make.party(level=None, region_name=LOCAL, board_name="DPC Partai Lama"))
    ormas = make.ormas(level=Level.KOTA)
    read = dict(db.session.execute(db.select(Party.id, party_level.board_level_sql())).all())
    assert read[older.id] is None
    assert read[ormas.id] is None
    staff = login_as(make.user(Role.VERIFIKATOR))
    assert older.board_name not in staff.get("/petugas/?level=kabupaten").get_data(as_text=True)
    assert [row[:2] for row in level_table(staff)] == [["Tingkat belum diisi", "1"]]
    assert level_table(staff, "?level=kabupaten") == []


def test_an_ormas_row_holding_a_level_brings_no_level_filter_back(app, make, login_as):
    """The offered levels are read by the same rule: an ormas has no board level, so a stray
    level on its row (written by hand or an old import) is no second level to choose."""
    kabupaten_office()
    board = _apply(make, make.party(level=Level.KABUPATEN, region_name=LOCAL))
    _apply(make, make.ormas(level=Level.PROVINSI))
    staff = login_as(make.user(Role.VERIFIKATOR))
    assert office.listed_levels() == (Level.KABUPATEN,)
    for path in ("/petugas/", "/laporan/dasbor", "/laporan/rekap-partai"):
        page = staff.get(path).get_data(as_text=True)
        assert 'name="level"' not in page, path
    assert board.board_name in staff.get("/petugas/").get_data(as_text=True)
