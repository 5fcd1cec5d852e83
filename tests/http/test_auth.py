"""Login, logout, rate limits (AUTH-1), open redirects (AUTH-5) and password change."""

import re

import pytest

from sisakat.extensions import db
from sisakat.models import AuditEvent, Role, User
from sisakat.services import settings
from sisakat.services.passwords import verify_password
from tests.auth_helpers import form_login, is_logged_in, use_clock

WRONG = "bukan-kata-sandinya"
LIMITED = "Terlalu banyak percobaan masuk yang gagal"


def _audit(action: str) -> list[AuditEvent]:
    query = db.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    return list(db.session.execute(query).scalars())


def test_login_with_email_any_case_goes_home_and_is_audited(client, make):
    user = make.party().account
    response = form_login(client, user.email.upper())
    assert response.status_code == 302
    assert response.headers["Location"] == "/pemohon/"
    assert is_logged_in(client)
    assert db.session.get(User, user.id).last_login_at is not None
    assert [(e.actor_id, e.outcome, e.ip) for e in _audit("auth.login")] == [
        (user.id, "ok", "10.0.0.1")
    ]


@pytest.mark.parametrize(
    ("role", "home"),
    [
        (Role.VERIFIKATOR, "/petugas/"),
        (Role.PENANDATANGAN, "/tte/"),
        (Role.SUPERADMIN, "/admin/"),
    ],
)
def test_each_staff_role_lands_on_its_own_work(client, make, role, home):
    user = make.user(role)
    response = form_login(client, user.username)
    assert response.status_code == 302
    assert response.headers["Location"] == home
    assert client.get(home).status_code == 200


def test_wrong_password_and_unknown_user_get_the_same_message(client, make):
    user = make.user(Role.VERIFIKATOR)
    for name in (user.username, "tidak-ada"):
        response = form_login(client, name, WRONG)
        assert response.status_code == 200
        assert "Nama pengguna atau kata sandi salah" in response.get_data(as_text=True)
    assert [e.outcome for e in _audit("auth.login")] == ["gagal", "gagal"]
    assert not is_logged_in(client)


def test_inactive_account_cannot_log_in(client, make):
    user = make.user(Role.VERIFIKATOR, active=False)
    response = form_login(client, user.username)
    assert "akun tidak aktif" in response.get_data(as_text=True)
    assert not is_logged_in(client)


def test_auth1_account_limit_holds_across_rotating_ips_and_lifts_after_window(app, client, make):
    clock = use_clock(app)
    user = make.user(Role.VERIFIKATOR)
    for n in range(5):
        assert form_login(client, user.username, WRONG, ip=f"10.1.0.{n}").status_code == 200
    # Even the right password from a fresh address is refused while the window lasts.
    response = form_login(client, user.email, ip="10.9.9.9")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "900"
    assert LIMITED in response.get_data(as_text=True)
    assert _audit("auth.login")[-1].outcome == "dibatasi"
    clock.advance(minutes=15)
    response = form_login(client, user.username, ip="10.9.9.9")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_auth1_ip_limit_blocks_that_address_only(app, client, make):
    clock = use_clock(app)
    user = make.user(Role.VERIFIKATOR)
    for n in range(20):
        form_login(client, f"tebakan{n}", WRONG, ip="10.2.0.1")
    response = form_login(client, user.username, ip="10.2.0.1")
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.get_data(as_text=True)
    assert form_login(app.test_client(), user.username, ip="10.2.0.2").status_code == 302
    clock.advance(minutes=16)
    assert form_login(app.test_client(), user.username, ip="10.2.0.1").status_code == 302


def test_success_resets_the_account_counter(app, client, make):
    use_clock(app)
    user = make.user(Role.VERIFIKATOR)
    for _ in range(4):
        form_login(client, user.username, WRONG)
    assert form_login(client, user.username).status_code == 302
    other = app.test_client()
    for _ in range(4):
        form_login(other, user.username, WRONG)
    assert form_login(other, user.username).status_code == 302


@pytest.mark.parametrize(
    "target", ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"]
)
def test_auth5_next_never_leaves_the_site(client, make, target):
    user = make.party().account
    response = form_login(client, user.email, query_string={"next": target})
    assert response.headers["Location"] == "/pemohon/"


def test_local_next_is_followed(client, make):
    user = make.party().account
    response = form_login(client, user.email, query_string={"next": "/akun/kata-sandi"})
    assert response.headers["Location"] == "/akun/kata-sandi"


def test_logout_ends_session_and_is_audited(client, make):
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    response = client.post("/akun/keluar")
    assert response.headers["Location"] == "/"
    assert not is_logged_in(client)
    assert db.session.get(User, user.id).session_epoch == 1
    assert len(_audit("auth.logout")) == 1


def test_change_password_keeps_this_session(client, make):
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    new = "teh-manis-hangat-2026"
    data = {"current": "kata-sandi-uji-123", "password": new, "confirm": new}
    response = client.post("/akun/kata-sandi", data=data)
    assert response.status_code == 302
    stored = db.session.get(User, user.id)
    assert verify_password(stored.password_hash, new)
    assert stored.session_epoch == 1
    assert is_logged_in(client)
    assert len(_audit("account.change_password")) == 1


@pytest.mark.parametrize(
    ("current", "new", "confirm", "message"),
    [
        ("salah-sekali-123", "teh-manis-hangat", "teh-manis-hangat", "Kata sandi saat ini salah."),
        ("kata-sandi-uji-123", "bismillah", "bismillah", "terlalu umum"),
        ("kata-sandi-uji-123", "teh-manis-hangat", "teh-manis-dingin", "tidak sama"),
        ("kata-sandi-uji-123", "pendek", "pendek", "minimal 8 karakter"),
    ],
)
def test_change_password_refusals_keep_old_password(client, make, current, new, confirm, message):
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    data = {"current": current, "password": new, "confirm": confirm}
    response = client.post("/akun/kata-sandi", data=data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    stored = db.session.get(User, user.id)
    assert verify_password(stored.password_hash, "kata-sandi-uji-123")
    assert stored.session_epoch == 0


def test_nav_shows_register_and_login_or_user_links(client, make):
    page = client.get("/").get_data(as_text=True)
    assert "Daftar" in page
    assert "Masuk" in page
    user = make.user(Role.VERIFIKATOR, full_name="Rina Contoh")
    form_login(client, user.username)
    page = client.get("/").get_data(as_text=True)
    assert "Rina Contoh" in page
    assert "Ubah Kata Sandi" in page
    assert "Keluar" in page


def test_guessing_current_password_is_limited_like_login(app, client, make):
    use_clock(app)
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    data = {"current": WRONG, "password": "teh-manis-hangat", "confirm": "teh-manis-hangat"}
    for _ in range(5):
        assert "Kata sandi saat ini salah." in client.post("/akun/kata-sandi", data=data).text
    data["current"] = "kata-sandi-uji-123"
    page = client.post("/akun/kata-sandi", data=data).get_data(as_text=True)
    assert LIMITED in page
    assert db.session.get(User, user.id).session_epoch == 0
    assert [e.outcome for e in _audit("account.change_password")] == ["gagal"] * 5


@pytest.mark.parametrize(
    ("current", "new", "field", "message"),
    [
        ("salah-sekali-123", "teh-manis-hangat", "current", "Kata sandi saat ini salah."),
        ("kata-sandi-uji-123", "bismillah", "password", "terlalu umum"),
        ("kata-sandi-uji-123", "kata-sandi-uji-123", "password", "harus berbeda"),
    ],
)
def test_change_password_refusal_stands_beside_the_field_it_is_about(
    client, make, current, new, field, message
):
    """A wrong current password or a refused new one used to be flashed above the form, with
    no field marked: the cursor stayed nowhere and a screen reader heard nothing at the field.
    Now the message is the field's own (aria-invalid, aria-describedby; sisakat.js focuses it)."""
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username)
    data = {"current": current, "password": new, "confirm": new}
    page = client.post("/akun/kata-sandi", data=data).get_data(as_text=True)
    error = re.search(rf'<div id="{field}-error">(.*?)</div></div>', page, re.S)
    assert error is not None
    assert message in error.group(1)
    tag = re.search(rf'<input[^>]*\bid="{field}"[^>]*>', page)
    assert tag is not None
    assert 'aria-invalid="true"' in tag.group(0)


def test_sign_up_with_a_common_password_marks_the_password_field(client):
    data = {
        "kind": "parpol",
        "board_name": "DPC Partai Contoh Kota Palembang",
        "email": "dpc@partai-contoh.example.com",
        "password": "bismillah",
        "confirm": "bismillah",
    }
    page = client.post("/akun/daftar", data=data).get_data(as_text=True)
    error = re.search(r'<div id="password-error">(.*?)</div></div>', page, re.S)
    assert error is not None
    assert "terlalu umum" in error.group(1)
    assert 'value="DPC Partai Contoh Kota Palembang"' in page


def test_login_page_tells_a_party_who_forgot_its_password_whom_to_contact(client):
    """A party that forgot its password found nothing on the login page: no reset link and no
    word that the office resets it (Administrasi → Pengguna). Now a 'Lupa kata sandi?' note
    says so and shows the office's contact channels (the same block as the home page)."""
    settings.update({"contact.whatsapp": "6281200001111"}, actor=None)
    db.session.commit()
    page = client.get("/akun/masuk").get_data(as_text=True)
    assert "<summary>Lupa kata sandi?</summary>" in page
    assert "Kata sandi pemohon diatur ulang oleh petugas Kesbangpol" in page
    assert "(0711) 000000" in page  # the agency's telephone
    assert "WhatsApp layanan +6281200001111" in page
    assert "Partai atau ormas belum punya akun?" in page
    # The password change sits in the menu under the account name (the navbar since it fits
    # one row at 1280 px), and the note says where.
    assert "<em>Ubah Kata Sandi</em> di menu nama akun Anda (kanan atas" in page
    # On a phone that name sits inside the collapsed menu: the note says to open it first.
    assert "di ponsel, buka dahulu tombol menu" in page


def test_change_password_reports_a_short_password_and_a_mismatch_in_one_round(client, make):
    """The policy was checked only after the form passed: 'tidak sama' first, 'minimal 8' next."""
    user = make.user(Role.PEMOHON)
    form_login(client, user.username)
    data = {"current": "kata-sandi-uji-123", "password": "pendek", "confirm": "pendek2"}
    page = client.post("/akun/kata-sandi", data=data).get_data(as_text=True)
    error = re.search(r'<div id="password-error">(.*?)</div></div>', page, re.S)
    assert error is not None
    assert "Kata sandi minimal 8 karakter." in error.group(1)
    assert "Konfirmasi kata sandi tidak sama." in page
    assert verify_password(db.session.get(User, user.id).password_hash, "kata-sandi-uji-123")
