"""AUTH-2 cookie flags, AUTH-3 session renewal and revocation, AUTH-4 idle/absolute timeouts."""

from sisakat.extensions import db
from sisakat.models import Role, User
from tests.auth_helpers import (
    COOKIE,
    cookie_value,
    copy_session,
    form_login,
    is_logged_in,
    use_clock,
)
from tests.conftest import SERVER_URL, _empty_server_tables, make_app


def test_auth2_production_cookie_is_secure_httponly_lax(tmp_path, template_db, make):
    app = make_app(tmp_path, template_db, SESSION_COOKIE_SECURE=True)
    with app.app_context():
        user = make.user(Role.VERIFIKATOR)
        response = form_login(app.test_client(), user.username)
        cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(COOKIE))
        attributes = {part.strip().lower() for part in cookie.split(";")}
        assert {"secure", "httponly", "samesite=lax", "path=/"} <= attributes
        db.session.remove()
        db.engine.dispose()
    if SERVER_URL:
        _empty_server_tables(app)


def test_auth3_cookie_changes_at_login_and_old_session_data_is_dropped(client, make):
    user = make.user(Role.VERIFIKATOR)
    with client.session_transaction() as sess:
        sess["planted"] = "nilai-penyerang"
    before = cookie_value(client)
    form_login(client, user.username)
    assert cookie_value(client) not in (None, before)
    with client.session_transaction() as sess:
        assert "planted" not in sess


def test_auth3_copied_cookie_dies_at_logout(client, make):
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    stolen = copy_session(client)
    assert is_logged_in(stolen)
    client.post("/akun/keluar")
    assert not is_logged_in(stolen)


def test_auth3_copied_cookie_dies_at_password_change(client, make):
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    stolen = copy_session(client)
    new = "nasi-goreng-kampung"
    data = {"current": "kata-sandi-uji-123", "password": new, "confirm": new}
    assert client.post("/akun/kata-sandi", data=data).status_code == 302
    assert is_logged_in(client)
    assert not is_logged_in(stolen)


def test_auth3_copied_cookie_dies_at_deactivation(app, client, make, login_as):
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    stolen = copy_session(client)
    admin = login_as(make.user(Role.SUPERADMIN))
    assert admin.post(f"/admin/pengguna/{user.id}/nonaktifkan").status_code == 302
    assert not db.session.get(User, user.id).active
    assert not is_logged_in(stolen)
    assert not is_logged_in(client)


def test_auth4_idle_timeout(app, client, make):
    clock = use_clock(app)
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    clock.advance(minutes=59)
    assert is_logged_in(client)  # activity refreshes the idle stamp
    clock.advance(minutes=59)
    assert is_logged_in(client)
    clock.advance(minutes=61)
    response = client.get("/akun/kata-sandi")
    assert response.status_code == 302
    assert "/akun/masuk" in response.headers["Location"]


def test_auth4_absolute_timeout_despite_activity(app, client, make):
    clock = use_clock(app)
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    for _ in range(23):  # active every 30 minutes for 11.5 hours
        clock.advance(minutes=30)
        assert is_logged_in(client)
    clock.advance(minutes=31)
    assert not is_logged_in(client)
    page = client.get("/").get_data(as_text=True)
    assert "Masuk" in page


def test_a_changed_secret_key_refuses_the_old_cookie_at_once(app, client, make):
    """The session's signing serializer is built once per set of keys, not per request: a key
    rotated while the process runs refuses cookies signed with the old key from the next
    request, unless the old key is kept in ``SECRET_KEY_FALLBACKS``."""
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    assert is_logged_in(client)
    old_key = app.secret_key
    app.secret_key = app.config["SECRET_KEY"] = "kunci-baru-" + "x" * 40
    assert not is_logged_in(client)
    form_login(client, user.username)
    assert is_logged_in(client)
    app.secret_key = app.config["SECRET_KEY"] = old_key
    app.config["SECRET_KEY_FALLBACKS"] = ["kunci-baru-" + "x" * 40]
    assert is_logged_in(client)  # signed with the fallback key: still accepted
