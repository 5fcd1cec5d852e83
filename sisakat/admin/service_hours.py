"""Super admin screen: office hours per weekday, holidays, reminder window (the SLA is per
service)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice, SelectMultipleField, TextAreaField, TimeField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from sisakat.admin.routes import bp
from sisakat.admin.settings_pages import _apply, seen_on_get
from sisakat.formatting import HARI
from sisakat.forms_common import IntegerField, SeenForm, clean_text, int_choice, no_control_chars
from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.services import office_contacts, service_hours

REQUIRED = "Wajib diisi."
# Per day: the page's field, its label before the day's name.
TIMES = {
    "start": "Jam mulai",
    "end": "Jam selesai",
    "break_start": "Istirahat mulai",
    "break_end": "Istirahat selesai",
}


class ServiceHoursForm(SeenForm):
    """Working days, four times per weekday (``start_5`` ... ``break_end_5`` for Jumat),
    holidays and the reminder window."""

    workdays = SelectMultipleField(
        "Hari kerja", choices=[SelectChoice(i, d) for i, d in enumerate(HARI, 1)], coerce=int_choice
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

    def rows(self) -> list[tuple]:
        """Per weekday: (number, name, [(short label, time field)] * 4) for the page."""
        return [
            (n, name, [(label, self[f"{key}_{n}"]) for key, label in TIMES.items()])
            for n, name in enumerate(HARI, 1)
        ]

    def schedule(self) -> dict[int, service_hours.DayHours]:
        """What was sent, per ISO weekday."""
        ticked = set(self.workdays.data or [])
        return {
            n: service_hours.DayHours(n in ticked, *(self[f"{k}_{n}"].data for k in TIMES))
            for n in range(1, 8)
        }


def _add_time_fields() -> None:
    """The 28 time fields, ``start_1`` ("Jam mulai Senin") to ``break_end_7``: WTForms reads
    fields set on the class after it is made as if they were written in it."""
    for number, name in enumerate(HARI, 1):
        for key, label in TIMES.items():
            field = TimeField(f"{label} {name}", [Optional()])
            setattr(ServiceHoursForm, f"{key}_{number}", field)


_add_time_fields()


def _initial() -> dict:
    """The stored values as the form's data."""
    values = service_hours.current()
    data = {"holidays": values["holidays"], "days": values["reminder_days"]}
    data["workdays"] = [n for n, day in values["days"].items() if day.open]
    for n, day in values["days"].items():
        data.update({f"{key}_{n}": getattr(day, key) for key in TIMES})
    return data


@bp.route("/pengaturan/jam-layanan", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def settings_service_hours():
    """Edit the working hours used by the queue, the dashboard and the reminders."""
    form = ServiceHoursForm(data=_initial() if request.method == "GET" else None)
    seen_on_get(form, service_hours.KEYS)
    if form.validate_on_submit():
        saved = _apply(
            lambda: service_hours.update(
                days=form.schedule(),
                holidays=form.holidays.data,
                reminder_days=form.days.data,
                actor=current_user,
                seen=form.seen_digest(),
            ),
            form=form,
            page_keys=service_hours.KEYS,
        )
        if saved:
            return redirect(url_for(".settings_service_hours"))
    elif request.method == "POST":
        flash("Pengaturan belum tersimpan. Periksa isian yang ditandai.", "danger")
    return render_template(
        "admin/settings_service_hours.html",
        form=form,
        override=office_contacts.hours_override(),
    )
