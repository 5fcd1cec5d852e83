"""DB-5: a NUL byte in a text field gives an Indonesian validation message and stores nothing,
on every database (PostgreSQL refuses NUL in text; SQLite would store it silently)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from wtforms import Form, StringField

from sisakat.extensions import db
from sisakat.forms_common import clean_text, no_control_chars
from sisakat.models import Party, User

REFUSED = "Teks memuat karakter yang tidak diizinkan."
PASSWORD = "nasi-uduk-betawi-77"


def _count(model) -> int:
    return db.session.execute(sa.select(sa.func.count()).select_from(model)).scalar_one()


@pytest.mark.parametrize(
    "board_name", ["DPW Partai\x00Contoh", "\x00", "DPW\x1bPartai", "DPW \u202eiatraP"]
)
def test_registration_refuses_control_characters_and_stores_nothing(client, board_name):
    before = (_count(User), _count(Party))
    data = {"board_name": board_name, "email": "nul@contoh.test"}
    response = client.post("/akun/daftar", data={**data, "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 200
    assert REFUSED in response.get_data(as_text=True)
    assert (_count(User), _count(Party)) == before
    assert db.session.execute(sa.select(User).filter_by(email="nul@contoh.test")).first() is None


def test_no_control_chars_refuses_nul_but_keeps_newline_and_tab():
    class Sample(Form):
        note = StringField(filters=[clean_text], validators=[no_control_chars])

    assert not Sample(data={"note": "a\x00b"}).validate()
    assert Sample(data={"note": "baris satu\n\tbaris dua"}).validate()


def _all_form_classes() -> list[type]:
    """Every FlaskForm subclass the app defines (its modules imported by create_app)."""
    from flask_wtf import FlaskForm

    found, todo = [], [FlaskForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("sisakat."):
                found.append(sub)
    return found


def test_every_text_field_of_every_form_refuses_a_nul_byte(app):
    """DB-5 for all forms, not only sign-up: each text field (text, textarea, e-mail, search)
    answers a NUL byte with a validation error, so nothing reaches the database (PostgreSQL
    would refuse it with a 500). A new form without ``no_control_chars`` fails here."""
    from wtforms import HiddenField, PasswordField, StringField

    forms = _all_form_classes()
    assert len(forms) > 30
    missing = []
    with app.test_request_context():
        for cls in forms:
            form = cls(formdata=None, meta={"csrf": False})
            for name, field in form._fields.items():
                if not isinstance(field, StringField) or isinstance(
                    field, HiddenField | PasswordField
                ):
                    continue
                field.raw_data = ["Partai\x00Contoh"]  # as a posted form fills it
                field.process_formdata(field.raw_data)
                for keep in field.filters:
                    field.data = keep(field.data)
                if field.validate(form):
                    missing.append(f"{cls.__module__}.{cls.__name__}.{name}")
    assert missing == []
