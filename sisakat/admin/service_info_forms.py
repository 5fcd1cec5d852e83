"""Super admin forms for service information, FAQ, complaint categories and contacts."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, SelectChoice, StringField, TextAreaField, ValidationError
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
)

from sisakat.admin.forms_settings import EMAIL
from sisakat.forms_common import (
    IntegerField,
    SeenForm,
    SelectField,
    clean_text,
    int_choice,
    no_control_chars,
    single_line,
)
from sisakat.services import public_limits, service_info

LINE = [no_control_chars, single_line]
RICH_HELP = (
    "Teks biasa (baris kosong = paragraf baru, baris diawali '- ' = daftar) atau HTML sederhana: "
    "p, strong, em, ul, ol, li, a, h3, h4."
)


def _rich(label: str) -> TextAreaField:
    return TextAreaField(
        label,
        filters=[clean_text],
        validators=[Length(max=20000, message="Paling banyak 20.000 karakter."), no_control_chars],
    )


class ServiceStandardForm(SeenForm):
    """The Standar Pelayanan components and the procedure steps (with the digest of what the
    page showed: ``service_info.standard_token``)."""

    summary = _rich("Ringkasan layanan")
    procedure = _rich("Sistem, mekanisme dan prosedur")
    steps = TextAreaField(
        "Langkah alur (satu per baris: Judul | Pelaksana | Waktu)",
        filters=[clean_text],
        validators=[Length(max=8000, message="Paling banyak 8.000 karakter."), no_control_chars],
    )
    duration = _rich("Jangka waktu pelayanan")
    cost = _rich("Biaya/tarif")
    product = _rich("Produk pelayanan")
    complaint_handling = _rich("Penanganan pengaduan, saran dan masukan")
    legal_basis = _rich("Dasar hukum")

    def validate(self, extra_validators=None) -> bool:
        """The fields' own checks and, in the same round, every required part left empty
        (``service_info.empty_parts``) beside its field."""
        valid = super().validate(extra_validators)
        values = {name: self[name].data for name in service_info.FORMATTED_FIELDS}
        empty = service_info.empty_parts(values)
        for name, message in empty.items():
            self[name].errors = [*self[name].errors, message]
        return valid and not empty


class ServiceFormUploadForm(FlaskForm):
    """A downloadable form (PDF)."""

    title = StringField(
        "Judul formulir",
        filters=[clean_text],
        validators=[
            DataRequired("Isi judul."),
            Length(max=200, message="Paling banyak 200 karakter."),
            *LINE,
        ],
    )
    # The size cap is the office's upload cap (MAX_UPLOAD_MB), checked while the file streams
    # (``complaint_files.accept_form_file``), as the hint and the page script say.
    file = FileField(
        "Berkas PDF atau Word (.docx)",
        validators=[FileRequired("Pilih berkas.")],
    )


class FaqForm(SeenForm):
    """One FAQ entry."""

    question = StringField(
        "Pertanyaan",
        filters=[clean_text],
        validators=[
            DataRequired("Isi pertanyaan."),
            Length(max=300, message="Paling banyak 300 karakter."),
            *LINE,
        ],
    )
    answer = _rich("Jawaban")
    sort_order = IntegerField("Urutan", default=0, validators=[Optional(), NumberRange(0, 9999)])
    active = BooleanField("Tampilkan", default=True)


class ComplaintCategoryForm(SeenForm):
    """A complaint category and its time limit (an edited row carries its digest)."""

    name = StringField(
        "Nama kategori",
        filters=[clean_text],
        validators=[
            DataRequired("Isi nama kategori."),
            Length(max=120, message="Paling banyak 120 karakter."),
            *LINE,
        ],
    )
    limit_days = IntegerField(
        "Batas waktu (hari kerja)",
        default=5,
        validators=[
            InputRequired("Isi batas waktu."),  # not DataRequired: a typed 0 is out of range
            NumberRange(1, 365, "1 sampai 365 hari kerja."),
        ],
    )
    active = BooleanField("Aktif", default=True)


class ContactSettingsForm(SeenForm):
    """Public contact channels and complaint options."""

    whatsapp = StringField(
        "Nomor WhatsApp layanan",
        filters=[clean_text],
        validators=[
            Optional(),
            Regexp(r"^\+?[0-9 ]{8,20}$", message="Nomor hanya angka, misalnya 6281200000000."),
        ],
    )
    whatsapp_message = StringField(
        "Pesan pembuka WhatsApp",
        filters=[clean_text],
        validators=[Length(max=300, message="Paling banyak 300 karakter."), *LINE],
    )
    email = StringField(
        "E-mail layanan",
        filters=[clean_text],
        validators=[
            Optional(),
            Length(max=254, message="Paling banyak 254 karakter."),
            *LINE,
            EMAIL,
        ],
    )
    hours = StringField(
        "Jam layanan",
        filters=[clean_text],
        validators=[Length(max=120, message="Paling banyak 120 karakter."), *LINE],
    )
    lapor_url = StringField(
        "Tautan SP4N-LAPOR!",
        filters=[clean_text],
        validators=[
            DataRequired("Isi tautan."),
            Regexp(r"^https://[^\s<>\"']{3,200}$", message="Tautan harus diawali https://."),
        ],
    )
    name_required = BooleanField("Nama pelapor wajib diisi")
    publish_results = BooleanField("Umumkan hasil survei kepuasan (IKM) di halaman publik")
    follow_up = TextAreaField(
        "Catatan umum tindak lanjut hasil survei",
        filters=[clean_text],
        validators=[Length(max=2000, message="Paling banyak 2.000 karakter."), no_control_chars],
    )
    post_limit = IntegerField(
        "Batas kiriman pengaduan dan survei per alamat per jam",
        validators=[
            Optional(),
            NumberRange(
                public_limits.MIN_LIMIT,
                public_limits.MAX_LIMIT,
                message="Isi angka %(min)s sampai %(max)s.",
            ),
        ],
        render_kw={"inputmode": "numeric"},
    )
    post_exempt = TextAreaField(
        "Alamat yang tidak dibatasi",
        filters=[clean_text],
        validators=[Length(max=2000, message="Paling banyak 2.000 karakter."), no_control_chars],
        render_kw={"rows": 3},
    )

    def validate_post_exempt(self, field) -> None:
        """Each line an IP address or network (rule from the service)."""
        try:
            public_limits.parse_exempt(field.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class FollowUpPeriodForm(FlaskForm):
    """The survey period whose follow-up the page edits (a GET form: ``?tahun=&periode=``)."""

    tahun = SelectField("Tahun", coerce=int_choice, choices=[])
    periode = SelectField(
        "Periode",
        choices=[
            SelectChoice("1", "Semester I (Januari-Juni)"),
            SelectChoice("2", "Semester II (Juli-Desember)"),
            SelectChoice("tahun", "Tahun penuh"),
        ],
    )


class FollowUpForm(SeenForm):
    """The follow-up of one survey period, shown under that period on /ikm."""

    text = TextAreaField(
        "Tindak lanjut",
        filters=[clean_text],
        validators=[Length(max=2000, message="Paling banyak 2.000 karakter."), no_control_chars],
    )
