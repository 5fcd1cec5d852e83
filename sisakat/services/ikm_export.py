"""The IKM report as an XLSX workbook (openpyxl): the same numbers as the page."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from sisakat.formatting import tanggal
from sisakat.services import ikm, settings
from sisakat.services.survey import Report
from sisakat.services.table_export import safe_cell


def workbook(rep: Report) -> bytes:
    """Two sheets: the index per element, and the suggestions."""
    wb = Workbook()
    ws = wb.active
    ws.title = "IKM"
    ws.append([f"Indeks Kepuasan Masyarakat - {rep.unit}"])
    ws["A1"].font = Font(bold=True)
    ws.append([f"Periode {tanggal(rep.start)} s.d. {tanggal(rep.end)}"])
    ws.append(["Layanan", rep.service_name])
    ws.append(["Jumlah responden", rep.result.respondents])
    ws.append(["Rumus", ikm.FORMULA])
    ws.append([])
    ws.append(["Unsur", "Uraian", "Jumlah nilai", "NRR", "Bobot", "NRR tertimbang"])
    for i, name in enumerate(ikm.ELEMENTS):
        ws.append(
            [
                f"U{i + 1}",
                name,
                rep.result.totals[i],
                float(rep.result.nrr[i]),
                "1/9",
                float(rep.result.weighted[i]),
            ]
        )
    ws.append([])
    ikm_value = float(rep.result.ikm) if rep.result.ikm is not None else None
    ws.append(["IKM", ikm_value])
    band = rep.result.band
    ws.append(["Mutu pelayanan", f"{band.letter} ({band.label})" if band else "-"])
    sheet = wb.create_sheet("Saran")
    sheet.append(["Tanggal", "Saran"])
    for moment, text in rep.suggestions:
        sheet.append([settings.office_day(moment), safe_cell(text)])  # the office's day
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
