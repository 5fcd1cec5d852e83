"""The IKM report as an XLSX workbook (openpyxl): the same numbers as the page."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from sisakat.services import ikm, settings
from sisakat.services.survey import Report
from sisakat.services.table_export import append_row


def _profile_sheet(wb: Workbook, rep: Report) -> None:
    """The respondent profile: each group's choices with how many respondents picked them."""
    profile = wb.create_sheet("Profil Responden")
    profile.append(["Kelompok", "Pilihan", "Jumlah responden"])
    for heading, counts in rep.profile:
        for choice, n in counts:
            profile.append([heading, choice, n])  # the form's own words: never a formula


def workbook(rep: Report) -> bytes:
    """Three sheets: the index per element, the respondent profile, and the suggestions."""
    wb = Workbook()
    ws = wb.active
    ws.title = "IKM"
    ws.append([f"Indeks Kepuasan Masyarakat - {rep.unit}"])
    ws["A1"].font = Font(bold=True)
    append_row(ws, ["Periode", rep.start, "s.d.", rep.end])  # date cells
    append_row(ws, ["Layanan", rep.service_name])  # typed by the office: never a formula
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
    _profile_sheet(wb, rep)
    sheet = wb.create_sheet("Saran")
    sheet.append([f"Waktu ({settings.get('agency.timezone') or 'WIB'})", "Saran"])
    for moment, text in rep.suggestions:
        append_row(sheet, [moment, text])  # an office-zone date-time cell; text never a formula
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
