"""The register of party boards (rekapitulasi) with filters and exports, and a board's history."""

from __future__ import annotations

from flask import abort, render_template, request

from sisakat.extensions import db
from sisakat.forms_common import usable
from sisakat.models import ApplicantKind, Application, Letter, Level, Party
from sisakat.policies import role_required
from sisakat.reports.ikm import STAFF
from sisakat.reports.monitoring_forms import RegisterFilterForm
from sisakat.reports.routes import bp
from sisakat.routing import XLSX, download
from sisakat.services import (
    expiry,
    numbering,
    parties,
    party_level,
    register,
    reminder_texts,
    table_export,
)


def _today():
    return numbering.office_today()


def _filters() -> tuple[RegisterFilterForm, register.RegisterFilter]:
    """The filter form and the filters it describes: a bad value is left out with its message
    beside its field (``usable``), the other filters still apply (page and exports alike)."""
    form = RegisterFilterForm(request.args)
    form.validate()
    level = usable(form.level) if form.level else None
    filters = register.RegisterFilter(
        level=Level(level) if level else None,
        region=usable(form.region) or "",
        state=usable(form.validity) or "",
        kind=ApplicantKind.PARPOL,
    )
    return form, filters


@bp.get("/rekap-partai")
@role_required(*STAFF)
def party_register():
    """Every board with its current SKT and term of office; expiring ones highlighted."""
    form, filters = _filters()
    rows = register.rows(filters, _today())
    return render_template(
        "reports/party_register.html", form=form, rows=rows, days=expiry.days_before()
    )


def _export() -> tuple[str, list[table_export.Table]]:
    """The exports' title line (the day and the filters they cover) and their one table."""
    _form, filters = _filters()
    today = _today()
    return register.title(filters, today), [register.table(register.rows(filters, today))]


@bp.get("/rekap-partai.xlsx")
@role_required(*STAFF)
def party_register_xlsx():
    """The register as XLSX."""
    title, tables = _export()
    data = table_export.xlsx(title, tables)
    return download(data, XLSX, f"rekap-partai-{_today():%Y%m%d}.xlsx")


@bp.get("/rekap-partai.csv")
@role_required(*STAFF)
def party_register_csv():
    """The register as CSV."""
    title, tables = _export()
    data = "\ufeff" + table_export.csv_text(tables, title=title)
    return download(data, "text/csv", f"rekap-partai-{_today():%Y%m%d}.csv")


@bp.get("/rekap-partai/<int:party_id>")
@role_required(*STAFF)
def party_history(party_id: int):
    """One board's applications and letters."""
    party = db.session.get(Party, party_id) or abort(404)
    apps = db.session.execute(
        db.select(Application).where(Application.party_id == party.id).order_by(Application.id)
    ).scalars()
    letters = db.session.execute(
        db.select(Letter)
        .join(Application, Letter.application_id == Application.id)
        .where(Application.party_id == party.id)
        .order_by(Letter.id)
    ).scalars()
    return render_template(
        "reports/party_history.html",
        party=party,
        applications=list(apps),
        letters=list(letters),
        today=_today(),
        greeting=reminder_texts.staff_greeting(party.board_name, parties.kind_of(party)),
        level_text=party_level.level_text(party),
    )
