"""User administration by the super admin: list, create, edit, (de)activate, reset password."""

import json

import pytest

from sisakat.extensions import db
from sisakat.models import AuditEvent, Role, User
from sisakat.services.passwords import verify_password

NIK = "1671010101900001"
NIP = "198001012005011001"
GOOD = "kopi-robusta-lahat"


def _staff_form(**overrides) -> dict:
    data = {
        "username": "rina.verifikator",
        "email": "rina@kesbangpol.contoh.test",
        "full_name": "Rina Contoh",
        "role": "penandatangan",
        "position": "Kepala Badan",
        "nip": NIP,
        "nik": NIK,
        "password": GOOD,
        "confirm": GOOD,
    }
    data.update(overrides)
    return data


def _by_username(username: str) -> User | None:
    return db.session.execute(db.select(User).where(User.username == username)).scalar()


def _audit_text() -> str:
    rows = db.session.execute(db.select(AuditEvent)).scalars()
    return "\n".join(f"{e.action} {e.details} {e.actor_label}" for e in rows)


@pytest.fixture
def admin(app, make, login_as):
    """A logged-in super admin client (the account is ``admin.account``)."""
    account = make.user(Role.SUPERADMIN)
    client = login_as(account)
    client.account = account
    return client


def test_create_penandatangan_keeps_nik_out_of_audit_and_logs(admin, caplog):
    caplog.set_level("DEBUG")
    response = admin.post("/admin/pengguna/baru", data=_staff_form())
    assert response.headers["Location"] == "/admin/pengguna"
    user = _by_username("rina.verifikator")
    assert (user.role, user.nip, user.nik, user.position) == (
        Role.PENANDATANGAN, NIP, NIK, "Kepala Badan"
    )  # fmt: skip
    assert verify_password(user.password_hash, GOOD)
    assert "user.create" in _audit_text()
    assert NIK not in _audit_text()
    assert GOOD not in _audit_text()
    assert "/admin/pengguna/baru" in caplog.text  # the access log ran ...
    assert NIK not in caplog.text  # ... without the NIK or the password
    assert GOOD not in caplog.text


def test_nik_is_dropped_for_roles_that_do_not_sign_with_bsre(admin):
    admin.post("/admin/pengguna/baru", data=_staff_form(role="verifikator"))
    assert _by_username("rina.verifikator").nik is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password": "indonesia", "confirm": "indonesia"}, "terlalu umum"),
        ({"nik": "12345"}, "NIK harus 16 digit angka"),
        ({"nip": "19800101200501100X"}, "NIP harus 18 digit angka"),
        ({"nik": "١٦٧١٠١٠١٠١٩٠٠٠٠١"}, "NIK harus 16 digit angka"),  # Arabic-Indic digits
        ({"nip": "۱۹۸۰۰۱۰۱۲۰۰۵۰۱۱۰۰۱"}, "NIP harus 18 digit angka"),  # Persian digits
        ({"role": "pemohon"}, "Pilihan tidak valid"),
        ({"username": "a b"}, "Nama pengguna 3-64 karakter"),
        ({"full_name": "Rina\x00"}, "karakter yang tidak diizinkan"),
    ],
)
def test_create_user_refusals(admin, overrides, message):
    response = admin.post("/admin/pengguna/baru", data=_staff_form(**overrides))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert _by_username("rina.verifikator") is None


def test_a_password_like_the_username_is_refused_beside_the_password(admin):
    form = _staff_form(password="Rina.Verifikator", confirm="Rina.Verifikator")
    html = admin.post("/admin/pengguna/baru", data=form).get_data(as_text=True)
    assert 'id="password-error">' in html
    beside = html.split('id="password-error">', 1)[-1].split("</div></div>", 1)[0]
    assert "tidak boleh sama dengan nama pengguna" in beside
    assert _by_username("rina.verifikator") is None


def test_create_user_refuses_duplicate_username_and_email(admin, make):
    make.user(Role.VERIFIKATOR, username="rina.verifikator", email="lain@contoh.test")
    page = admin.post("/admin/pengguna/baru", data=_staff_form()).get_data(as_text=True)
    assert "Nama pengguna ini sudah dipakai" in _beside(page, "username")
    budi = make.user(Role.PEMOHON, email="budi@contoh.test")
    data = _staff_form(username="budi", email="BUDI@contoh.test")
    page = admin.post("/admin/pengguna/baru", data=data).get_data(as_text=True)
    # The admin's wording, beside the field: not the sign-up's "Silakan masuk" in a flash.
    assert "E-mail ini sudah terdaftar pada akun lain." in _beside(page, "email")
    assert "Silakan masuk" not in page
    assert _by_username("budi") is None
    staff = make.user(Role.VERIFIKATOR)
    data = _staff_form(email=budi.email, role="verifikator")
    page = admin.post(f"/admin/pengguna/{staff.id}", data=data).get_data(as_text=True)
    assert "E-mail ini sudah terdaftar pada akun lain." in _beside(page, "email")


def _beside(page: str, field: str) -> str:
    """The error text shown beside ``field`` (empty when none)."""
    marker = f'id="{field}-error">'
    return page.split(marker, 1)[1].split("</div></div>", 1)[0] if marker in page else ""


def test_edit_staff_changes_fields_and_audits_names_only(admin, make):
    user = make.user(Role.VERIFIKATOR)
    data = _staff_form(email="Baru@Contoh.test", full_name="Nama Baru")
    response = admin.post(f"/admin/pengguna/{user.id}", data=data)
    assert response.status_code == 302
    user = db.session.get(User, user.id)
    assert (user.email, user.full_name, user.role, user.nik) == (
        "baru@contoh.test", "Nama Baru", Role.PENANDATANGAN, NIK
    )  # fmt: skip
    event = db.session.execute(db.select(AuditEvent)).scalars().one()
    assert "nik" in json.loads(event.details)["fields"]
    assert NIK not in event.details


def test_edit_pemohon_ignores_forged_role_and_keeps_email_as_username(admin, make):
    party = make.party()
    data = {"email": "baru.dpw@contoh.test", "full_name": "DPW Baru", "role": "superadmin"}
    assert admin.post(f"/admin/pengguna/{party.account_id}", data=data).status_code == 302
    user = db.session.get(User, party.account_id)
    assert (user.role, user.username, user.email) == (
        Role.PEMOHON, "baru.dpw@contoh.test", "baru.dpw@contoh.test"
    )  # fmt: skip


def test_edit_pemohon_refuses_an_email_too_long_to_be_its_username(admin, make):
    party = make.party()
    account = db.session.get(User, party.account_id)
    before = (account.username, account.email, account.full_name)
    long_email = "k" * 60 + "@contoh.test"  # 72 characters: a valid e-mail, too long a username
    data = {"email": long_email, "full_name": "DPW Baru"}
    page = admin.post(f"/admin/pengguna/{party.account_id}", data=data)
    assert page.status_code == 200
    assert "paling banyak 64 karakter" in page.text
    assert f'value="{long_email}"' in page.text  # what was typed stays
    db.session.expire_all()
    user = db.session.get(User, party.account_id)
    assert (user.username, user.email, user.full_name) == before


def test_deactivate_and_activate(admin, make):
    user = make.user(Role.VERIFIKATOR)
    admin.post(f"/admin/pengguna/{user.id}/nonaktifkan")
    user = db.session.get(User, user.id)
    assert (user.active, user.session_epoch) == (False, 1)
    admin.post(f"/admin/pengguna/{user.id}/aktifkan")
    assert db.session.get(User, user.id).active
    assert "user.deactivate" in _audit_text()
    assert "user.activate" in _audit_text()


def test_admin_cannot_deactivate_or_demote_self(admin):
    me = admin.account
    response = admin.post(f"/admin/pengguna/{me.id}/nonaktifkan", follow_redirects=True)
    assert "tidak dapat menonaktifkan" in response.get_data(as_text=True)
    data = _staff_form(email=me.email, role="verifikator")
    page = admin.post(f"/admin/pengguna/{me.id}", data=data).get_data(as_text=True)
    assert "akun Anda sendiri" in page
    me = db.session.get(User, me.id)
    assert (me.active, me.role) == (True, Role.SUPERADMIN)


def test_reset_password_sets_hash_and_ends_sessions(admin, make):
    user = make.user(Role.VERIFIKATOR)
    data = {"password": GOOD, "confirm": GOOD}
    admin.post(f"/admin/pengguna/{user.id}/reset-kata-sandi", data=data)
    user = db.session.get(User, user.id)
    assert verify_password(user.password_hash, GOOD)
    assert user.session_epoch == 1
    weak = {"password": "rahasia123", "confirm": "rahasia123"}
    response = admin.post(f"/admin/pengguna/{user.id}/reset-kata-sandi", data=weak)
    assert "terlalu umum" in response.get_data(as_text=True)
    assert verify_password(db.session.get(User, user.id).password_hash, GOOD)


def test_reset_password_reports_a_short_password_and_a_mismatch_in_one_round(admin, make):
    """A party that forgot its password calls the office; the admin's new password was checked
    against the policy only after the confirmation matched: two rounds for one reset."""
    user = make.user(Role.PEMOHON, email="dpw@partai-contoh.example.com")
    data = {"password": "pendek", "confirm": "pendek2"}
    page = admin.post(f"/admin/pengguna/{user.id}/reset-kata-sandi", data=data).get_data(True)
    assert "Kata sandi minimal 8 karakter." in page
    assert "Konfirmasi kata sandi tidak sama." in page
    same = {"password": "dpw@partai-contoh.example.com", "confirm": "x"}
    page = admin.post(f"/admin/pengguna/{user.id}/reset-kata-sandi", data=same).get_data(True)
    assert "tidak boleh sama dengan nama pengguna atau e-mail" in page
    assert "Konfirmasi kata sandi tidak sama." in page
    assert verify_password(db.session.get(User, user.id).password_hash, "kata-sandi-uji-123")


def test_list_filters_by_role_searches_and_paginates(admin, make):
    for n in range(30):
        make.user(Role.PEMOHON, commit=False, full_name=f"Partai Contoh {n}")
    make.user(Role.VERIFIKATOR, full_name="Siti_Verifikator")
    page = admin.get("/admin/pengguna?role=verifikator").get_data(as_text=True)
    assert "Siti_Verifikator" in page
    assert "Partai Contoh" not in page
    page = admin.get("/admin/pengguna?q=_").get_data(as_text=True)  # "_" is no wildcard
    assert "Siti_Verifikator" in page
    assert "Partai Contoh" not in page
    page = admin.get("/admin/pengguna?role=pemohon&halaman=2").get_data(as_text=True)
    assert "Total 30 pengguna" in page
    assert "halaman=1" in page
    assert admin.get("/admin/pengguna?role=hacker&halaman=-5").status_code == 200


def test_non_admins_get_403_and_unknown_user_404(admin, make, login_as):
    target = make.user(Role.VERIFIKATOR)
    for role in (Role.PEMOHON, Role.VERIFIKATOR, Role.PENANDATANGAN):
        client = login_as(make.user(role))
        assert client.get("/admin/pengguna").status_code == 403
        assert client.post(f"/admin/pengguna/{target.id}/nonaktifkan").status_code == 403
    assert db.session.get(User, target.id).active
    assert admin.get("/admin/pengguna/999999").status_code == 404
    assert admin.post("/admin/pengguna/999999/nonaktifkan").status_code == 404


def test_nip_and_nik_typed_with_spaces_are_kept_as_digits(admin):
    """The NIP is printed 8-6-1-3 everywhere; typed that way it was refused ('harus 18 digit')."""
    grouped = {"nip": "19800101 200501 1 001", "nik": "1671 0101 0190 0001"}
    response = admin.post("/admin/pengguna/baru", data=_staff_form(**grouped))
    assert response.status_code == 302
    user = _by_username("rina.verifikator")
    assert (user.nip, user.nik) == (NIP, NIK)


def test_a_short_password_and_a_mismatch_are_both_reported_in_one_round(admin):
    form = _staff_form(password="pendek", confirm="pendek2", nik="12345")
    response = admin.post("/admin/pengguna/baru", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    beside = html.split('id="password-error">', 1)[-1].split("</div></div>", 1)[0]
    assert "Kata sandi minimal" in beside
    assert "Konfirmasi kata sandi tidak sama." in html
    assert "NIK harus 16 digit angka" in html
    assert 'value="rina.verifikator"' in html  # what was typed stays, except the passwords
    assert 'value="Kepala Badan"' in html
    assert "pendek" not in html
    assert _by_username("rina.verifikator") is None


def test_reset_password_shows_every_problem_beside_its_field_at_once(admin, make):
    user = make.user(Role.VERIFIKATOR)
    before = db.session.get(User, user.id).password_hash
    data = {"password": "pendek", "confirm": "pendek2"}
    response = admin.post(f"/admin/pengguna/{user.id}/reset-kata-sandi", data=data)
    assert response.status_code == 200  # the page itself, not a redirect to a flash
    page = response.get_data(as_text=True)
    password_error = page.split('id="password-error"')[1].split("</div></div>")[0]
    assert "Kata sandi minimal 8 karakter." in password_error
    assert "Konfirmasi kata sandi tidak sama." in page.split('id="confirm-error"')[1]
    assert "alert-danger" not in page
    same = {"password": user.username, "confirm": user.username + "x"}
    page = admin.post(f"/admin/pengguna/{user.id}/reset-kata-sandi", data=same).get_data(True)
    assert "tidak boleh sama dengan nama pengguna" in page.split('id="password-error"')[1]
    assert db.session.get(User, user.id).password_hash == before


def test_admin_changes_own_password_only_with_the_old_one(admin):
    me = admin.account
    before = me.password_hash
    page = admin.get(f"/admin/pengguna/{me.id}").get_data(as_text=True)
    assert "reset-kata-sandi" not in page
    assert f"/admin/pengguna/{me.id}/nonaktifkan" not in page  # refused: not offered either
    assert 'href="/akun/kata-sandi"' in page
    data = {"password": GOOD, "confirm": GOOD}
    response = admin.post(f"/admin/pengguna/{me.id}/reset-kata-sandi", data=data)
    assert "Kata sandi akun Anda sendiri diganti di menu" in response.get_data(as_text=True)
    assert db.session.get(User, me.id).password_hash == before
    assert admin.get("/admin/").status_code == 200  # still logged in
