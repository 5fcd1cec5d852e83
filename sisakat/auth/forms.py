"""Authentication and account forms (shape only; the password policy lives in the service)."""

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from sisakat.forms_common import clean_text, no_control_chars, single_line
from sisakat.services.passwords import MAX_LENGTH, MIN_LENGTH

PASSWORD_HELP = (
    f"Minimal {MIN_LENGTH} karakter; frasa panjang dianjurkan. Hindari kata sandi umum "
    'seperti "bismillah" atau "12345678".'
)

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def new_password_fields(label: str = "Kata sandi") -> tuple[PasswordField, PasswordField]:
    """A new password and its confirmation (for registration, password change and resets)."""
    password = PasswordField(
        label,
        validators=[
            DataRequired("Isi kata sandi."),
            Length(max=MAX_LENGTH, message=f"Kata sandi maksimal {MAX_LENGTH} karakter."),
        ],
    )
    confirm = PasswordField(
        "Ulangi kata sandi",
        validators=[
            DataRequired("Ulangi kata sandi."),
            EqualTo("password", message="Konfirmasi kata sandi tidak sama."),
        ],
    )
    return password, confirm


def email_field(label: str = "E-mail", max_length: int = 254) -> StringField:
    """An e-mail address (syntax only; nothing is looked up)."""
    return StringField(
        label,
        filters=[clean_text],
        validators=[
            DataRequired("Isi alamat e-mail."),
            Length(max=max_length, message=f"E-mail maksimal {max_length} karakter."),
            no_control_chars,
            # Syntax only: email_validator would refuse intranet domains such as ".local".
            Regexp(EMAIL_PATTERN, message="Alamat e-mail tidak valid."),
        ],
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
    )
    password = PasswordField(
        "Kata sandi", validators=[DataRequired("Isi kata sandi."), Length(max=1024)]
    )


class RegisterForm(FlaskForm):
    """Sign-up of a party board (one account per board; the e-mail is the username)."""

    board_name = StringField(
        "Nama kepengurusan",
        filters=[clean_text],
        validators=[
            DataRequired("Isi nama kepengurusan."),
            Length(max=200, message="Nama kepengurusan maksimal 200 karakter."),
            no_control_chars,
            single_line,
        ],
    )
    # The e-mail doubles as the username, whose column holds 64 characters.
    email = email_field(max_length=64)
    password, confirm = new_password_fields()


class ChangePasswordForm(FlaskForm):
    """The user's own password change."""

    current = PasswordField(
        "Kata sandi saat ini",
        validators=[DataRequired("Isi kata sandi saat ini."), Length(max=1024)],
    )
    password, confirm = new_password_fields("Kata sandi baru")
