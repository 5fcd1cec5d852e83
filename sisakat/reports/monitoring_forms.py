"""Filters of the dashboard and the party register (GET forms, no CSRF)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional

from sisakat.forms_common import clean_text, no_control_chars
from sisakat.models import SKT_PARPOL, Level
from sisakat.reports.forms import PeriodForm
from sisakat.services.register import STATE_LABELS

LEVEL_CHOICES = [SelectChoice("", "Semua tingkat")] + [
    SelectChoice(lv.value, lv.label) for lv in Level
]
SERVICE_CHOICES = [
    SelectChoice("", "Semua layanan"),
    SelectChoice(SKT_PARPOL, "SKT Partai Politik"),
]
VALIDITY_CHOICES = [SelectChoice("", "Semua")] + [
    SelectChoice(key, label) for key, label in STATE_LABELS.items()
]


class DashboardFilterForm(PeriodForm):
    """Period, service and level."""

    service = SelectField("Layanan", choices=SERVICE_CHOICES, default="")
    level = SelectField("Tingkat", choices=LEVEL_CHOICES, default="")


class RegisterFilterForm(FlaskForm):
    """Level, region and validity of the register."""

    class Meta:
        csrf = False

    level = SelectField("Tingkat", choices=LEVEL_CHOICES, default="")
    region = StringField(
        "Wilayah",
        filters=[clean_text],
        validators=[Optional(), Length(max=120), no_control_chars],
    )
    validity = SelectField("Keadaan", choices=VALIDITY_CHOICES, default="")
