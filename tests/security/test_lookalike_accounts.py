"""Look-alike accounts: an e-mail is a party's username and the address its notices go to, so
one that only looks like another account's (a Cyrillic letter, full-width letters, an accent) is
refused at sign-up and in the user administration; a zero-width space is removed from every typed
field (text_cleaning), so such an address is the plain one and meets its account's "sudah
terdaftar"; plain addresses (digits, dots, plus, hyphens, any case) still pass."""

import pytest

from sisakat.extensions import db
from sisakat.models import Role, User

GOOD = "pohon-durian-berbuah"
NOT_PLAIN = "E-mail hanya boleh memuat huruf Latin tanpa aksen"

LOOKALIKES = [
    "\u0430dmin@kesbangpol.contoh.test",  # Cyrillic "а" for the staff address
    "\uff41dmin@kesbangpol.contoh.test",  # a full-width "ａ"
    "adm\u00edn@kesbangpol.contoh.test",  # an accented "í"
    "admin@kesbangpol.c\u043etoh.test",  # Cyrillic "о" in the domain
]


def _signup(email: str) -> dict:
    return {
        "kind": "parpol",
        "board_name": "DPD Partai Contoh Kota Palembang",
        "email": email,
        "password": GOOD,
        "confirm": GOOD,
    }


def _emails() -> list[str]:
    return list(db.session.execute(db.select(User.email)).scalars())


@pytest.mark.parametrize("email", LOOKALIKES)
def test_sign_up_refuses_an_email_that_only_looks_plain(client, make, email):
    make.user(Role.SUPERADMIN, username="admin", email="admin@kesbangpol.contoh.test")
    response = client.post("/akun/daftar", data=_signup(email))
    assert response.status_code == 200
    assert NOT_PLAIN in response.get_data(as_text=True)
    assert _emails() == ["admin@kesbangpol.contoh.test"]


@pytest.mark.parametrize(
    "email", ["DPD.Contoh+skt@partai-contoh.test", "dpd_2024@mail.partai.contoh.id"]
)
def test_sign_up_keeps_accepting_plain_addresses(client, email):
    response = client.post("/akun/daftar", data=_signup(email))
    assert response.status_code == 302
    assert _emails() == [email.lower()]


def test_a_zero_width_space_makes_no_second_admin_address(client, make):
    make.user(Role.SUPERADMIN, username="admin", email="admin@kesbangpol.contoh.test")
    response = client.post("/akun/daftar", data=_signup("admin\u200b@kesbangpol.contoh.test"))
    assert response.status_code == 200
    assert "sudah terdaftar" in response.get_data(as_text=True)
    assert _emails() == ["admin@kesbangpol.contoh.test"]


@pytest.mark.parametrize("email", LOOKALIKES[:2])
def test_staff_account_form_refuses_a_lookalike_email(client, make, login_as, email):
    admin = login_as(make.user(Role.SUPERADMIN, email="admin@kesbangpol.contoh.test"))
    page = admin.post(
        "/admin/pengguna/baru",
        data={
            "username": "rina.verifikator",
            "email": email,
            "full_name": "Rina Contoh",
            "role": "verifikator",
            "password": GOOD,
            "confirm": GOOD,
        },
    ).get_data(as_text=True)
    assert NOT_PLAIN in page
    assert _emails() == ["admin@kesbangpol.contoh.test"]
