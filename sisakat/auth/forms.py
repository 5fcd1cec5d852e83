"""Authentication and account forms (shape only; the password policy lives in the service)."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, RadioField, SelectChoice, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp, ValidationError

from sisakat.forms_common import clean_text, no_control_chars, single_line
from sisakat.models import ApplicantKind
from sisakat.services.accounts import USERNAME_MAX
from sisakat.services.contact_rules import EMAIL_PATTERN, is_plain_email
from sisakat.services.passwords import MAX_LENGTH, MIN_LENGTH, password_problem

PASSWORD_HELP = (
    f"Minimal {MIN_LENGTH} karakter; frasa panjang dianjurkan. Hindari kata sandi umum "
    'seperti "bismillah" atau "12345678".'
)

# An e-mail is a party's username and where notices go: one that only looks like another
# account's (a Cyrillic "а", a zero-width space, full-width or accented letters) is refused.
NOT_PLAIN_EMAIL = (
    "E-mail hanya boleh memuat huruf Latin tanpa aksen, angka dan tanda baca biasa. Ketik "
    "ulang alamatnya dengan papan ketik biasa."
)


def plain_email(form, field) -> None:
    """WTForms validator: ``is_plain_email``."""
    if isinstance(field.data, str) and field.data and not is_plain_email(field.data):
        raise ValidationError(NOT_PLAIN_EMAIL)


# What a phone offers in each field: the saved password only where the current one is asked,
# a suggested fresh one (never a saved one, nor an admin's own) where a new one is chosen, and
# a keyboard with "@" and no capital first letter for e-mail addresses and usernames.
NEW_PASSWORD = {"autocomplete": "new-password"}
CURRENT_PASSWORD = {"autocomplete": "current-password"}
EMAIL_INPUT = {"type": "email", "autocomplete": "email"}
USERNAME_INPUT = {"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}


def new_password_fields(label: str = "Kata sandi") -> tuple[PasswordField, PasswordField]:
    """A new password and its confirmation (for registration, password change and resets)."""
    password = PasswordField(
        label,
        validators=[
            DataRequired("Isi kata sandi."),
            Length(max=MAX_LENGTH, message=f"Kata sandi maksimal {MAX_LENGTH} karakter."),
        ],
        render_kw=dict(NEW_PASSWORD),
    )
    confirm = PasswordField(
        "Ulangi kata sandi",
        validators=[
            DataRequired("Ulangi kata sandi."),
            EqualTo("password", message="Konfirmasi kata sandi tidak sama."),
        ],
        render_kw=dict(NEW_PASSWORD),
    )
    return password, confirm


def policy_checked(form, valid: bool, identities: tuple[str, ...]) -> bool:
    """``valid`` and the password policy (``password_problem``) on ``form.password``, checked in
    the same round as every other field: a short password is reported with a mismatched
    confirmation or a missing name, not only after those are fixed and the form is sent again.
    The refusal stands beside the password field; ``identities`` are the account's names."""
    password = form.password
    if password.data and not password.errors:
        problem = password_problem(password.data, identities=identities)
        if problem:
            password.errors = [*password.errors, problem]
            return False
    return valid


def email_field(label: str = "E-mail", max_length: int = 254) -> StringField:
    """An e-mail address (syntax only; nothing is looked up)."""
    return StringField(
        label,
        filters=[clean_text],
        validators=[
            DataRequired("Isi alamat e-mail."),
            Length(max=max_length, message=f"E-mail maksimal {max_length} karakter."),
            no_control_chars,
            plain_email,
            # Syntax only: email_validator would refuse intranet domains such as ".local".
            Regexp(EMAIL_PATTERN, message="Alamat e-mail tidak valid."),
        ],
        render_kw=dict(EMAIL_INPUT),
    )


class LoginForm(FlaskForm):
    """Username or e-mail and password."""

    username = StringField(
        "Nama pengguna atau e-mail",
        filters=[clean_text],
        validators=[
            DataRequired("Isi nama pengguna atau e-mail."),
            Length(max=254),
            no_control_chars,
        ],
        render_kw=dict(USERNAME_INPUT),
    )
    password = PasswordField(
        "Kata sandi",
        validators=[DataRequired("Isi kata sandi."), Length(max=1024)],
        render_kw=dict(CURRENT_PASSWORD),
    )


def _optional_text(label: str, max_len: int) -> StringField:
    """A one-line text field required only for one kind of applicant (see ``RegisterForm``)."""
    return StringField(
        label,
        filters=[clean_text],
        validators=[
            Optional(),
            Length(max=max_len, message=f"{label} maksimal {max_len} karakter."),
            no_control_chars,
            single_line,
        ],
    )


class RegisterForm(FlaskForm):
    """Sign-up of a party board or an ormas (one account each; the e-mail is the username)."""

    kind = RadioField(
        "Jenis pemohon",
        choices=[
            SelectChoice(ApplicantKind.PARPOL.value, "Partai Politik"),
            SelectChoice(ApplicantKind.ORMAS.value, "Organisasi Kemasyarakatan (Ormas)"),
        ],
        default=ApplicantKind.PARPOL.value,
        validators=[DataRequired("Pilih jenis pemohon.")],
        validate_choice=True,
    )
    board_name = _optional_text("Nama kepengurusan", 200)
    ormas_name = _optional_text("Nama ormas", 200)
    ormas_abbreviation = _optional_text("Singkatan ormas", 40)
    chair_name = _optional_text("Nama ketua", 120)
    confirm_similar = BooleanField("Saya memahami dan tetap mendaftar")
    # The e-mail doubles as the username, whose column holds 64 characters.
    email = email_field(max_length=USERNAME_MAX)
    password, confirm = new_password_fields()

    # Required per kind: (field, message)
    REQUIRED = {
        ApplicantKind.PARPOL.value: (("board_name", "Isi nama kepengurusan."),),
        ApplicantKind.ORMAS.value: (
            ("ormas_name", "Isi nama ormas."),
            ("chair_name", "Isi nama ketua ormas."),
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for fields in self.REQUIRED.values():
            for name, _message in fields:  # marked * like the other required fields
                self[name].flags.required = True

    @property
    def is_ormas(self) -> bool:
        """An ormas sign-up (a forged kind fails validation first)."""
        return self.kind.data == ApplicantKind.ORMAS.value

    def validate(self, extra_validators=None) -> bool:
        """The shape of every field, then the fields the chosen kind needs."""
        ok = super().validate(extra_validators)
        for name, message in self.REQUIRED.get(self.kind.data, ()):
            field = self[name]
            if not field.data and not field.errors:
                field.errors = [*field.errors, message]
                ok = False
        return policy_checked(self, ok, (self.email.data or "",))


class ChangePasswordForm(FlaskForm):
    """The user's own password change; ``identities`` are the account's username and e-mail,
    which the new password may not be."""

    current = PasswordField(
        "Kata sandi saat ini",
        validators=[DataRequired("Isi kata sandi saat ini."), Length(max=1024)],
        render_kw=dict(CURRENT_PASSWORD),
    )
    password, confirm = new_password_fields("Kata sandi baru")

    def __init__(self, *args, identities: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.identities = identities

    def validate(self, extra_validators=None) -> bool:
        """The fields' own checks and the password policy in one round (``policy_checked``)."""
        return policy_checked(self, super().validate(extra_validators), self.identities)
