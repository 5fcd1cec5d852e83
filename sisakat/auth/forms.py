"""Authentication forms."""

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from sisakat.forms_common import clean_text, no_control_chars


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
