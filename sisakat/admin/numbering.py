"""Super admin: letter-number settings, the number register and voiding unused numbers."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from sisakat.admin.routes import bp
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.forms_common import clean_text, no_control_chars, single_line, year_param
from sisakat.models import LetterNumber, NumberStatus, Role
from sisakat.policies import role_required
from sisakat.services import letter_settings, numbering, settings
from sisakat.services import number_register as register_service

TEXT = [clean_text]
REQ = "Wajib diisi."


class NumberingForm(FlaskForm):
    """Template, classification code, unit, padding, mode and the next serial of this year."""

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
    next_serial = IntegerField(
        "Nomor urut berikutnya tahun ini",
        validators=[Optional(), NumberRange(1, 999999, "Nomor urut tidak valid.")],
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


def _example(fmt: dict, year: int) -> str:
    try:
        return numbering.format_number(
            fmt["template"],
            kode=fmt["kode"],
            serial=1,
            unit=fmt["unit"],
            year=year,
            month=6,
            padding=fmt["padding"],
        )
    except DomainError as exc:
        return exc.message


def _current(fmt: dict, year: int) -> dict:
    """The values the settings form starts from."""
    mode = settings.get("numbering.mode")
    return {**fmt, "mode": mode, "next_serial": numbering.next_serial(numbering.SKT, year)}


@bp.route("/penomoran", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def numbering_settings():
    """Numbering settings with a live example of the number format."""
    year = numbering.office_today().year
    fmt = numbering.series_format(numbering.SKT)
    form = NumberingForm(data=_current(fmt, year))
    if form.validate_on_submit():
        try:
            letter_settings.save_numbering(
                numbering.SKT,
                values=form.data,
                year=year,
                next_value=form.next_serial.data,
                actor=current_user,
            )
            db.session.commit()
        except DomainError as exc:
            db.session.rollback()
            flash(exc.message, "danger")
        else:
            flash("Pengaturan penomoran disimpan.", "success")
            return redirect(url_for("admin.numbering_settings"))
    return render_template(
        "admin/numbering_settings.html", form=form, year=year, example=_example(fmt, year)
    )


@bp.get("/nomor-surat")
@role_required(Role.SUPERADMIN)
def number_register():
    """The register of letter numbers, filterable by year and status; voided ones with reasons."""
    year = year_param(request.args)
    status = request.args.get("status", "")
    numbers, years = register_service.listing(year, status)
    return render_template(
        "admin/number_register.html",
        numbers=numbers,
        years=years,
        year=year,
        status=status,
        statuses=list(NumberStatus),
        voidable=numbering.is_voidable,
    )


@bp.route("/nomor-surat/<int:number_id>/batalkan", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def number_void(number_id: int):
    """Void a number not tied to an issued letter; the reason is required and kept."""
    number = db.session.get(LetterNumber, number_id) or abort(404)
    form = VoidForm()
    if form.validate_on_submit():
        try:
            numbering.void(number, reason=form.reason.data, actor=current_user)
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
        blocked=numbering.void_block_reason(number),
    )
