"""Super admin: each service's number format, the number register and voiding unused numbers."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from sisakat.admin.routes import bp
from sisakat.admin.service_catalog import service_from_args
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.forms_common import (
    ActionForm,
    IntegerField,
    SeenForm,
    clean_text,
    no_control_chars,
    parse_int,
    single_line,
    year_param,
)
from sisakat.models import LetterNumber, NumberStatus, Role
from sisakat.policies import role_required
from sisakat.routing import commit_or_show
from sisakat.services import (
    catalog,
    concurrency,
    letter_settings,
    number_format,
    numbering,
    settings,
)
from sisakat.services import number_register as register_service
from sisakat.services import number_void as void_service

TEXT = [clean_text]
REQ = "Wajib diisi."


class NumberingForm(ActionForm, SeenForm):
    """A service's template, classification code, unit, padding; the mode (all services) and
    the next serial of this year in the service's series. ``version``: the service's; ``seen``:
    the digest of the mode (``letter_settings.NUMBERING_SHARED``)."""

    template = StringField(
        "Format nomor",
        filters=TEXT,
        validators=[DataRequired(REQ), Length(max=120), no_control_chars, single_line],
    )
    kode = StringField(
        "Kode klasifikasi", filters=TEXT, validators=[Length(max=40), no_control_chars, single_line]
    )
    unit = StringField(
        "Kode unit", filters=TEXT, validators=[Length(max=40), no_control_chars, single_line]
    )
    padding = IntegerField(
        "Jumlah digit nomor urut (0 = tanpa nol di depan)",
        validators=[InputRequired(REQ), NumberRange(0, 6, "Antara 0 dan 6.")],
    )
    mode = SelectField(
        "Penomoran oleh",
        choices=[
            SelectChoice("sisakat", "SISAKAT (nomor urut otomatis)"),
            SelectChoice("srikandi", "SRIKANDI (nomor diisi saat TTE)"),
        ],
    )
    year = HiddenField()  # the year whose next serial the page showed
    shown_serial = HiddenField()  # that next serial: a field left as shown leaves it alone
    next_serial = IntegerField(
        "Nomor urut berikutnya tahun ini",
        validators=[
            Optional(),
            NumberRange(
                1,
                number_format.MAX_SERIAL,
                f"Nomor urut berikutnya harus antara 1 dan {number_format.MAX_SERIAL:,}.".replace(
                    ",", "."
                ),
            ),
        ],
    )


class VoidForm(FlaskForm):
    """The reason a number is voided (kept in the register)."""

    reason = TextAreaField(
        "Alasan pembatalan",
        filters=TEXT,
        validators=[
            DataRequired("Alasan pembatalan wajib diisi."),
            Length(max=500),
            no_control_chars,
        ],
    )


def _current(service, year: int) -> dict:
    """The values the settings form starts from."""
    serial = numbering.next_serial(service.number_series, year)
    return {
        **number_format.service_format(service),
        "mode": settings.get("numbering.mode"),
        "next_serial": serial,
        "year": str(year),
        "shown_serial": str(serial),
        "version": str(service.version),
        "seen": _shared_token(),
    }


def _shown(form: NumberingForm) -> tuple[int | None, int | None]:
    """The year and next serial the page showed (hidden fields; None when absent or forged)."""
    return (
        parse_int(form.year.data, low=1900, high=2999),
        parse_int(form.shown_serial.data, low=1, high=number_format.MAX_SERIAL),
    )


def _shared_token() -> str:
    return concurrency.settings_token(letter_settings.NUMBERING_SHARED)


def _settings_page(form: NumberingForm, service, today: date):
    """The settings page: the form, this year's next serial of the series with the number it
    would print, and the services sharing the series."""
    serial = numbering.next_serial(service.number_series, today.year)
    form.year.data = str(today.year)  # the year this page shows, also after a refused save
    return render_template(
        "admin/numbering_settings.html",
        form=form,
        year=today.year,
        month=today.month,
        serial=serial,
        example=letter_settings.number_example(service, today, serial),
        service=service,
        services=catalog.all_services(),
        sharing=[s for s in catalog.all_services() if s.number_series == service.number_series],
    )


@bp.route("/penomoran", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def numbering_settings():
    """A service's number format (``?layanan=``) with a live example, and the next serial of
    its series (services sharing a series share the serial)."""
    service = service_from_args()
    today = numbering.office_today()
    form = NumberingForm(data=_current(service, today.year) if request.method == "GET" else None)
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: letter_settings.save_numbering(
            service,
            values=form.data,
            year=today.year,
            next_value=form.next_serial.data,
            shown=_shown(form),
            seen_version=form.seen_version(),
            actor=current_user,
            seen=form.seen_digest(),
        ),
        _shared_token,
        version=lambda: service.version,
    ):
        flash("Pengaturan penomoran disimpan.", "success")
        return redirect(url_for("admin.numbering_settings", layanan=service.code))
    return _settings_page(form, service, today)


@bp.get("/nomor-surat")
@role_required(Role.SUPERADMIN)
def number_register():
    """The register of letter numbers, filterable by year, series and status; voided ones with
    their reasons."""
    year = year_param(request.args)
    status = request.args.get("status", "")
    series_names = register_service.series_names()
    series = request.args.get("seri", "")
    series = series if series in series_names else ""
    numbers, years = register_service.listing(year, status, series)
    return render_template(
        "admin/number_register.html",
        numbers=numbers,
        years=years,
        year=year,
        status=status,
        series=series,
        series_names=series_names,
        statuses=list(NumberStatus),
        blocked=void_service.void_block_reasons(numbers),
        awaiting_signature=register_service.awaiting_signature(numbers),
    )


@bp.route("/nomor-surat/<int:number_id>/batalkan", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def number_void(number_id: int):
    """Void a number not tied to an issued letter; the reason is required and kept."""
    number = db.session.get(LetterNumber, number_id) or abort(404)
    form = VoidForm()
    if form.validate_on_submit():
        try:
            void_service.void(number, reason=form.reason.data, actor=current_user)
            db.session.commit()
        except DomainError as exc:
            db.session.rollback()
            flash(exc.message, "danger")
        else:
            flash(f"Nomor {number.number_text} dibatalkan.", "success")
            return redirect(url_for("admin.number_register"))
    return render_template(
        "admin/number_void.html",
        number=number,
        form=form,
        blocked=void_service.void_block_reason(number),
        awaiting_signature=register_service.awaiting_signature([number]),
    )
