"""The registry of reported ormas (staff): search, filters, paging and the XLSX export."""

from __future__ import annotations

from flask import render_template, request
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional

from sisakat.forms_common import (
    clean_text,
    filter_args,
    no_control_chars,
    page_number,
    usable,
)
from sisakat.models import LegalForm
from sisakat.policies import role_required
from sisakat.reports.ikm import STAFF
from sisakat.reports.party_register import _today
from sisakat.reports.routes import bp
from sisakat.routing import XLSX, download
from sisakat.services import ormas_registry, table_export


class OrmasFilterForm(FlaskForm):
    """Search and filters of the registry (GET form, no CSRF)."""

    class Meta:
        csrf = False

    q = StringField(
        "Cari nama, singkatan atau ketua",
        filters=[clean_text],
        validators=[
            Optional(),
            Length(max=120, message="Paling banyak 120 karakter."),
            no_control_chars,
        ],
    )
    bentuk = SelectField(
        "Bentuk",
        choices=[SelectChoice("", "Semua bentuk")]
        + [SelectChoice(f.value, f.label) for f in LegalForm],
        default="",
    )
    bidang = SelectField("Bidang kegiatan", choices=[], default="")
    status = SelectField(
        "Status surat",
        choices=[SelectChoice("", "Semua status")]
        + [SelectChoice(k, v) for k, v in ormas_registry.STATUS_LABELS.items()],
        default="",
    )


def _filters() -> tuple[OrmasFilterForm, ormas_registry.OrmasFilter]:
    """The form and the filter it describes: a bad value is left out with its message beside
    its field (``usable``), the other filters still apply."""
    form = OrmasFilterForm(request.args)
    form.bidang.choices = [SelectChoice("", "Semua bidang")] + [
        SelectChoice(f, f) for f in ormas_registry.fields_of_activity()
    ]
    form.validate()
    legal_form = usable(form.bentuk)
    filters = ormas_registry.OrmasFilter(
        search=usable(form.q) or "",
        legal_form=LegalForm(legal_form) if legal_form else None,
        field=usable(form.bidang) or "",
        status=usable(form.status) or "",
    )
    return form, filters


@bp.get("/register-ormas")
@role_required(*STAFF)
def ormas_register():
    """Every ormas account with its legal data, chair, term and letter state (paged)."""
    form, filters = _filters()
    pagination, rows = ormas_registry.page(filters, _today(), page_no=page_number(request.args))
    args = filter_args(form, request.args)
    return render_template(
        "reports/ormas_register.html",
        form=form,
        pagination=pagination,
        rows=rows,
        cells=ormas_registry.page_cells,
        header=ormas_registry.HEADER,
        args=args,
    )


@bp.get("/register-ormas.xlsx")
@role_required(*STAFF)
def ormas_register_xlsx():
    """Every ormas matching the filters, with the page's columns, as XLSX."""
    _form, filters = _filters()
    today = _today()
    rows = ormas_registry.every_row(filters, today)
    title = ormas_registry.title(filters, today)
    data = table_export.xlsx(title, [ormas_registry.table(rows)])
    return download(data, XLSX, f"register-ormas-{_today():%Y%m%d}.xlsx")
