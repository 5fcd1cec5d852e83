"""Report tables as XLSX (openpyxl) and CSV: the same cells the page shows."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font


@dataclass(frozen=True)
class Table:
    """One titled table: header and rows of plain values (str, int, float, None)."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple, ...]


# What a spreadsheet reads as the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text never starts a formula (a quote is put before it); numbers stay numbers. Every
    export (these tables, the IKM workbook) writes typed-in text through this."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx(title: str, tables: list[Table]) -> bytes:
    """One sheet per table, a bold header row under the title."""
    wb = Workbook()
    wb.remove(wb.active)
    for table in tables:
        ws = wb.create_sheet(table.title[:31])
        ws.append([title])
        ws["A1"].font = Font(bold=True)
        ws.append(list(table.header))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            ws.append([safe_cell(v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _csv_cell(value):
    """A CSV cell as Excel with Indonesian regional settings reads it: ``;`` separates cells,
    so a decimal comma (``87,5``), never a point that Excel would take for thousands."""
    if value is None:
        return ""
    if isinstance(value, float | Decimal):
        return f"{value:.10g}".replace(".", ",")
    return safe_cell(value)


def csv_text(tables: list[Table], *, title: str = "") -> str:
    """All tables one after another, each under a line with its title (``;`` and decimal commas
    for Excel set to Indonesian); ``title``, when given, is the file's first line."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    if title:
        writer.writerows([[safe_cell(title)], []])
    for table in tables:
        writer.writerow([table.title])
        writer.writerow(table.header)
        for row in table.rows:
            writer.writerow([_csv_cell(v) for v in row])
        writer.writerow([])
    return out.getvalue()
