"""Party sign-up: account and party row in one step, duplicates, weak passwords, hostile input."""

import pytest

from sisakat.extensions import db
from sisakat.models import AuditEvent, Party, Role, User
from tests.auth_helpers import form_login, is_logged_in

BOARD = "DPW Partai Contoh Provinsi Sumatera Selatan"
GOOD = "pohon-durian-berbuah"


def _form(**overrides) -> dict:
    data = {"board_name": BOARD, "email": "dpw.contoh@contoh.test", "password": GOOD}
    data["confirm"] = overrides.get("password", GOOD)
    data.update(overrides)
    return data


def _users() -> list[User]:
    return list(db.session.execute(db.select(User)).scalars())


def test_register_creates_account_and_party_and_logs_in(client):
    response = client.post("/akun/daftar", data=_form(email="DPW.Contoh@Contoh.test"))
    assert response.status_code == 302
    assert response.headers["Location"] == "/pemohon/"
    (user,) = _users()
    assert (user.role, user.username, user.email) == (
        Role.PEMOHON, "dpw.contoh@contoh.test", "dpw.contoh@contoh.test"
    )  # fmt: skip
    assert user.password_hash.startswith("$argon2id$")
    assert db.session.execute(db.select(Party.board_name)).scalars().all() == [BOARD]
    assert is_logged_in(client, "/pemohon/")
    event = db.session.execute(db.select(AuditEvent)).scalars().one()
    assert (event.action, event.actor_id) == ("account.register", user.id)
    assert GOOD not in event.details


def test_register_refuses_taken_email_case_insensitively(client, make):
    make.party(make.user(email="dpw.contoh@contoh.test"))
    response = client.post("/akun/daftar", data=_form(email="DPW.CONTOH@contoh.test"))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "E-mail ini sudah terdaftar" in page
    assert BOARD in page  # what the user typed comes back
    assert len(_users()) == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password": "sayangku"}, "terlalu umum"),
        ({"password": "dpw.contoh@contoh.test"}, "tidak boleh sama"),
        ({"confirm": "pohon-durian-busuk"}, "Konfirmasi kata sandi tidak sama"),
        ({"email": "bukan-email"}, "Alamat e-mail tidak valid"),
        ({"board_name": "DPW Partai\x00 Contoh"}, "karakter yang tidak diizinkan"),
        ({"board_name": ""}, "Isi nama kepengurusan"),
    ],
)
def test_register_refusals_create_nothing(client, overrides, message):
    response = client.post("/akun/daftar", data=_form(**overrides))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert _users() == []
    assert not is_logged_in(client)


def test_markup_in_board_name_is_stored_literally_and_shown_escaped(client):
    board = '<script>alert("x")</script> DPW & <b>Contoh</b>'
    client.post("/akun/daftar", data=_form(board_name=board))
    assert db.session.execute(db.select(Party.board_name)).scalar_one() == board
    page = client.get("/pemohon/").get_data(as_text=True)
    assert "&lt;script&gt;alert(" in page
    assert "<script>alert(" not in page


def test_forged_role_field_is_ignored(client):
    client.post("/akun/daftar", data=_form(role="superadmin", active="0"))
    (user,) = _users()
    assert user.role == Role.PEMOHON
    assert user.active


def test_logged_in_user_is_sent_home_from_register(client, make):
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    response = client.get("/akun/daftar")
    assert response.headers["Location"] == "/petugas/"


def test_longest_board_name_fits_every_database(app, client):
    board = "DPW Partai Contoh Provinsi " + "Sumatera Selatan " * 11
    board = board[:200].strip()
    assert client.post("/akun/daftar", data=_form(board_name=board)).status_code == 302
    assert db.session.execute(db.select(Party.board_name)).scalar_one() == board
    data = _form(board_name="x" * 201, email="b@contoh.test")
    too_long = app.test_client().post("/akun/daftar", data=data)
    assert "maksimal 200 karakter" in too_long.get_data(as_text=True)


def test_every_sign_up_problem_is_reported_in_one_round(client):
    """A short password came back alone; the mismatched confirmation and the missing board name
    only after the second try. Now the policy is checked with the fields' own checks."""
    data = _form(board_name="", password="pendek", confirm="pendek2")
    page = client.post("/akun/daftar", data=data).get_data(as_text=True)
    beside = page.split('id="password-error">', 1)[-1].split("</div></div>", 1)[0]
    assert "Kata sandi minimal 8 karakter." in beside
    assert "Konfirmasi kata sandi tidak sama." in page
    assert "Isi nama kepengurusan." in page
    assert 'value="dpw.contoh@contoh.test"' in page  # what was typed stays, except passwords
    assert "pendek" not in page
    assert _users() == []


def test_a_common_password_is_reported_with_a_bad_email_in_one_round(client):
    page = client.post(
        "/akun/daftar", data=_form(password="bismillah", email="bukan-email")
    ).get_data(as_text=True)
    assert "terlalu umum" in page
    assert "Alamat e-mail tidak valid" in page
    assert _users() == []
