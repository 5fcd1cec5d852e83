"""CLI: create-admin and reset-password (no default accounts; the normal password policy)."""

from sisakat.extensions import db
from sisakat.models import AuditEvent, Role, User
from sisakat.services.passwords import verify_password

GOOD = "gunung-dempo-berkabut"


def _create(runner, password=GOOD, *args, **kw):
    argv = ["create-admin", "--username", "Admin.Kantor", "--email", "admin@kantor.contoh.test"]
    env = {"SISAKAT_ADMIN_PASSWORD": password} if password else {}
    return runner.invoke(args=argv + list(args), env=env, **kw)


def _admins() -> list[User]:
    return list(db.session.execute(db.select(User).where(User.role == Role.SUPERADMIN)).scalars())


def test_create_admin_with_password_from_environment(runner):
    result = _create(runner, GOOD, "--name", "Dewi Contoh")
    assert result.exit_code == 0, result.output
    assert "Super admin 'admin.kantor' dibuat." in result.output
    (admin,) = _admins()
    assert (admin.username, admin.full_name) == ("admin.kantor", "Dewi Contoh")
    assert admin.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    event = db.session.execute(db.select(AuditEvent)).scalars().one()
    assert (event.action, event.actor_label) == ("user.create", "cli")
    assert GOOD not in event.details


def test_create_admin_with_hidden_prompt_and_confirmation(runner, monkeypatch):
    monkeypatch.delenv("SISAKAT_ADMIN_PASSWORD", raising=False)
    result = _create(runner, None, input=f"{GOOD}\n{GOOD}\n")
    assert result.exit_code == 0, result.output
    assert GOOD not in result.output  # hidden input is not echoed
    assert verify_password(_admins()[0].password_hash, GOOD)


def test_create_admin_refuses_weak_and_common_passwords(runner):
    for weak in ("bismillah", "pendek", "admin.kantor"):
        result = _create(runner, weak)
        assert result.exit_code != 0
        assert "Kata sandi" in result.output
    assert _admins() == []


def test_create_admin_refuses_duplicates(runner):
    assert _create(runner).exit_code == 0
    result = _create(runner)
    assert result.exit_code == 1
    assert "sudah" in result.output
    assert len(_admins()) == 1


def test_reset_password_bumps_epoch(runner, make):
    user = make.user(Role.VERIFIKATOR)
    env = {"SISAKAT_ADMIN_PASSWORD": GOOD}
    result = runner.invoke(args=["reset-password", "--username", user.username], env=env)
    assert result.exit_code == 0, result.output
    stored = db.session.get(User, user.id)
    assert verify_password(stored.password_hash, GOOD)
    assert stored.session_epoch == 1


def test_reset_password_refuses_unknown_user_and_weak_password(runner, make):
    user = make.user(Role.VERIFIKATOR)
    env = {"SISAKAT_ADMIN_PASSWORD": GOOD}
    result = runner.invoke(args=["reset-password", "--username", "tidak-ada"], env=env)
    assert result.exit_code == 1
    assert "tidak ditemukan" in result.output
    env = {"SISAKAT_ADMIN_PASSWORD": "password123"}
    result = runner.invoke(args=["reset-password", "--username", user.username], env=env)
    assert result.exit_code == 1
    assert "terlalu umum" in result.output
    assert db.session.get(User, user.id).session_epoch == 0


def test_create_admin_prompt_mismatch_asks_again_in_indonesian(runner, monkeypatch):
    """Two different passwords at the prompt are told in Bahasa Indonesia (click's own text is
    English) and asked again; the account is made from the pair that matched."""
    monkeypatch.delenv("SISAKAT_ADMIN_PASSWORD", raising=False)
    result = _create(runner, None, input=f"{GOOD}\nsalah-ketik-sekali\n{GOOD}\n{GOOD}\n")
    assert result.exit_code == 0, result.output
    assert "Kata sandi tidak sama; ketik lagi." in result.output
    assert "do not match" not in result.output
    assert "Error" not in result.output
    assert verify_password(_admins()[0].password_hash, GOOD)


def test_account_command_refusals_start_with_gagal_not_english(runner, make):
    """A refused create-admin or reset-password reads like the other commands' refusals:
    "GAGAL: <reason>" and exit 1, without click's English "Error:"."""
    assert _create(runner).exit_code == 0
    refusals = [
        (_create(runner), "GAGAL: E-mail ini sudah terdaftar pada akun lain."),
        (_create(runner, "bismillah"), "GAGAL: Kata sandi ini terlalu umum"),
        (
            runner.invoke(args=["create-admin", "--username", "ad min", "--email", "a@b.test"]),
            "GAGAL: Nama pengguna 3-64 karakter",
        ),
        (
            runner.invoke(
                args=["reset-password", "--username", "tidak-ada"],
                env={"SISAKAT_ADMIN_PASSWORD": GOOD},
            ),
            "GAGAL: Pengguna 'tidak-ada' tidak ditemukan.",
        ),
    ]
    for result, expected in refusals:
        assert result.exit_code == 1
        assert result.output.startswith(expected), result.output
        assert "Error" not in result.output
    assert len(_admins()) == 1
