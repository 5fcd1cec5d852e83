"""Typed-in text never reaches a spreadsheet as a formula, in every export (one rule)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

from openpyxl import load_workbook

from sisakat.extensions import db
from sisakat.services import settings, table_export
from sisakat.services.table_export import Table

HOSTILE = ("=1+1", "+62 812", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd")


def test_text_that_would_start_a_formula_is_quoted_and_numbers_stay_numbers():
    assert [table_export.safe_cell(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert table_export.safe_cell("DPW Partai Contoh") == "DPW Partai Contoh"
    assert table_export.safe_cell(-2) == -2
    assert table_export.safe_cell(None) is None


def test_csv_and_xlsx_tables_write_hostile_names_as_text():
    table = Table("t", "Daftar", ("Nama", "Jumlah"), tuple((v, 1) for v in HOSTILE))
    rows = list(csv.reader(io.StringIO(table_export.csv_text([table])), delimiter=";"))
    assert [r[0] for r in rows if r and r[1:] == ["1"]] == ["'" + v for v in HOSTILE]
    sheet = load_workbook(io.BytesIO(table_export.xlsx("Laporan", [table]))).active
    names = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert names == list(HOSTILE)  # the exact text: a quote would show in Excel
    assert all(cell.data_type == "s" for cell in sheet["A"][2:])


def test_xlsx_keeps_the_exact_text_in_string_cells_and_no_cell_is_a_formula():
    """The XLSX put a quote before text starting with = + - @, which Excel then shows
    ("'+62 812"). A string cell is never a formula, so the workbook now holds the text as typed
    (the CSV, which has no cell types, keeps its quote)."""
    table = Table("t", "Daftar", ("Nama", "Jumlah"), tuple((v, 1) for v in HOSTILE))
    data = table_export.xlsx("Laporan", [table])
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [(c.value, c.data_type) for c in sheet["A"][2:]] == [(v, "s") for v in HOSTILE]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_days_and_moments_are_date_cells_in_the_office_zone_and_one_text_in_csv(app):
    """A register or report exported to XLSX held its days as text ('1 Mei 2021'), which Excel
    and LibreOffice sort alphabetically; now a day is a date cell and a stored UTC moment a
    date-time cell in the office's zone, and the CSV writes both as dd/mm/yyyy text."""
    settings.update({"agency.timezone": "WITA"}, actor=None)
    db.session.commit()
    moment = datetime(2026, 12, 6, 16, 30)  # 00.30 WITA on 7 December
    row = ("=1+1", date(2021, 5, 1), moment, None, 3)
    table = Table("t", "Daftar", ("Nama", "Tanggal", "Waktu", "Kosong", "Jumlah"), (row,))
    sheet = load_workbook(io.BytesIO(table_export.xlsx("Laporan", [table]))).active
    name, day, when, empty, count = sheet[3]
    assert (name.value, name.data_type) == ("=1+1", "s")  # a string cell: never a formula
    assert day.is_date
    assert day.value == datetime(2021, 5, 1)
    assert day.number_format == "dd/mm/yyyy"
    assert when.is_date
    assert when.value == datetime(2026, 12, 7, 0, 30)
    assert when.number_format == "dd/mm/yyyy hh:mm"
    assert (empty.value, count.value) == (None, 3)
    assert sheet.column_dimensions["C"].width >= 16  # wide enough to show, not '###'
    rows = list(csv.reader(io.StringIO(table_export.csv_text([table])), delimiter=";"))
    assert ["'=1+1", "01/05/2021", "07/12/2026 00:30", "", "3"] in rows


def test_text_longer_than_a_cell_holds_is_cut_to_fit_and_control_characters_left_out():
    long = "Saran " * 7000  # 42,000 characters; Excel holds 32,767 in a cell
    cut = table_export.safe_cell(long)
    assert len(cut) == 32767
    assert cut.endswith("…")
    assert table_export.safe_cell("\x00=1+1") == "'=1+1"  # what is left is still no formula
    assert table_export.safe_cell("Baris satu\nbaris dua\tTab") == "Baris satu\nbaris dua\tTab"
    table = Table("t", "Daftar", ("Saran",), ((long,), ("\x01Ruang\x1f tunggu",)))
    sheet = load_workbook(io.BytesIO(table_export.xlsx("Laporan", [table]))).active
    assert len(sheet["A3"].value) == 32767
    assert sheet["A4"].value == "Ruang tunggu"
