"""Forms of the user administration screens (shape only; rules live in services/users.py)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from sisakat.admin.forms_settings import without_spaces
from sisakat.auth.forms import email_field, new_password_fields
from sisakat.forms_common import SeenForm, clean_text, no_control_chars, single_line
from sisakat.models import STAFF_ROLES, Role, User
from sisakat.services.passwords import password_problem

USERNAME_PATTERN = r"^[A-Za-z0-9._-]{3,64}$"
USERNAME_MESSAGE = "Nama pengguna 3-64 karakter: huruf, angka, titik, garis bawah, strip."
STAFF_CHOICES = [SelectChoice(r.value, r.label) for r in Role if r in STAFF_ROLES]
ROLE_FILTER_CHOICES = [SelectChoice("", "Semua peran")] + [
    SelectChoice(r.value, r.label) for r in Role
]


def _text(label: str, max_length: int, *, required: bool = False) -> StringField:
    first = DataRequired(f"Isi {label.lower()}.") if required else Optional()
    return StringField(
        label,
        filters=[clean_text],
        validators=[
            first,
            Length(max=max_length, message=f"{label} maksimal {max_length} karakter."),
            no_control_chars,
            single_line,
        ],
    )


def _digits(label: str, count: int) -> StringField:
    """A number typed as printed (NIP ``19700101 199501 1 001``): spaces are dropped."""
    return StringField(
        label,
        render_kw={"inputmode": "numeric"},
        filters=[clean_text, without_spaces],
        validators=[
            Optional(),
            Regexp(rf"^[0-9]{{{count}}}\Z", message=f"{label} harus {count} digit angka."),
        ],
    )


def policy_checked(form, identities: tuple[str, ...]) -> bool:
    """Add the password policy's verdict (``password_problem``) to ``form.password``'s errors, so
    a short password is reported with a mismatched confirmation, not after it; False when it
    fails."""
    if not form.password.data or form.password.errors:
        return True
    problem = password_problem(form.password.data, identities=identities)
    if problem:
        form.password.errors = [*form.password.errors, problem]
    return problem is None


class StaffEditForm(SeenForm):
    """Details of an account the super admin may change."""

    email = email_field()
    full_name = _text("Nama lengkap", 120, required=True)
    role = SelectField("Peran", choices=STAFF_CHOICES, validate_choice=True)
    position = _text("Jabatan", 160)
    nip = _digits("NIP", 18)
    nik = _digits("NIK", 16)


class StaffCreateForm(StaffEditForm):
    """A new staff account with the initial password typed by the admin."""

    username = StringField(
        "Nama pengguna",
        filters=[clean_text],
        validators=[
            DataRequired("Isi nama pengguna."),
            Regexp(USERNAME_PATTERN, message=USERNAME_MESSAGE),
        ],
    )
    password, confirm = new_password_fields("Kata sandi awal")

    def validate(self, extra_validators=None) -> bool:
        """The fields' own checks and the password policy in one round."""
        valid = super().validate(extra_validators)
        identities = (self.username.data or "", self.email.data or "")
        return policy_checked(self, identities) and valid


class ResetPasswordForm(FlaskForm):
    """A new password typed by the super admin for the account ``user``."""

    password, confirm = new_password_fields("Kata sandi baru")

    def __init__(self, *args, user: User | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.identities = (user.username, user.email) if user is not None else ()

    def validate(self, extra_validators=None) -> bool:
        """The fields' own checks and the policy against the account's names in one round."""
        valid = super().validate(extra_validators)
        return policy_checked(self, self.identities) and valid


class UserFilterForm(FlaskForm):
    """GET filter of the user list (no CSRF: it changes nothing)."""

    class Meta:
        """Filters are GET forms."""

        csrf = False

    role = SelectField("Peran", choices=ROLE_FILTER_CHOICES, default="")
    q = StringField("Cari", filters=[clean_text], validators=[Length(max=120), no_control_chars])
