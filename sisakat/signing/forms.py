"""Forms of the signing desk."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, Optional

from sisakat.converters import parse_int
from sisakat.forms_common import (
    ActionForm,
    SeenForm,
    clean_text,
    int_choice,
    no_control_chars,
    single_line,
)
from sisakat.services.letter_return import REASON_MAX

NUMBER_LEN = 120


class UploadSignedForm(FlaskForm):
    """The signed PDF from SRIKANDI/BSrE (or a wet-signed scan when allowed)."""

    file = FileField(
        "Berkas PDF bertanda tangan",
        validators=[FileRequired("Pilih berkas PDF bertanda tangan.")],
        render_kw={"accept": "application/pdf"},
    )
    scan = BooleanField("Pindaian tanda tangan basah (bukan TTE)")


class ConfirmNumberForm(FlaskForm):
    """SRIKANDI's number and date as read from the signed PDF, confirmed or corrected."""

    candidate_id = HiddenField(validators=[DataRequired()])
    scan = HiddenField()
    number = StringField(
        "Nomor surat dari SRIKANDI",
        filters=[clean_text],
        validators=[
            DataRequired("Nomor surat wajib diisi."),
            Length(max=NUMBER_LEN),
            no_control_chars,
            single_line,
        ],
    )
    letter_date = DateField(
        "Tanggal surat", validators=[InputRequired("Tanggal surat wajib diisi.")]
    )

    def candidate(self) -> int | None:
        """The candidate file id, or None when forged."""
        return parse_int(self.candidate_id.data, low=1)


class ReviewDecisionForm(FlaskForm):
    """Accept or reject an unmatched upload, with a reason (audited)."""

    decision = RadioField(
        "Keputusan",
        choices=[
            SelectChoice("terima", "Terima: terbitkan berkas ini"),
            SelectChoice("tolak", "Tolak: minta unggah ulang"),
        ],
        validators=[InputRequired("Pilih keputusan."), AnyOf(["terima", "tolak"])],
    )
    reason = TextAreaField(
        "Alasan",
        filters=[clean_text],
        validators=[DataRequired("Alasan wajib diisi."), Length(max=1000), no_control_chars],
    )
    number = StringField(
        "Nomor surat (mode SRIKANDI)",
        filters=[clean_text],
        validators=[Optional(), Length(max=NUMBER_LEN), no_control_chars, single_line],
    )
    letter_date = DateField("Tanggal surat (mode SRIKANDI)", validators=[Optional()])


class SignForm(FlaskForm):
    """The passphrase, typed per signing. Not cleaned: a passphrase is used exactly as typed;
    PasswordField never renders the value back."""

    passphrase = PasswordField("Passphrase", validators=[Optional(), Length(max=200)])
    letter_ids = SelectMultipleField("Surat", coerce=int_choice, validate_choice=False)


class SigningSettingsForm(SeenForm):
    """Which signing path the office uses; whether scans are accepted (with the digest of what
    the page showed)."""

    backend = SelectField(
        "Cara penandatanganan",
        choices=[
            SelectChoice(
                "srikandi", "SRIKANDI/BSrE di luar aplikasi (unduh, tanda tangani, unggah kembali)"
            ),
            SelectChoice("pades", "Sertifikat instansi (PKCS#12) di dalam aplikasi"),
            SelectChoice("bsre", "BSrE Esign Client Service di dalam aplikasi"),
        ],
    )
    allow_scan = BooleanField("Izinkan unggah pindaian tanda tangan basah")


class ReturnLetterForm(ActionForm):
    """Kembalikan ke Verifikator: the reason (for staff), a confirmation, and the application's
    version the page showed."""

    reason = TextAreaField(
        "Alasan pengembalian (untuk verifikator)",
        filters=[clean_text],
        validators=[
            DataRequired("Alasan pengembalian wajib diisi."),
            Length(max=REASON_MAX, message=f"Paling banyak {REASON_MAX} karakter."),
            no_control_chars,
        ],
        render_kw={"rows": 3, "maxlength": REASON_MAX},
    )
    confirm = BooleanField(
        "Saya yakin: surat ini dibatalkan, nomornya tidak dipakai lagi, dan permohonan kembali "
        "ke verifikator",
        validators=[DataRequired("Centang konfirmasi pengembalian.")],
    )
