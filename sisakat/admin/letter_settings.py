"""Super admin: the letter wording that differs between offices, with a DRAF preview."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from sisakat.admin.routes import bp
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.forms_common import clean_text, no_control_chars
from sisakat.models import Role
from sisakat.pdf.skt import render_skt
from sisakat.policies import role_required
from sisakat.services import letter_settings, numbering
from sisakat.services.letter_context import build_context, sample_profile

TEXT = [clean_text]
REQ = "Wajib diisi."


class LetterForm(FlaskForm):
    """Opening, item 8 statement, closing, BSrE footer, tembusan (one per line), page size."""

    opening = TextAreaField(
        "Kalimat pembuka",
        filters=TEXT,
        validators=[DataRequired(REQ), Length(max=1000), no_control_chars],
    )
    statement = TextAreaField(
        "Butir 8 (surat pernyataan)",
        filters=TEXT,
        validators=[DataRequired(REQ), Length(max=500), no_control_chars],
    )
    closing = TextAreaField(
        "Kalimat penutup", filters=TEXT, validators=[Length(max=500), no_control_chars]
    )
    footer_bsre = TextAreaField(
        "Catatan kaki TTE (BSrE)", filters=TEXT, validators=[Length(max=1000), no_control_chars]
    )
    tembusan = TextAreaField(
        "Tembusan (satu per baris)", filters=TEXT, validators=[Length(max=2000), no_control_chars]
    )
    page_size = SelectField(
        "Ukuran kertas", choices=[SelectChoice("A4", "A4"), SelectChoice("F4", "F4 (215 x 330 mm)")]
    )


@bp.route("/pengaturan-surat", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def letter_settings_edit():
    """Edit the letter wording; "Pratinjau" shows a DRAF letter of a fictional party."""
    current = letter_settings.letter_groups()["letter"]
    form = LetterForm(data={**current, "tembusan": "\n".join(current.get("tembusan") or [])})
    if form.validate_on_submit():
        values = {**form.data, "tembusan": (form.tembusan.data or "").split("\n")}
        try:
            letter_settings.save_letter(values, actor=current_user)
            db.session.commit()
        except DomainError as exc:
            db.session.rollback()
            flash(exc.message, "danger")
        else:
            flash("Pengaturan surat disimpan.", "success")
            return redirect(url_for("admin.letter_settings_edit"))
    return render_template("admin/letter_settings.html", form=form)


@bp.get("/pengaturan-surat/pratinjau.pdf")
@role_required(Role.SUPERADMIN)
def letter_preview():
    """A DRAF PDF of a fictional party with the saved settings (writes nothing)."""
    ctx = build_context(
        profile=sample_profile(),
        settings=letter_settings.letter_groups(),
        number_text="",
        issued_on=numbering.office_today(),
        verification_url="",
        code="",
        draft=True,
        srikandi=letter_settings.is_srikandi_mode(),
        emblem_png=letter_settings.emblem_png(),
    )
    response = Response(render_skt(ctx), mimetype="application/pdf")
    response.headers["Content-Disposition"] = 'inline; filename="pratinjau-skt.pdf"'
    response.headers["Cache-Control"] = "no-store"
    return response
