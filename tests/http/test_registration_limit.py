"""Sign-up is limited per network address: only accounts actually created count, and the
answer past the limit is a clear 429 that creates nothing."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import User
from sisakat.services.accounts import REGISTER_IP_LIMIT
from tests.auth_helpers import use_clock

GOOD = "pohon-durian-berbuah"


def _party(n: int, **overrides) -> dict:
    data = {
        "kind": "parpol",
        "board_name": f"DPW Partai Contoh {n} Provinsi Sumatera Selatan",
        "email": f"sekretariat{n}@partai-contoh.example.com",
        "password": GOOD,
        "confirm": GOOD,
    }
    data.update(overrides)
    return data


def _count() -> int:
    return db.session.execute(db.select(db.func.count(User.id))).scalar_one()


def test_sign_ups_past_the_limit_are_refused_and_create_nothing(app, make):
    clock = use_clock(app)
    hall = {"REMOTE_ADDR": "10.0.0.7"}
    for n in range(3):  # refused forms (weak password) do not use up the limit
        page = app.test_client().post(
            "/akun/daftar",
            data=_party(n, password="12345678", confirm="12345678"),
            environ_base=hall,
        )
        assert page.status_code == 200
    for n in range(REGISTER_IP_LIMIT.hits):
        response = app.test_client().post("/akun/daftar", data=_party(n), environ_base=hall)
        assert response.status_code == 302, n
    before = _count()
    refused = app.test_client().post("/akun/daftar", data=_party(99), environ_base=hall)
    assert refused.status_code == 429
    assert "Terlalu banyak akun baru dari alamat jaringan ini" in refused.get_data(as_text=True)
    assert refused.headers["Retry-After"] == str(REGISTER_IP_LIMIT.seconds)
    assert _count() == before
    other = app.test_client().post(
        "/akun/daftar", data=_party(100), environ_base={"REMOTE_ADDR": "10.0.0.8"}
    )
    assert other.status_code == 302  # another address is not affected
    clock.advance(hours=2)
    later = app.test_client().post("/akun/daftar", data=_party(101), environ_base=hall)
    assert later.status_code == 302  # the window has passed


def test_probing_which_emails_have_accounts_is_limited_per_address(app, make):
    """The login form answers alike for an unknown and a known account, but sign-up says "E-mail
    ini sudah terdaftar": without a limit a script learnt which boards' e-mails have accounts."""
    from sisakat.services.accounts import REGISTER_TAKEN_LIMIT

    clock = use_clock(app)
    make.party(make.user(email="sekretariat0@partai-contoh.example.com"))
    probe = {"REMOTE_ADDR": "10.0.0.9"}
    for _ in range(REGISTER_TAKEN_LIMIT.hits):
        page = app.test_client().post("/akun/daftar", data=_party(0), environ_base=probe)
        assert page.status_code == 200
        assert "E-mail ini sudah terdaftar" in page.get_data(as_text=True)
    before = _count()
    for n in (0, 1):  # a taken e-mail and a new one are answered alike: nothing is told
        refused = app.test_client().post("/akun/daftar", data=_party(n), environ_base=probe)
        assert refused.status_code == 429
        page = refused.get_data(as_text=True)
        assert "E-mail ini sudah terdaftar" not in page
        assert "Terlalu banyak pendaftaran ditolak dari alamat jaringan ini" in page
        assert refused.headers["Retry-After"] == str(REGISTER_TAKEN_LIMIT.seconds)
    assert _count() == before
    other = app.test_client().post(
        "/akun/daftar", data=_party(2), environ_base={"REMOTE_ADDR": "10.0.0.10"}
    )
    assert other.status_code == 302  # another address is not affected
    clock.advance(hours=2)
    later = app.test_client().post("/akun/daftar", data=_party(3), environ_base=probe)
    assert later.status_code == 302  # the window has passed
