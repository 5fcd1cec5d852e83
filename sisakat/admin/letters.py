"""Super admin: the register of issued letters (search, filters, XLSX and CSV exports) and
revoking (cabut) a letter."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from sisakat.admin.routes import bp
from sisakat.converters import parse_int
from sisakat.extensions import db
from sisakat.forms_common import ActionForm, clean_text, no_control_chars, page_number
from sisakat.models import Letter, Role
from sisakat.policies import role_required
from sisakat.routing import XLSX, download, flash_domain_errors, or_404
from sisakat.services import letter_public, letter_registry, numbering, table_export
from sisakat.services import letter_register as register_book

PER_PAGE = 25
SEARCH_MAX = 120  # the longest letter number (Letter.number_text) fits


class RevokeForm(ActionForm):
    """Reason (shown in short on the public page), confirmation, and the version seen."""

    reason = TextAreaField(
        "Alasan pencabutan",
        description=letter_public.REVOKE_REASON_HINT,
        filters=[clean_text],
        validators=[
            DataRequired("Alasan pencabutan wajib diisi."),
            Length(max=letter_registry.REASON_MAX, message="Paling banyak 500 karakter."),
            no_control_chars,
        ],
        render_kw={"rows": 2},
    )
    confirm = BooleanField(
        "Saya yakin mencabut surat ini",
        validators=[DataRequired("Centang konfirmasi pencabutan.")],
    )


class RegisterSearchForm(FlaskForm):
    """The register's search box (GET, no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    q = StringField(
        "Cari nomor surat atau nama pemohon",
        filters=[clean_text],
        validators=[
            Optional(),
            Length(max=SEARCH_MAX, message=f"Paling banyak {SEARCH_MAX} karakter."),
            no_control_chars,
        ],
    )


def _filters() -> tuple[RegisterSearchForm, dict]:
    """The search box and the filters from the query string: forged values are ignored, a
    refused search text is shown beside the box and not searched for."""
    form = RegisterSearchForm(request.args)
    status = request.args.get("status", "")
    return form, {
        "status": status if status in letter_registry.REGISTER_STATUSES else "",
        "year": parse_int(request.args.get("tahun"), low=2000, high=2999),
        "party_id": parse_int(request.args.get("partai"), low=1),
        "text": (form.q.data or "") if form.validate() else "",
    }


def _query_args(filters: dict) -> dict:
    """The filters as the page's links and export buttons carry them (empty ones left out)."""
    names = {"status": "status", "year": "tahun", "party_id": "partai", "text": "q"}
    return {names[k]: v for k, v in filters.items() if v}


def _view_args(filters: dict, number: int) -> dict:
    """The view a Cabut form returns to: the validated filters and the page (beyond the first),
    rebuilt here, so nothing else in a query string travels (no foreign keys, no other host)."""
    return _query_args(filters) | ({"page": number} if number > 1 else {})


@bp.get("/surat")
@role_required(Role.SUPERADMIN)
def letter_register():
    """Issued letters with their effective status, filterable by status, year and party, and
    searchable by number or applicant name."""
    return _register_page()


def _register_page(refused: tuple[int, RevokeForm] | None = None):
    """The register; ``refused``: a revoke form that did not validate, shown open again on
    its letter's row with what was typed and why it was refused. A page past the end says so
    and links the last one."""
    today = numbering.office_today()
    form, filters = _filters()
    query = letter_registry.register_query(**filters, today=today)
    number = page_number(request.args, "page")
    page = db.paginate(query, page=number, per_page=PER_PAGE, error_out=False)
    return render_template(
        "admin/letter_register.html",
        page=page,
        form=form,
        filters=filters,
        args=_query_args(filters),
        view_args=_view_args(filters, number),
        parties=register_book.applicants(),
        statuses=letter_registry.REGISTER_STATUSES,
        today=today,
        revoke_form=RevokeForm,
        refused_id=refused[0] if refused else None,
        refused_form=refused[1] if refused else None,
    )


def _export_table() -> tuple[str, list]:
    """The export's title line and its one table: every letter the page lists."""
    today = numbering.office_today()
    _form, filters = _filters()
    rows = register_book.every_letter(filters, today=today)
    return register_book.title(filters), [register_book.table(rows, today=today)]


@bp.get("/surat.xlsx")
@role_required(Role.SUPERADMIN)
def letter_register_xlsx():
    """The filtered register as an XLSX workbook."""
    title, tables = _export_table()
    name = f"register-surat-{numbering.office_today():%Y%m%d}.xlsx"
    return download(table_export.xlsx(title, tables), XLSX, name)


@bp.get("/surat.csv")
@role_required(Role.SUPERADMIN)
def letter_register_csv():
    """The filtered register as CSV (semicolons, UTF-8 with BOM for Excel)."""
    title, tables = _export_table()
    data = "\ufeff" + table_export.csv_text(tables, title=title)
    return download(data, "text/csv", f"register-surat-{numbering.office_today():%Y%m%d}.csv")


@bp.post("/surat/<int(max=2147483647):letter_id>/cabut")
@role_required(Role.SUPERADMIN)
def revoke_letter(letter_id: int):
    """Revoke an issued letter (reason required); the public page then says DICABUT. The form
    posts with the register view it was on (``_view_args``), which a refusal shows again and a
    revocation returns to."""
    letter = or_404(db.session.get(Letter, letter_id))
    form = RevokeForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for message in errors:
                flash(message, "danger")
        return _register_page(refused=(letter.id, form))  # the typed reason is kept
    with flash_domain_errors(typed_kept=True) as outcome:
        letter_registry.revoke(
            letter, reason=form.reason.data, actor=current_user, seen_version=form.seen_version()
        )
        db.session.commit()
        flash(f"Surat nomor {letter.number_text} dicabut.", "success")
    if not outcome.ok:  # e.g. revoked meanwhile: the register as it is now, the reason kept
        form.version.data = str(or_404(db.session.get(Letter, letter_id)).version)
        return _register_page(refused=(letter_id, form))
    return _back_to_register()


def _back_to_register():
    """A redirect to the register view the Cabut form was posted from (``_view_args``)."""
    _form, filters = _filters()
    number = page_number(request.args, "page")
    return redirect(url_for(".letter_register", **_view_args(filters, number)))
