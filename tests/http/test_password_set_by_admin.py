"""A password the super admin typed (a reset, a new staff account) must be changed by its owner
before any other page opens: until then every logged-in page leads to Ubah Kata Sandi."""

import re

import pytest

from sisakat.extensions import db
from sisakat.models import Role, User
from tests.auth_helpers import form_login

GIVEN = "kopi-robusta-lahat"
OWN = "teh-melati-pagaralam"
CHANGE = "/akun/kata-sandi"


@pytest.fixture
def admin(make, login_as):
    """A logged-in super admin client."""
    return login_as(make.user(Role.SUPERADMIN))


def _new_staff(admin) -> User:
    data = {
        "username": "rina.verifikator",
        "email": "rina@kesbangpol.contoh.test",
        "full_name": "Rina Contoh",
        "role": "verifikator",
        "password": GIVEN,
        "confirm": GIVEN,
    }
    admin.post("/admin/pengguna/baru", data=data)
    return db.session.execute(db.select(User).filter_by(username="rina.verifikator")).scalar()


def _reset(admin, user: User) -> User:
    data = {"password": GIVEN, "confirm": GIVEN}
    admin.post(f"/admin/pengguna/{user.id}/reset-kata-sandi", data=data)
    return db.session.get(User, user.id)


def _assert_held_at_change_page(client, pages, *, by: str) -> None:
    for page in pages:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.headers["Location"] == CHANGE, page
    text = client.get(CHANGE).get_data(as_text=True)
    assert f"ditetapkan oleh {by}" in text  # says why, on the page itself, naming who did it


def _change(client) -> None:
    data = {"current": GIVEN, "password": OWN, "confirm": OWN}
    response = client.post(CHANGE, data=data)
    assert response.status_code == 302
    assert response.headers["Location"] != CHANGE


def test_new_staff_account_must_change_the_password_the_admin_typed(app, admin, client):
    user = _new_staff(admin)
    assert user.must_change_password
    login = form_login(client, "rina.verifikator", GIVEN)
    assert login.status_code == 302
    _assert_held_at_change_page(client, ["/", "/petugas/", "/akun/notifikasi"], by="admin")
    with client.get("/static/css/sisakat.css") as static:
        assert static.status_code == 200
    _change(client)
    assert not db.session.get(User, user.id).must_change_password
    assert client.get("/akun/notifikasi").status_code == 200


def test_reset_by_the_admin_holds_the_party_at_the_change_page(app, admin, make, client):
    owner = make.party().account
    assert not owner.must_change_password
    owner = _reset(admin, owner)
    assert owner.must_change_password
    form_login(client, owner.username, GIVEN)
    # A party knows no "admin": the office's staff (found by users) set the password.
    _assert_held_at_change_page(client, ["/", "/pemohon/", "/akun/notifikasi"], by="petugas kantor")
    assert "oleh admin" not in client.get(CHANGE).get_data(as_text=True)
    script = client.get("/akun/notifikasi", headers={"X-Requested-With": "XMLHttpRequest"})
    assert script.status_code == 403
    assert "ditetapkan oleh petugas kantor" in script.get_json()["message"]
    assert client.get("/akun/sesi").status_code == 204  # the change form's session ping
    wrong = {"current": "salah-sekali-ini", "password": OWN, "confirm": OWN}
    client.post(CHANGE, data=wrong)
    assert db.session.get(User, owner.id).must_change_password  # a failed change keeps it
    _change(client)
    assert not db.session.get(User, owner.id).must_change_password
    assert client.get("/pemohon/").status_code == 200


def test_logout_still_works_while_held(app, admin, make, client):
    owner = _reset(admin, make.user(Role.PENANDATANGAN))
    form_login(client, owner.username, GIVEN)
    client.get(CHANGE)
    response = client.post("/akun/keluar", data={})
    assert response.status_code == 302
    assert response.headers["Location"] != CHANGE
    assert client.get("/").status_code == 200  # logged out: the public page opens


def test_cli_reset_by_the_operator_does_not_hold_the_account(app, make, runner):
    user = make.user(Role.VERIFIKATOR)
    result = runner.invoke(
        args=["reset-password", "--username", user.username], input=f"{GIVEN}\n{GIVEN}\n"
    )
    assert result.exit_code == 0, result.output
    assert not db.session.get(User, user.id).must_change_password


def _page_links(client, page) -> set[str]:
    """Every link target the page offers (``href``), static files left out."""
    text = client.get(page).get_data(as_text=True)
    hrefs = set(re.findall(r'<a\b[^>]*\bhref="([^"]*)"', text))
    return {h for h in hrefs if not h.startswith("/static/")}


def test_menu_while_held_offers_only_the_change_page_and_logout(app, admin, make, client):
    owner = _reset(admin, make.user(Role.SUPERADMIN))
    form_login(client, owner.username, GIVEN)
    links = _page_links(client, CHANGE)
    assert links <= {CHANGE, "#konten"}, links  # nothing that only leads back here
    text = client.get(CHANGE).get_data(as_text=True)
    assert 'action="/akun/keluar"' in text
    assert ">Keluar</button>" in text
    assert "Administrasi" not in text
    assert "Notifikasi" not in text
    _change(client)
    links = _page_links(client, CHANGE)
    assert "/admin/" in links  # the full menu is back
    assert "/akun/notifikasi" in links
