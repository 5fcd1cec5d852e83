"""Staff forms for complaint triage."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Length

from sisakat.forms_common import clean_text, no_control_chars
from sisakat.models import ComplaintStatus


class ComplaintReplyForm(FlaskForm):
    """A reply (shown to the complainant) and the new status."""

    status = SelectField(
        "Status",
        choices=[
            SelectChoice(ComplaintStatus.DIPROSES.value, "Diproses (tanggapi, belum selesai)"),
            SelectChoice(ComplaintStatus.SELESAI.value, "Selesai (tutup tiket)"),
        ],
        validators=[
            DataRequired("Pilih status."),
            AnyOf([ComplaintStatus.DIPROSES.value, ComplaintStatus.SELESAI.value], "Pilih status."),
        ],
        validate_choice=False,
    )
    message = TextAreaField(
        "Jawaban untuk pelapor",
        filters=[clean_text],
        validators=[Length(max=5000, message="Paling banyak 5.000 karakter."), no_control_chars],
    )
