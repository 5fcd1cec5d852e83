"""Report filters (GET forms, no CSRF)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms.validators import Optional


class PeriodForm(FlaskForm):
    """A reporting period; empty means the current year to date."""

    class Meta:
        csrf = False

    start = DateField("Dari tanggal", validators=[Optional()])
    end = DateField("Sampai tanggal", validators=[Optional()])
