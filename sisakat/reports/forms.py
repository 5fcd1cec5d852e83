"""Report filters (GET forms, no CSRF)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms.validators import Optional

from sisakat.forms_common import plausible_date


class PeriodForm(FlaskForm):
    """A reporting period; empty means the current year to date."""

    class Meta:
        csrf = False

    start = DateField("Dari tanggal", validators=[Optional(), plausible_date])
    end = DateField("Sampai tanggal", validators=[Optional(), plausible_date])
