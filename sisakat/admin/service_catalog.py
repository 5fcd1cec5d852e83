"""Super admin "Layanan": the list of services, a new service, a service's settings.

The other per-service screens (requirement list, Standar Pelayanan, letter wording, numbering)
pick their service with ``service_from_args`` (``?layanan=<code>``) or their URL.
"""

from __future__ import annotations

from decimal import Decimal

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from sisakat.admin.routes import bp
from sisakat.forms_common import (
    ActionForm,
    DecimalField,
    IntegerField,
    clean_text,
    no_control_chars,
    single_line,
)
from sisakat.models import ApplicantKind, Role, Service
from sisakat.policies import role_required
from sisakat.routing import commit_or_show, flash_if_marked, or_404
from sisakat.services import catalog, letter_settings, numbering, service_config, service_info

TEXT = [clean_text]
LINE = [no_control_chars, single_line]
REQ = "Wajib diisi."


def service_from_args() -> Service:
    """The service named by ``?layanan=`` (unknown: 404), else the first in display order."""
    code = request.args.get("layanan", "")
    if code:
        return or_404(catalog.get(code))
    services = catalog.all_services()
    return services[0] if services else abort(404)


def sla_hours(minutes: int) -> Decimal:
    """Stored working minutes as hours for the form: 60 -> 1, 90 -> 1.5, 7200 -> 120."""
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"))
    return hours.quantize(Decimal(1)) if hours == hours.to_integral_value() else hours.normalize()


def _minutes(hours: Decimal) -> int:
    return int((hours * 60).to_integral_value())


def _sla_field() -> DecimalField:
    return DecimalField(
        "Janji layanan (jam kerja)",
        places=None,  # shows sla_hours' own text: 1, 1.5, 120
        validators=[
            InputRequired(REQ),
            NumberRange(Decimal("0.25"), Decimal(480), "Antara 0,25 dan 480 jam kerja."),
        ],
    )


def _code_shape(message: str):
    """A validator: the value is a well-formed code (``catalog.is_code``, the service's rule),
    judged with the other fields instead of after them."""

    def check(form, field) -> None:
        if field.data and not catalog.is_code(field.data):
            raise ValidationError(message)

    return check


class ServiceNewForm(FlaskForm):
    """Code, names, applicant kind, number series and SLA of a new service."""

    code = StringField(
        "Kode layanan",
        filters=TEXT,
        validators=[
            DataRequired(REQ),
            Length(max=32),
            *LINE,
            _code_shape(service_config.CODE_RULE),
        ],
    )
    name = StringField(
        "Nama layanan", filters=TEXT, validators=[DataRequired(REQ), Length(max=200), *LINE]
    )
    short_name = StringField("Nama singkat", filters=TEXT, validators=[Length(max=60), *LINE])
    applicant_kind = SelectField(
        "Pemohon", choices=[SelectChoice(k.value, k.label) for k in ApplicantKind]
    )
    number_series = StringField(
        "Seri nomor surat",
        filters=TEXT,
        validators=[Optional(), Length(max=32), *LINE, _code_shape(service_config.SERIES_RULE)],
    )
    sla = _sla_field()


class ServiceEditForm(ActionForm):
    """Everything of a service the admin may change (the code, kind and series stay)."""

    name = StringField(
        "Nama layanan", filters=TEXT, validators=[DataRequired(REQ), Length(max=200), *LINE]
    )
    short_name = StringField("Nama singkat", filters=TEXT, validators=[Length(max=60), *LINE])
    active = BooleanField("Aktif (tampil di halaman publik dan dapat diajukan)")
    sort_order = IntegerField(
        "Urutan tampil", validators=[InputRequired(REQ), NumberRange(0, 9999, "Antara 0 dan 9999.")]
    )
    sla = _sla_field()
    letter_title = StringField(
        "Judul surat", filters=TEXT, validators=[DataRequired(REQ), Length(max=200), *LINE]
    )
    letter_opening = TextAreaField(
        "Kalimat pembuka", filters=TEXT, validators=[Length(max=1000), no_control_chars]
    )
    letter_statement = TextAreaField(
        "Pernyataan (butir terakhir)", filters=TEXT, validators=[Length(max=500), no_control_chars]
    )
    letter_closing = TextAreaField(
        "Kalimat penutup", filters=TEXT, validators=[Length(max=500), no_control_chars]
    )
    letter_tembusan = TextAreaField(
        "Tembusan (satu per baris)", filters=TEXT, validators=[Length(max=2000), no_control_chars]
    )
    number_template = StringField(
        "Format nomor", filters=TEXT, validators=[DataRequired(REQ), Length(max=120), *LINE]
    )
    number_kode = StringField("Kode klasifikasi", filters=TEXT, validators=[Length(max=40), *LINE])
    number_unit = StringField("Kode unit", filters=TEXT, validators=[Length(max=40), *LINE])
    number_padding = IntegerField(
        "Jumlah digit nomor urut (0 = tanpa nol di depan)",
        validators=[InputRequired(REQ), NumberRange(0, 6, "Antara 0 dan 6.")],
    )


def _edit_data(service: Service) -> dict:
    return {
        "version": str(service.version),
        "name": service.name,
        "short_name": service.short_name,
        "active": service.active,
        "sort_order": service.sort_order,
        "sla": sla_hours(service.sla_minutes),
        "letter_title": service.letter_title,
        "letter_opening": service.letter_opening,
        "letter_statement": service.letter_statement,
        "letter_closing": service.letter_closing,
        "letter_tembusan": "\n".join(service.letter_tembusan),
        "number_template": service.number_template,
        "number_kode": service.number_kode,
        "number_unit": service.number_unit,
        "number_padding": service.number_padding,
    }


def _edit_values(form: ServiceEditForm) -> dict:
    values = {
        key: form[key].data
        for key in (
            "name",
            "short_name",
            "sort_order",
            "letter_title",
            "letter_opening",
            "letter_statement",
            "letter_closing",
            "number_template",
            "number_kode",
            "number_unit",
            "number_padding",
        )
    }
    values["active"] = bool(form.active.data)
    values["sla_minutes"] = _minutes(form.sla.data)
    values["letter_tembusan"] = (form.letter_tembusan.data or "").split("\n")
    return values


@bp.get("/layanan")
@role_required(Role.SUPERADMIN)
def service_list():
    """Every service with its kind, state, SLA, series and links to its other screens."""
    services = catalog.all_services()
    year = numbering.office_today().year
    return render_template(
        "admin/services.html",
        services=services,
        hours=sla_hours,
        year=year,
        next_serial={
            s.number_series: numbering.next_serial(s.number_series, year) for s in services
        },
    )


@bp.route("/layanan-baru", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def service_new():
    """Create a service by configuration; its requirement list starts empty."""
    form = ServiceNewForm(data={"sla": Decimal(1)} if request.method == "GET" else None)
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: service_config.create(
            code=form.code.data,
            name=form.name.data,
            short_name=form.short_name.data or "",
            applicant_kind=ApplicantKind(form.applicant_kind.data),
            number_series=form.number_series.data or "",
            sla_minutes=_minutes(form.sla.data),
            actor=current_user,
        ),
    ):
        flash("Layanan dibuat. Lengkapi isi surat, penomoran dan daftar persyaratannya.", "success")
        return redirect(url_for(".service_edit", service_code=form.code.data))
    if request.method == "POST":
        flash_if_marked(form, "Layanan belum dibuat. Periksa isian yang ditandai.")
    return render_template("admin/service_new.html", form=form)


def _saved_note(service_code: str, changed: list[str]) -> tuple[str, str]:
    """The message of a save; a new SLA leaves a saved Standar Pelayanan's words as they were."""
    if not changed:
        return "Tidak ada perubahan.", "success"
    if "sla_minutes" not in changed:
        return "Layanan disimpan.", "success"
    if service_info.saved_duration(service_code) is not None:
        standard = (
            "Jangka waktu pelayanan yang diumumkan tidak ikut berubah: sesuaikan di Standar "
            "Pelayanan layanan ini."
        )
    else:
        standard = "Standar Pelayanan kini menyebut janji layanan ini."
    faq_note = "Sesuaikan juga jawaban FAQ tentang lama layanan, bila ada."
    return f"Layanan disimpan. {standard} {faq_note}", "warning"


@bp.route("/layanan/<service_code>/ubah", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def service_edit(service_code: str):
    """Change a service; applications in progress keep their requirement list and letter."""
    service = or_404(catalog.get(service_code))
    form = ServiceEditForm(data=_edit_data(service) if request.method == "GET" else None)
    changed: list[str] = []
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: changed.extend(
            letter_settings.update_service(
                service, _edit_values(form), seen_version=form.seen_version(), actor=current_user
            )
        ),
        version=lambda: service.version,
    ):
        flash(*_saved_note(service_code, changed))
        return redirect(url_for(".service_edit", service_code=service_code))
    elif request.method == "POST":
        flash_if_marked(form, "Layanan belum tersimpan. Periksa isian yang ditandai.")
    return render_template(
        "admin/service_edit.html",
        form=form,
        service=service,
        sharing=service_config.sharing_series(service),
        published=service_info.saved_duration(service_code),
    )
