"""Report filters (GET forms, no CSRF)."""

from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms.validators import Optional

from sisakat.forms_common import not_before, plausible_date, usable_range

MAX_DAYS = 3 * 366


class PeriodForm(FlaskForm):
    """A reporting period; empty means the current year to date."""

    class Meta:
        csrf = False

    start = DateField("Dari tanggal", validators=[Optional(), plausible_date])
    end = DateField("Sampai tanggal", validators=[Optional(), plausible_date, not_before("start")])

    def period(self, today: date) -> tuple[date, date]:
        """Validate the form and give the period to report by the one range rule
        (``usable_range``): a bad date, or both dates of a reversed range, are left out with
        their message beside the field and the default (1 January of this year; today) takes
        their place. The form's other fields keep their own errors: a caller reads each with
        ``usable``. A period longer than ``MAX_DAYS``, or reversed by a default, is reported as
        the default period, said beside the end date. The fields show the period reported."""
        self.validate()
        first, last = usable_range(self.start, self.end)
        default = (date(today.year, 1, 1), today)
        start, end = first or default[0], last or default[1]
        if end < start or (end - start).days > MAX_DAYS:
            self.end.errors = [*self.end.errors, "Periode terbalik atau lebih dari 3 tahun."]
            start, end = default
        note = (
            "Periode bawaan ditampilkan."
            if (start, end) == default
            else "Tanggal bawaan ditampilkan."
        )
        for field in (self.start, self.end):
            if field.errors:
                field.errors = [*field.errors, note]
        self.start.data, self.end.data = start, end
        return start, end
