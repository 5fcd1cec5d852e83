"""CFG-1: ``flask check --deploy`` passes a safe hosted setup and flags each unsafe setting."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.services import settings

SAFE = {
    "DEBUG": False,
    "SESSION_COOKIE_SECURE": True,
    "TRUSTED_HOSTS": ["sisakat.kesbangpol.example.test"],
    "TRUSTED_PROXY_COUNT": 1,
    "HOST": "127.0.0.1",
    "BACKUP_KEY_FILE": "/etc/sisakat/backup.key",
    "MAX_UPLOAD_MB": 10,
}


@pytest.fixture
def hosted(app):
    """The test app configured as a safe hosted install with real office settings."""
    app.config.update(SAFE)
    settings.update({"signatory.name": "Drs. Pejabat Nyata", "signatory.nip": "1" * 18}, actor=None)
    db.session.commit()
    return app


def _deploy_check(app):
    return app.test_cli_runner().invoke(args=["check", "--deploy"])


def test_safe_hosted_setup_passes(hosted):
    result = _deploy_check(hosted)
    assert result.exit_code == 0, result.output
    assert "pengaturan hosting aman" in result.output


@pytest.mark.parametrize(
    ("change", "flagged"),
    [
        ({"DEBUG": True}, "DEBUG aktif"),
        ({"SECRET_KEY": "dev"}, "SECRET_KEY lemah"),
        ({"SESSION_COOKIE_SECURE": False}, "SESSION_COOKIE_SECURE mati"),
        ({"TRUSTED_HOSTS": None}, "TRUSTED_HOSTS belum disetel"),
        ({"PUBLIC_BASE_URL": "http://sisakat.example.test"}, "PUBLIC_BASE_URL harus https://"),
        ({"TRUSTED_PROXY_COUNT": 0}, "tidak ada TLS"),
        ({"HOST": "0.0.0.0"}, "HOST harus 127.0.0.1"),
        ({"BACKUP_KEY_FILE": ""}, "kunci cadangan belum disetel"),
        ({"MAX_UPLOAD_MB": 500}, "MAX_UPLOAD_MB terlalu besar"),
    ],
)
def test_each_unsafe_setting_is_flagged(hosted, change, flagged):
    hosted.config.update(change)
    result = _deploy_check(hosted)
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if line.startswith("MASALAH")]
    assert len(problems) == 1, result.output
    assert flagged in problems[0]


def test_placeholder_office_settings_are_flagged(app):
    app.config.update(SAFE)
    result = _deploy_check(app)
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if line.startswith("MASALAH")]
    # In words, as the admin home says it, not the setting keys ("signatory.name")
    assert any(
        "Nama dan NIP penandatangan masih contoh (Dr. Contoh Pejabat, M.Si.; 19700101 199501 1 001)"
        in line
        and "Administrasi > Penandatangan surat" in line
        for line in problems
    ), result.output
    assert "signatory." not in result.output


def test_plain_check_does_not_demand_hosting_settings(app):
    assert app.test_cli_runner().invoke(args=["check"]).exit_code == 0


def test_a_warning_is_not_printed_as_ok(app):
    """On the office laptop an unset public address is worth a look, not a failure: it gets its
    own label instead of sitting among the passed checks."""
    app.config["PUBLIC_BASE_URL"] = ""
    result = app.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    flagged = [line for line in lines if "PUBLIC_BASE_URL" in line]
    assert flagged == [
        "PERHATIAN PUBLIC_BASE_URL belum disetel (alamat publik untuk kode QR surat)"
    ], result.output
    assert "OK        database dapat dihubungi" in lines
    assert lines[-1] == "Semua pemeriksaan lulus; 1 hal perlu perhatian."


def test_deploy_check_warns_about_sqlite_without_failing_on_it(hosted):
    result = _deploy_check(hosted)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("PERHATIAN")]
    if db.engine.dialect.name == "sqlite":
        assert any("SQLite cocok untuk satu server" in line for line in warnings), result.output
    else:
        assert not any("SQLite" in line for line in warnings), result.output


def test_check_reports_stored_files_missing_from_uploads(app, tmp_path):
    from tests.ops.helpers import seed_everything

    seed_everything()
    app.config["UPLOAD_FOLDER"] = str(tmp_path / "folder-kosong")  # uploads not copied over
    result = app.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 1
    assert "3 berkas tersimpan tidak ada di folder unggahan" in result.output


def test_check_names_the_missing_file_and_where_to_get_it_back(app):
    """One lost file stops the start script: the operator reads which one and how to put it
    back (the folder setting, or the file from the latest backup restored into a spare folder)."""
    from sisakat.models import StoredFile
    from sisakat.services import storage
    from tests.ops.helpers import seed_everything

    seed_everything()
    lost = db.session.execute(db.select(StoredFile).order_by(StoredFile.id)).scalars().first()
    storage.path_of(lost).unlink()
    result = app.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "tidak ada di folder" in x)
    folder = app.config["UPLOAD_FOLDER"]
    assert f"1 berkas tersimpan tidak ada di folder unggahan ({folder})" in line
    assert lost.storage_key in line
    assert "SISAKAT_UPLOAD_FOLDER" in line
    assert "pulihkan arsip cadangan terbaru ke folder kosong" in line


def test_check_verifies_the_audit_logs_hash_chain(app):
    """AUD-1: ``flask check`` runs ``verify_chain``; a row changed behind the app's back (raw
    SQL: the ORM refuses) is reported with its row, as a warning (the office keeps working)."""
    from sisakat.models import AuditEvent
    from sisakat.services import audit

    for n in range(3):
        audit.record("test.check", actor=None, details={"n": n})
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["check"])
    assert "rantai hash log audit utuh" in result.output
    second = db.session.execute(db.select(AuditEvent.id).order_by(AuditEvent.id)).scalars().all()[1]
    db.session.execute(
        db.text("UPDATE audit_events SET outcome = 'gagal' WHERE id = :id"), {"id": second}
    )
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["check"])
    line = next(x for x in result.output.splitlines() if "rantai hash log audit" in x)
    assert line.startswith("PERHATIAN")
    assert f"terputus pada baris {second}" in line


def test_deploy_check_refuses_active_demo_accounts(hosted):
    """CFG-1: no default accounts. ``flask demo-data`` accounts (passwords shown on a screen)
    fail the hosted check until they are deactivated."""
    from sisakat.models import Role, User
    from sisakat.services import demo, users
    from tests import factories

    assert hosted.test_cli_runner().invoke(args=["demo-data"]).exit_code == 0
    result = _deploy_check(hosted)
    assert result.exit_code == 1
    assert "akun demo masih aktif" in result.output
    admin = factories.user(Role.SUPERADMIN)  # the office's own operator
    for user in db.session.execute(
        db.select(User).where(User.username.in_(demo.usernames()))
    ).scalars():
        users.set_active(user, False, actor=admin)
    db.session.commit()
    result = _deploy_check(hosted)
    assert "akun demo masih aktif" not in result.output
    assert result.exit_code == 0, result.output


def test_missing_backup_key_names_the_real_environment_variables(hosted):
    """The operator sets environment variables: the message names ``SISAKAT_BACKUP_KEY_FILE``,
    not the bare config key ``BACKUP_KEY_FILE`` (which does nothing in the environment)."""
    hosted.config.update({"BACKUP_KEY_FILE": "", "BACKUP_KEY": ""})
    problem = next(
        line for line in _deploy_check(hosted).output.splitlines() if "kunci cadangan" in line
    )
    assert "SISAKAT_BACKUP_KEY atau SISAKAT_BACKUP_KEY_FILE" in problem
    assert " BACKUP_KEY_FILE" not in problem
