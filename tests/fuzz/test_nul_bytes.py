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
