"""Filters of the dashboard and the party register (GET forms, no CSRF)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import Length, Optional

from sisakat.forms_common import clean_text, no_control_chars
from sisakat.models import SKT_PARPOL, Level
from sisakat.reports.forms import PeriodForm

LEVEL_CHOICES = [("", "Semua tingkat")] + [(lv.value, lv.label) for lv in Level]
SERVICE_CHOICES = [("", "Semua layanan"), (SKT_PARPOL, "SKT Partai Politik")]
VALIDITY_CHOICES = [
    ("", "Semua"),
    ("berlaku", "Berlaku"),
    ("segera", "Segera berakhir"),
    ("kedaluwarsa", "Kedaluwarsa / berakhir"),
    ("tanpa", "Belum ada SKT"),
]


class DashboardFilterForm(PeriodForm):
    """Period, service and level."""

    service = SelectField("Layanan", choices=SERVICE_CHOICES, validate_choice=True)
    level = SelectField("Tingkat", choices=LEVEL_CHOICES, validate_choice=True)


class RegisterFilterForm(FlaskForm):
    """Level, region and validity of the register."""

    class Meta:
        csrf = False

    level = SelectField("Tingkat", choices=LEVEL_CHOICES, validate_choice=True)
    region = StringField(
        "Wilayah",
        filters=[clean_text],
        validators=[Optional(), Length(max=120), no_control_chars],
    )
    validity = SelectField("Keadaan", choices=VALIDITY_CHOICES, validate_choice=True)
