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


def _period() -> tuple[IkmFilterForm, date, date]:
    """The requested period and service (``PeriodForm.period``; an unknown service is left
    out with a message, the period stays)."""
    form = IkmFilterForm(request.args)
    start, end = form.period(numbering.office_today())
    if form.service.errors:
        form.service.errors = ["Layanan tidak dikenal; semua layanan ditampilkan."]
        form.service.data = ""
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
