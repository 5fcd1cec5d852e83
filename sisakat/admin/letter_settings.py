"""Super admin: a service's letter wording and the letter settings all services share, with a
DRAF preview of that service's letter."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from sisakat.admin.routes import bp
from sisakat.admin.service_catalog import service_from_args
from sisakat.forms_common import ActionForm, SeenForm, clean_text, no_control_chars, single_line
from sisakat.models import Role
from sisakat.pdf.skt import render_skt
from sisakat.policies import role_required
from sisakat.routing import commit_or_show
from sisakat.services import (
    catalog,
    concurrency,
    letter_profile,
    letter_settings,
    numbering,
    storage,
)
from sisakat.services.letter_context import build_context

TEXT = [clean_text]
REQ = "Wajib diisi."


class LetterForm(ActionForm, SeenForm):
    """The service's title, opening, statement, closing and tembusan (one per line); the BSrE
    footer and page size every service shares. ``version``: the service's; ``seen``: the digest
    of the shared settings (``letter_settings.LETTER_SHARED``)."""

    title = StringField(
        "Judul surat",
        filters=TEXT,
        validators=[DataRequired(REQ), Length(max=200), no_control_chars, single_line],
    )
    opening = TextAreaField(
        "Kalimat pembuka",
        filters=TEXT,
        validators=[DataRequired(REQ), Length(max=1000), no_control_chars],
    )
    statement = TextAreaField(
        "Pernyataan (butir terakhir)",
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


def _form_data(service) -> dict:
    """The service's saved wording as the form shows it (tembusan one per line) and its version."""
    current = letter_settings.letter_groups(service)["letter"]
    return {
        **current,
        "tembusan": "\n".join(current.get("tembusan") or []),
        "version": str(service.version),
        "seen": _shared_token(),
    }


def _shared_token() -> str:
    return concurrency.settings_token(letter_settings.LETTER_SHARED)


@bp.route("/pengaturan-surat", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def letter_settings_edit():
    """Edit a service's letter wording (``?layanan=``); "Pratinjau" shows a DRAF letter of a
    fictional applicant of that service."""
    service = service_from_args()
    form = LetterForm(data=_form_data(service) if request.method == "GET" else None)
    values = {**form.data, "tembusan": (form.tembusan.data or "").split("\n")}
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: letter_settings.save_letter(
            service,
            values,
            seen_version=form.seen_version(),
            actor=current_user,
            seen=form.seen_digest(),
        ),
        _shared_token,
        version=lambda: service.version,
    ):
        flash("Pengaturan surat disimpan.", "success")
        return redirect(url_for("admin.letter_settings_edit", layanan=service.code))
    services = catalog.all_services()
    return render_template(
        "admin/letter_settings.html", form=form, service=service, services=services
    )


@bp.get("/pengaturan-surat/pratinjau.pdf")
@role_required(Role.SUPERADMIN)
def letter_preview():
    """A DRAF PDF of a fictional applicant with the service's saved wording (writes nothing)."""
    service = service_from_args()
    groups = letter_settings.letter_groups(service)
    ctx = build_context(
        profile=letter_profile.sample_profile(
            service.applicant_kind, groups["agency"].get("region")
        ),
        settings=groups,
        number_text="",
        issued_on=numbering.office_today(),
        verification_url="",
        code="",
        draft=True,
        srikandi=letter_settings.is_srikandi_mode(),
        emblem_png=letter_settings.emblem_png(),
    )
    name = f"pratinjau-{service.code}.pdf"
    return storage.send_drawn(
        render_skt(ctx), mimetype="application/pdf", name=name, attachment=False
    )
