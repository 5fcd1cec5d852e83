"""The dashboard as tables: the page, the XLSX and the CSV all render these same rows."""

from __future__ import annotations

from sisakat.services.stats import Dashboard
from sisakat.services.table_export import Table


def _hours(value: float | None) -> float | None:
    """Working hours rounded to two decimals (what every output shows)."""
    return None if value is None else round(value, 2)


_GROUP_HEADER = ("Permohonan", "Terbit", "Median (jam kerja)", "Dalam SLA")


def _groups(key: str, title: str, first: str, rows) -> Table:
    """A per-level or per-region table: counts and times of each group."""
    return Table(
        key,
        title,
        (first, *_GROUP_HEADER),
        tuple(
            (r.label, r.applications, r.issued, _hours(r.median_hours), r.within_sla) for r in rows
        ),
    )


def tables(dash: Dashboard, *, one_level: bool = False, page: bool = False) -> list[Table]:
    """Summary, status, month, stage, level and region tables.

    ``page``: for the screen and print page, which leaves out the tables that would only repeat
    the summary. The XLSX and CSV (``page`` false) keep every table, so their layout is the
    same at every office. On the page the region table shows only with two rows or more (at a
    regency or city office every board is of its own region, so its one row repeated the
    summary); and with ``one_level`` (the office lists one board level:
    ``office.listed_levels``, no level filter) the level table is left out when it has a
    single row (the party boards alone). With the ormas (or boards whose level is not filled
    in) on rows of their own it stays: it tells them apart."""
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
    by_level = _groups("tingkat", "Per tingkat", "Tingkat", dash.by_level)
    by_region = _groups("wilayah", "Per wilayah", "Wilayah", dash.by_region)
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
        *([] if page and one_level and len(by_level.rows) < 2 else [by_level]),
        *([] if page and len(by_region.rows) < 2 else [by_region]),
    ]
