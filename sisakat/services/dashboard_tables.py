"""The dashboard as tables: the page, the XLSX and the CSV all render these same rows."""

from __future__ import annotations

from sisakat.services.stats import Dashboard
from sisakat.services.table_export import Table


def _hours(value: float | None) -> float | None:
    """Working hours rounded to two decimals (what every output shows)."""
    return None if value is None else round(value, 2)


def tables(dash: Dashboard) -> list[Table]:
    """Summary, status, month, stage, level and region tables."""
    # Two decimals like every other figure in these tables: the page prints floats with two
    # places, so a share rounded to one (66.7) read "66,70" there instead of 66,67.
    share = None if dash.sla_share is None else round(dash.sla_share, 2)
    summary = (
        ("Permohonan diajukan dalam periode", dash.total),
        ("Terbit", dash.issued),
        ("Median waktu proses (jam kerja)", _hours(dash.median_hours)),
        ("Persentil ke-90 waktu proses (jam kerja)", _hours(dash.p90_hours)),
        (f"Terbit dalam SLA ({dash.sla_label})", dash.within_sla),
        ("Persentase dalam SLA (%)", share),
    )
    group_header = ("", "Permohonan", "Terbit", "Median (jam kerja)", "Dalam SLA")

    def groups(rows):
        return tuple(
            (r.label, r.applications, r.issued, _hours(r.median_hours), r.within_sla) for r in rows
        )

    return [
        Table("ringkasan", "Ringkasan", ("Ukuran", "Nilai"), summary),
        Table("status", "Per status", ("Status", "Jumlah"), tuple(dash.by_status)),
        Table("bulan", "Per bulan", ("Bulan", "Diajukan"), tuple(dash.per_month)),
        Table(
            "tahap",
            "Per tahap",
            ("Tahap", "Rata-rata (jam kerja)"),
            tuple((label, _hours(v)) for label, v in dash.stages),
        ),
        Table("tingkat", "Per tingkat", ("Tingkat", *group_header[1:]), groups(dash.by_level)),
        Table("wilayah", "Per wilayah", ("Wilayah", *group_header[1:]), groups(dash.by_region)),
    ]
