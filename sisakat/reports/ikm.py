"""The IKM report: NRR per element, the index with its formula and band, chart, XLSX, print."""

from __future__ import annotations

from datetime import date

from flask import render_template, request

from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.reports.monitoring_forms import IkmFilterForm
from sisakat.reports.routes import bp
from sisakat.routing import XLSX, download
from sisakat.services import diagrams, ikm_export, numbering, survey
from sisakat.services import ikm as ikm_math

STAFF = (Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN)
MAX_DAYS = 3 * 366


def _period() -> tuple[IkmFilterForm, date, date]:
    """The requested period; defaults to 1 January of this year up to today (office time)."""
    form = IkmFilterForm(request.args)
    today = numbering.office_today()
    ok = form.validate()
    for field in (form.start, form.end):
        if field.errors:  # WTForms' own parse message is English
            field.errors = ["Tanggal tidak valid; periode bawaan ditampilkan."]
    if form.service.errors:
        form.service.errors = ["Layanan tidak dikenal; semua layanan ditampilkan."]
        form.service.data = ""
    start = (form.start.data if ok else None) or date(today.year, 1, 1)
    end = (form.end.data if ok else None) or today
    if end < start or (end - start).days > MAX_DAYS:
        form.end.errors = ["Periode tidak valid (terbalik atau lebih dari 3 tahun)."]
        start, end = date(today.year, 1, 1), today
    form.start.data, form.end.data = start, end  # show the period actually reported
    return form, start, end


@bp.get("/ikm")
@role_required(*STAFF)
def ikm():
    """The printable report page."""
    form, start, end = _period()
    rep = survey.report(start, end, form.service.data or None)
    chart = diagrams.bar_chart(rep.result.nrr, [f"U{i}" for i in range(1, 10)])
    return render_template(
        "reports/ikm.html",
        form=form,
        rep=rep,
        chart=chart,
        elements=ikm_math.ELEMENTS,
        bands=ikm_math.BANDS,
        formula=ikm_math.FORMULA,
    )


@bp.get("/ikm.xlsx")
@role_required(*STAFF)
def ikm_xlsx():
    """The same report as an XLSX workbook."""
    form, start, end = _period()
    data = ikm_export.workbook(survey.report(start, end, form.service.data or None))
    name = f"ikm-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
    return download(data, XLSX, name)
