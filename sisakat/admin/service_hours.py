"""Super admin screen: office hours, holidays, reminder window (the SLA is per service)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice, SelectMultipleField, TextAreaField, TimeField
from wtforms.validators import InputRequired, Length, NumberRange

from sisakat.admin.routes import bp
from sisakat.admin.settings_pages import _apply, seen_on_get
from sisakat.forms_common import IntegerField, SeenForm, clean_text, int_choice, no_control_chars
from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.services import service_hours

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
REQUIRED = "Wajib diisi."


class ServiceHoursForm(SeenForm):
    """The five settings."""

    start = TimeField("Jam mulai layanan", validators=[InputRequired(REQUIRED)])
    end = TimeField("Jam selesai layanan", validators=[InputRequired(REQUIRED)])
    workdays = SelectMultipleField(
        "Hari kerja", choices=[SelectChoice(i, d) for i, d in enumerate(DAYS, 1)], coerce=int_choice
    )
    holidays = TextAreaField(
        "Hari libur (satu tanggal TTTT-BB-HH per baris)",
        filters=[clean_text],
        validators=[Length(max=5000, message="Maksimal 5000 karakter."), no_control_chars],
    )
    days = IntegerField(
        "Pengingat sebelum berakhir (hari)",
        validators=[InputRequired(REQUIRED), NumberRange(1, 365, "Antara 1 dan 365 hari.")],
    )


@bp.route("/pengaturan/jam-layanan", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def settings_service_hours():
    """Edit the working hours used by the queue, the dashboard and the reminders."""
    v = service_hours.current()
    initial = dict(
        start=v["office.hours_start"],
        end=v["office.hours_end"],
        workdays=v["office.workdays"],
        holidays=v["office.holidays"],
        days=v["reminder.days_before"],
    )
    form = ServiceHoursForm(data=_as_times(initial) if request.method == "GET" else None)
    seen_on_get(form, service_hours.KEYS)
    if form.validate_on_submit():
        fields = {k: form[k].data for k in ("start", "end", "workdays", "holidays", "days")}
        saved = _apply(
            lambda: service_hours.update(**fields, actor=current_user, seen=form.seen_digest()),
            form=form,
            page_keys=service_hours.KEYS,
        )
        if saved:
            return redirect(url_for(".settings_service_hours"))
    elif request.method == "POST":
        flash("Pengaturan belum tersimpan. Periksa isian yang ditandai.", "danger")
    return render_template("admin/settings_service_hours.html", form=form)


def _as_times(values: dict) -> dict:
    """Stored "HH:MM" strings as ``time`` objects for the TimeFields."""
    from datetime import time

    for key in ("start", "end"):
        values[key] = time.fromisoformat(str(values[key]))
    return values
