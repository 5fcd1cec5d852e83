"""Report tables as XLSX (openpyxl) and CSV: the same cells the page shows.

Days and moments are written here, once for every export: a ``date`` is the office's day (a
letter date, a term end) and a ``datetime`` a stored naive UTC moment, moved into the office
zone. The XLSX gets real date cells (``dd/mm/yyyy``, ``dd/mm/yyyy hh:mm``) an office can sort
and filter; the CSV the same text (``07/12/2026``, ``07/12/2026 01:30``).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from sisakat import formatting
from sisakat.services import settings


@dataclass(frozen=True)
class Table:
    """One titled table: header and rows of plain values (str, int, float, None, a ``date``
    for an office day, a naive UTC ``datetime`` for a moment)."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple, ...]


# What a spreadsheet reads as the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# Control characters a workbook cannot hold (openpyxl refuses them: the export answered 500 for
# a name stored with a NUL), and the most a spreadsheet cell holds (Excel: 32,767 characters).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_CELL_CHARS = 32767


def fit_cell(value):
    """Text without a control character a workbook refuses, fitting in one cell (cut with
    "…"); anything else as it is."""
    if not isinstance(value, str):
        return value
    value = CONTROL_CHARACTERS.sub("", value)
    if len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - 1] + "…"
    return value


def safe_cell(value):
    """For CSV, which has no cell types: text never starts a formula (a quote is put before it,
    which a spreadsheet then shows), after ``fit_cell``; numbers stay numbers. An XLSX needs no
    quote: ``append_row`` writes text as string cells, which are never formulas."""
    value = fit_cell(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        value = "'" + value
        if len(value) > MAX_CELL_CHARS:
            value = value[: MAX_CELL_CHARS - 1] + "…"
    return value


DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
# Characters wide enough that LibreOffice and Excel show the date instead of "###".
DATE_WIDTHS = {DATE_FORMAT: 12, DATETIME_FORMAT: 17}


def office_value(value):
    """A stored naive UTC moment in the office zone (still naive: spreadsheets have no zones);
    anything else as it is."""
    if isinstance(value, datetime):
        return formatting.to_local(value, settings.utc_offset_hours())
    return value


def _date_format(value) -> str | None:
    if isinstance(value, datetime):
        return DATETIME_FORMAT
    return DATE_FORMAT if isinstance(value, date) else None


def append_row(ws: Worksheet, values) -> None:
    """One spreadsheet row: days and office-zone moments as date cells with a readable format,
    text through ``fit_cell`` as a string cell holding exactly that text (openpyxl would take
    text starting with "=" for a formula; a string cell never is one, and Excel shows no quote).
    Every XLSX export writes its rows here."""
    values = list(values)
    ws.append([office_value(fit_cell(v)) for v in values])
    for cell, value in zip(ws[ws.max_row], values, strict=False):
        if isinstance(value, str):
            cell.data_type = "s"
        fmt = _date_format(value)
        if fmt is None:
            continue
        cell.number_format = fmt
        column = ws.column_dimensions[cell.column_letter]
        column.width = max(column.width or 0, DATE_WIDTHS[fmt])


def page_text(value) -> str:
    """A cell as a page prints it: a day in words (``7 Desember 2026``), a moment in the office
    zone (``7 Desember 2026 01.30 WIT``), anything else as text."""
    if isinstance(value, datetime):
        return settings.office_time(value)
    if isinstance(value, date):
        return formatting.tanggal(value)
    return "" if value is None else str(value)


def xlsx(title: str, tables: list[Table]) -> bytes:
    """One sheet per table, a bold header row under the title (through ``safe_cell``: it may
    name a stored board)."""
    wb = Workbook()
    wb.remove(wb.active)
    for table in tables:
        ws = wb.create_sheet(table.title[:31])
        ws.append([safe_cell(title)])
        ws["A1"].font = Font(bold=True)
        ws.append(list(table.header))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            append_row(ws, row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _csv_cell(value):
    """A CSV cell as Excel with Indonesian regional settings reads it: ``;`` separates cells,
    so a decimal comma (``87,5``), never a point that Excel would take for thousands; days as
    ``dd/mm/yyyy``, moments in the office zone as ``dd/mm/yyyy hh:mm`` (as the XLSX shows them)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{office_value(value):%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
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
