"""Forms for the trust configuration screens (certificates, allow-list, key usage)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, HiddenField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from sisakat.forms_common import FileCap, clean_text, no_control_chars, plausible_date, single_line
from sisakat.models import AnchorKind
from sisakat.services.signing.trust import KEY_USAGE_POLICIES

TEXT = {"filters": [clean_text]}
CERT_MAX_KB = 64  # a CA certificate is a few KB; the office's upload cap is at least 1 MB


class TrustAnchorUploadForm(FlaskForm):
    """Upload one PEM or DER CA certificate."""

    kind = SelectField(
        "Jenis sertifikat",
        choices=[SelectChoice(k.value, k.label) for k in AnchorKind],
        validators=[DataRequired(message="Pilih jenis sertifikat.")],
    )
    certificate = FileField(
        "Berkas sertifikat (PEM atau DER)",
        validators=[
            FileRequired(message="Pilih berkas sertifikat."),
            FileCap(CERT_MAX_KB * 1024, f"Berkas sertifikat maksimal {CERT_MAX_KB} KB."),
        ],
    )


class SignedSampleForm(FlaskForm):
    """Upload a signed sample PDF to pick its signer."""

    sample = FileField(
        "Contoh PDF bertanda tangan",
        validators=[
            FileRequired(message="Pilih berkas PDF."),
            FileCap(),  # the office's upload cap: the sample is read whole, never kept
        ],
    )


class AllowedSignerForm(FlaskForm):
    """Allow-list a signer certificate by its SHA-256 fingerprint."""

    fingerprint = StringField(
        "Sidik jari SHA-256 sertifikat",
        validators=[DataRequired(message="Sidik jari wajib diisi."), Length(max=200),
                    no_control_chars, single_line],
        **TEXT,
    )  # fmt: skip
    subject = HiddenField(filters=[clean_text], validators=[Length(max=500), no_control_chars])
    display_name = StringField(
        "Nama penandatangan",
        validators=[DataRequired(message="Nama wajib diisi."), Length(max=200),
                    no_control_chars, single_line],
        **TEXT,
    )  # fmt: skip
    position = StringField(
        "Jabatan",
        validators=[Optional(), Length(max=200), no_control_chars, single_line],
        **TEXT,
    )
    valid_from = DateField("Berlaku mulai", validators=[Optional(), plausible_date])
    valid_until = DateField("Berlaku sampai", validators=[Optional(), plausible_date])


class KeyUsageForm(FlaskForm):
    """The key usage required of signer certificates."""

    policy = SelectField(
        "Penggunaan kunci yang disyaratkan",
        choices=[SelectChoice(k, v) for k, v in KEY_USAGE_POLICIES.items()],
        validators=[DataRequired()],
    )
