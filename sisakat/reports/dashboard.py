"""The monitoring dashboard: counts, processing time in working hours, SLA share; XLSX, CSV."""

from __future__ import annotations

from flask import render_template, request

from sisakat.formatting import tanggal
from sisakat.forms_common import usable
from sisakat.models import Level
from sisakat.policies import role_required
from sisakat.reports.ikm import STAFF
from sisakat.reports.monitoring_forms import DashboardFilterForm
from sisakat.reports.routes import bp
from sisakat.routing import XLSX, download
from sisakat.services import catalog, diagrams, numbering, stats, table_export
from sisakat.services.dashboard_tables import tables


def _filters() -> tuple[DashboardFilterForm, stats.StatsFilter]:
    """The requested filters (``PeriodForm.period``): a bad value is left out with a message
    beside its field, the other filters stay applied."""
    form = DashboardFilterForm(request.args)
    start, end = form.period(numbering.office_today())
    for name in ("service", "level"):
        if name in form and form[name].errors:  # no level field at a one-level office
            form[name].errors = ["Nilai tidak valid; nilai bawaan ditampilkan."]
    service = usable(form.service) or None
    level = Level(form.level.data) if form.level and usable(form.level) else None
    return form, stats.StatsFilter(start, end, service, level)


def _chart(values: list[int], labels: list[str]):
    """Bars on an axis rounded up to a multiple of 5 (the IKM chart's layout)."""
    top = max(5, -(-max(values, default=0) // 5) * 5)
    return diagrams.bar_chart(values, labels, top=top), top


@bp.get("/dasbor")
@role_required(*STAFF)
def dashboard():
    """The printable dashboard page."""
    form, filters = _filters()
    dash = stats.dashboard(filters)
    chart, top = _chart([n for _l, n in dash.per_month], [lbl for lbl, _n in dash.per_month])
    return render_template(
        "reports/dashboard.html",
        form=form,
        dash=dash,
        tables=tables(dash, one_level=form.level is None, page=True),
        chart=chart,
        top=top,
    )


def _export_title(f: stats.StatsFilter) -> str:
    """What an exported file covers, as its first line: the period and any filter."""
    parts = [f"Periode {tanggal(f.start)} s.d. {tanggal(f.end)}"]
    service = catalog.get(f.service) if f.service else None
    if service is not None:
        parts.append(f"Layanan {service.short_name or service.name}")
    if f.level is not None:
        parts.append(f"Tingkat {f.level.label}")
    return "Dasbor SISAKAT · " + " · ".join(parts)


@bp.get("/dasbor.xlsx")
@role_required(*STAFF)
def dashboard_xlsx():
    """The dashboard tables as an XLSX workbook."""
    _form, f = _filters()
    data = table_export.xlsx(_export_title(f), tables(stats.dashboard(f)))
    return download(data, XLSX, f"dasbor-{f.start:%Y%m%d}-{f.end:%Y%m%d}.xlsx")


@bp.get("/dasbor.csv")
@role_required(*STAFF)
def dashboard_csv():
    """The dashboard tables as CSV (semicolons, UTF-8 with BOM for Excel)."""
    _form, f = _filters()
    dash_tables = tables(stats.dashboard(f))
    data = "\ufeff" + table_export.csv_text(dash_tables, title=_export_title(f))
    return download(data, "text/csv", f"dasbor-{f.start:%Y%m%d}-{f.end:%Y%m%d}.csv")
