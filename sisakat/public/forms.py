"""Public forms: complaint, satisfaction survey, letter check."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, ValidationError

from sisakat.forms_common import chosen_file, clean_text, no_control_chars, single_line
from sisakat.services import catalog, contact_rules, pdf_checks
from sisakat.services import survey as survey_service
from sisakat.services.survey import AGE_GROUPS, EDUCATIONS, OCCUPATIONS, QUESTIONS, SEXES

LINE = [no_control_chars, single_line]
NO_SERVICE = "Pilih layanan yang Anda gunakan."
# A long text box without the ``maxlength`` its Length validator would write: with it the browser
# cut a long paste without a word and the text was sent without its end; the server's refusal
# keeps every character to shorten. (WTForms leaves out an attribute set to False.)
TAKES_A_PASTE = {"maxlength": False}
EMPTY_CHECK = "Isi kode verifikasi yang tercetak di bawah kode QR (boleh beserta nomor suratnya)."


def _options(values: tuple[str, ...]) -> list[SelectChoice]:
    return [SelectChoice("", "— tidak diisi —")] + [SelectChoice(v, v) for v in values]


def choices(pairs: list[tuple[str, str]]) -> list[SelectChoice]:
    """(value, label) pairs from a service as WTForms choices."""
    return [SelectChoice(value, label) for value, label in pairs]


class ComplaintForm(FlaskForm):
    """A complaint or suggestion; the name is optional unless the office requires it.
    ``form_key``: the rendered form's one-time key, as on the survey (``complaint_repeats``)."""

    form_key = HiddenField(
        default=survey_service.new_form_key, filters=[survey_service.usable_form_key]
    )
    name = StringField(
        "Nama (boleh dikosongkan)",
        filters=[clean_text],
        validators=[Length(max=120, message="Paling banyak 120 karakter."), *LINE],
    )
    contact = StringField(
        "Kontak (e-mail atau nomor HP) untuk balasan",
        filters=[clean_text],
        validators=[Length(max=120, message="Paling banyak 120 karakter."), *LINE],
    )
    # The service checks the category (a forged value gets its Indonesian message there).
    category = SelectField(
        "Kategori", validators=[DataRequired("Pilih kategori.")], validate_choice=False
    )
    body = TextAreaField(
        "Isi pengaduan atau saran",
        filters=[clean_text],
        validators=[
            DataRequired("Tulis isi pengaduan."),
            Length(min=10, max=5000, message="Isi 10 sampai 5.000 karakter."),
            no_control_chars,
        ],
        render_kw={"rows": 6, **TAKES_A_PASTE},
    )
    # The size cap is the office's upload cap (MAX_UPLOAD_MB), checked while the file streams
    # in (complaint_files.accept_pdf), as the form's help text names it.
    attachment = FileField("Lampiran (PDF, opsional)", render_kw={"accept": "application/pdf,.pdf"})

    def validate_contact(self, field) -> None:
        """An e-mail address, an Indonesian mobile number or empty (rule from the service):
        a typo left staff no way to answer."""
        problem = contact_rules.contact_problem(field.data)
        if problem:
            raise ValidationError(problem)

    def validate_attachment(self, field) -> None:
        """A chosen file plainly not a PDF is named now, beside the form's other mistakes: it
        used to get only "choose it again", its real fault on the next send. The full checks run
        when the complaint is filed (``complaint_files.accept_pdf``)."""
        chosen = chosen_file(field)
        if chosen is None:
            return
        start = chosen.stream.tell()
        head = chosen.stream.read(8)
        chosen.stream.seek(start)
        problem = pdf_checks.not_a_pdf(head)
        if problem:
            raise ValidationError(problem)


def _question(i: int, text: str, answers: tuple[str, ...]) -> RadioField:
    return RadioField(
        f"U{i}. {text}",
        choices=[SelectChoice(str(n), f"{n}. {label}") for n, label in enumerate(answers, start=1)],
        validators=[
            InputRequired("Pilih salah satu jawaban."),
            AnyOf(["1", "2", "3", "4"], message="Pilih salah satu jawaban."),
        ],
        validate_choice=False,  # AnyOf above answers in Indonesian
    )


def _optional_select(label: str, values: tuple[str, ...]) -> SelectField:
    return SelectField(
        label,
        choices=_options(values),
        validators=[AnyOf(["", None, *values], message="Pilihan tidak valid.")],
        validate_choice=False,
    )


class SurveyForm(FlaskForm):
    """The nine SKM elements, optional respondent data, and a suggestion. ``form_key``: the
    form's one-time key (on the public survey the one its address carries, kept when the form
    comes back refused), so the same form sent twice is stored once; a missing or foreign value
    becomes a fresh key."""

    form_key = HiddenField(
        default=survey_service.new_form_key, filters=[survey_service.usable_form_key]
    )

    age_group = _optional_select("Usia", AGE_GROUPS)
    sex = _optional_select("Jenis kelamin", SEXES)
    education = _optional_select("Pendidikan", EDUCATIONS)
    occupation = _optional_select("Pekerjaan", OCCUPATIONS)
    suggestion = TextAreaField(
        "Saran dan masukan (opsional)",
        filters=[clean_text],
        validators=[Length(max=2000, message="Paling banyak 2.000 karakter."), no_control_chars],
        render_kw=TAKES_A_PASTE,
    )

    def answers(self) -> tuple[int, ...]:
        """The nine scores as integers."""
        return tuple(int(self[f"u{i}"].data) for i in range(1, 10))

    def questions(self) -> list:
        """The nine radio fields in order (for the template)."""
        return [self[f"u{i}"] for i in range(1, 10)]


for _i, (_text, _answers) in enumerate(QUESTIONS, start=1):
    setattr(SurveyForm, f"u{_i}", _question(_i, _text, _answers))


class PublicSurveyForm(SurveyForm):
    """The public survey: the respondent also says which (active) service they used.

    Radios, not a drop-down: a phone's drop-down shows one line and cut the long service names
    ("Surat Keterangan Terdaftar (SKT) Pa"); a radio's label wraps. With several services none
    is chosen beforehand (a pre-chosen first service counted everyone who did not change it
    under that service, skewing its IKM); a form sent without one is refused beside the field.
    With one service there is nothing to choose: it is chosen."""

    service = RadioField(
        "Layanan yang Anda gunakan",
        choices=[],
        validators=[InputRequired(NO_SERVICE)],
        validate_choice=False,  # validate_service answers in Indonesian
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.service.choices = [
            SelectChoice(s.code, s.name) for s in catalog.all_services(active_only=True)
        ]
        if not self.is_submitted() and len(self.service.choices) == 1:
            self.service.data = self.service.choices[0].value

    def validate_service(self, field) -> None:
        """A value that is none of the active services (forged, or a service just switched off)."""
        if field.data not in {c.value for c in field.choices}:
            raise ValidationError(NO_SERVICE)


# A phone keyboard must not rewrite a code group or a number part into a word (autocorrect,
# a capital only at the start, a saved entry): what was printed is typed as printed.
CODE_INPUT = {
    "autocomplete": "off",
    "autocapitalize": "characters",
    "autocorrect": "off",
    "spellcheck": "false",
}


class CheckLetterForm(FlaskForm):
    """Search box: the code printed under the QR alone, or a letter number with that code (GET)."""

    class Meta:
        csrf = False

    # The two boxes' labels say what each is for: the code (the key) and the number (optional);
    # "Nomor surat atau kode verifikasi" beside "Kode verifikasi" read as the same box twice. A
    # code typed into the number box still finds the letter (``letter_registry.check``).
    q = StringField(
        "Nomor surat (opsional)",
        filters=[clean_text],
        validators=[Length(max=120, message="Paling banyak 120 karakter."), *LINE],
        render_kw=CODE_INPUT,
    )
    # A number alone never lists a letter (serials are sequential, party names public): the
    # code printed under the QR must come with it (SIGNING.md §5).
    kode = StringField(
        "Kode verifikasi",
        filters=[clean_text],
        # Room for a pasted verification link (``letter_registry.normalise_token``): at 60
        # the browser cut it and a genuine letter was "not found".
        validators=[Length(max=300, message="Paling banyak 300 karakter."), *LINE],
        render_kw=CODE_INPUT,
    )

    def validate(self, extra_validators=None) -> bool:
        """Either box may hold the code: the number box is not required on its own (an officer
        holding only the code types it under 'Kode verifikasi'), but one of them must be filled;
        the message stands under the code box."""
        valid = super().validate(extra_validators)
        if valid and not (self.q.data or self.kode.data):
            self.kode.errors = [*self.kode.errors, EMPTY_CHECK]
            return False
        return valid


class CompareForm(FlaskForm):
    """Upload a PDF to compare with the issued letter (hashed, never kept)."""

    berkas = FileField(
        "Berkas PDF surat",
        validators=[FileRequired("Pilih berkas surat yang ingin dibandingkan.")],
        render_kw={"accept": "application/pdf,.pdf"},
    )
