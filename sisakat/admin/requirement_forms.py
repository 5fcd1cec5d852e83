"""Forms of the requirement list, reason catalogue and audit log screens."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from sisakat.forms_common import (
    IntegerField,
    SeenForm,
    clean_text,
    no_control_chars,
    not_before,
    plausible_date,
    single_line,
    usable,
    usable_range,
)
from sisakat.services.audit_log import AuditFilter


class RequirementForm(SeenForm):
    """One requirement line."""

    name = StringField(
        "Nama persyaratan",
        filters=[clean_text],
        validators=[
            DataRequired("Nama wajib diisi."),
            Length(max=255),
            no_control_chars,
            single_line,
        ],
    )
    description = TextAreaField(
        "Keterangan/bantuan",
        filters=[clean_text],
        validators=[Optional(), Length(max=2000), no_control_chars],
    )
    required = BooleanField("Wajib", default=True)
    personal_data = BooleanField("Memuat data pribadi (mis. KTP): setiap tampilan dicatat")
    sort_order = IntegerField(
        "Urutan", validators=[Optional(), NumberRange(0, 100000, "Urutan 0 sampai 100000.")]
    )
    active = BooleanField("Aktif", default=True)


class MoveForm(FlaskForm):
    """Move a requirement up or down."""

    direction = HiddenField()


class ReasonForm(SeenForm):
    """One catalogue reason."""

    text = StringField(
        "Alasan",
        filters=[clean_text],
        validators=[
            DataRequired("Alasan wajib diisi."),
            Length(max=255),
            no_control_chars,
            single_line,
        ],
    )
    active = BooleanField("Aktif", default=True)


class AuditFilterForm(FlaskForm):
    """GET filters of the audit log."""

    class Meta:
        csrf = False

    action = StringField(
        "Aksi", filters=[clean_text], validators=[Optional(), Length(max=64), no_control_chars]
    )
    actor = StringField(
        "Pelaku (nama pengguna)",
        filters=[clean_text],
        validators=[Optional(), Length(max=120), no_control_chars],
    )
    object = StringField(
        "Objek (jenis atau jenis:id)",
        filters=[clean_text],
        validators=[Optional(), Length(max=80), no_control_chars],
    )
    date_from = DateField("Dari tanggal", validators=[Optional(), plausible_date])
    date_to = DateField(
        "Sampai tanggal", validators=[Optional(), plausible_date, not_before("date_from")]
    )

    def audit_filter(self) -> AuditFilter:
        """The filters to apply, field by field: a bad value gets its error beside its own
        field and is left out, the others stay applied (``usable_range``)."""
        self.validate()
        date_from, date_to = usable_range(self.date_from, self.date_to)
        return AuditFilter(
            action=usable(self.action) or "",
            actor=usable(self.actor) or "",
            object=usable(self.object) or "",
            date_from=date_from,
            date_to=date_to,
        )
