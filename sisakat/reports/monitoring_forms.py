"""Filters of the dashboard and the party register (GET forms, no CSRF)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional

from sisakat.forms_common import clean_text, no_control_chars, offer_levels
from sisakat.reports.forms import PeriodForm
from sisakat.services import catalog, office
from sisakat.services.register import STATE_LABELS


def service_choices() -> list[SelectChoice]:
    """ "Semua layanan" and every service in the catalog (inactive ones too: their history)."""
    return [SelectChoice("", "Semua layanan")] + [
        SelectChoice(s.code, s.short_name or s.name) for s in catalog.all_services()
    ]


VALIDITY_CHOICES = [SelectChoice("", "Semua")] + [
    SelectChoice(key, label) for key, label in STATE_LABELS.items()
]


class DashboardFilterForm(PeriodForm):
    """Period, service and level."""

    service = SelectField("Layanan", choices=[], default="")
    level = SelectField("Tingkat", choices=[], default="")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.service.choices = service_choices()
        offer_levels(self, office.listed_levels(), "Semua tingkat")


class IkmFilterForm(PeriodForm):
    """Period and service of the IKM report (default: every service)."""

    service = SelectField("Layanan", choices=[], default="")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.service.choices = service_choices()


class RegisterFilterForm(FlaskForm):
    """Level, region and validity of the register."""

    class Meta:
        csrf = False

    level = SelectField("Tingkat", choices=[], default="")
    region = StringField(
        "Wilayah",
        filters=[clean_text],
        validators=[Optional(), Length(max=120), no_control_chars],
    )
    validity = SelectField("Keadaan", choices=VALIDITY_CHOICES, default="")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offer_levels(self, office.listed_levels(), "Semua tingkat")
