"""Typed-in text never reaches a spreadsheet as a formula, in every export (one rule)."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from sisakat.services import table_export
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
    assert names == ["'" + v for v in HOSTILE]
    assert all(cell.data_type == "s" for cell in sheet["A"][2:])
