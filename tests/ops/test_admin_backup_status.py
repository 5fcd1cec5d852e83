"""The super admin's home shows the last backup, with a warning when older than a day."""

from __future__ import annotations

from datetime import timedelta

from sisakat.extensions import db
from sisakat.models import Role, User, utcnow
from sisakat.services import backup, settings
from tests.ops.helpers import fresh_app, seed_everything


def _set_last(moment) -> None:
    settings.update({"backup.last_at": moment.isoformat() + "Z"}, actor=None)
    db.session.commit()


def test_admin_home_warns_without_or_with_old_backup(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    page = admin.get("/admin/").get_data(as_text=True)
    assert "Belum ada cadangan data" in page
    # A command the office can type: a bare "flask" is not found on a Windows laptop.
    assert r"<code>.venv\Scripts\flask --app app backup</code> (Windows)" in page
    assert "<code>.venv/bin/flask --app app backup</code> (Linux)" in page
    _set_last(utcnow() - timedelta(days=1, minutes=5))
    page = admin.get("/admin/").get_data(as_text=True)
    assert "lebih dari sehari yang lalu" in page


def test_admin_home_shows_recent_backup_time_and_backup_records_it(app, make, login_as, tmp_path):
    result = app.test_cli_runner().invoke(args=["backup", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    status = backup.status()
    assert not status.stale
    assert utcnow() - status.last_at < timedelta(minutes=5)
    page = login_as(make.user(Role.SUPERADMIN)).get("/admin/").get_data(as_text=True)
    assert "Cadangan terakhir" in page
    assert "lebih dari sehari" not in page


def test_admin_home_says_where_the_last_backup_is_what_it_holds_and_that_it_is_unencrypted(
    app, make, login_as, tmp_path
):
    """The office reads where the archive went (a USB disk, say) and what is in it; an archive
    without a key holds KTP scans in the clear, so the page says so and how to fix it."""
    result = app.test_cli_runner().invoke(args=["backup", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    archive = next(tmp_path.glob("sisakat-backup-*"))
    page = login_as(make.user(Role.SUPERADMIN)).get("/admin/").get_data(as_text=True)
    assert str(archive) in page
    assert "basis data, semua berkas unggahan, dan manifes untuk memeriksanya" in page
    assert "tidak dienkripsi" in page
    assert r"<code>.venv\Scripts\flask --app app backup-keygen PATH</code>" in page


def test_an_encrypted_last_backup_gets_no_warning(app, make, login_as, tmp_path):
    key = tmp_path / "kunci.key"
    assert app.test_cli_runner().invoke(args=["backup-keygen", str(key)]).exit_code == 0
    out = tmp_path / "arsip"
    result = app.test_cli_runner().invoke(
        args=["backup", "--output", str(out), "--key-file", str(key)]
    )
    assert result.exit_code == 0, result.output
    page = login_as(make.user(Role.SUPERADMIN)).get("/admin/").get_data(as_text=True)
    assert str(next(out.glob("sisakat-backup-*"))) in page
    assert "tidak dienkripsi" not in page


def test_a_restored_instance_knows_the_backup_it_came_from(app, login_as, tmp_path):
    """The archive holds exactly the data a restore puts in place, so the restored instance's
    home dates its last backup by that archive (not "Belum ada cadangan data", which sent the
    operator to back up data that an archive already holds) and says it was restored from it,
    until its own next backup."""
    admin_id = seed_everything()["admin"].id
    db.session.commit()  # end the read that loaded the id before the backup command writes
    made = app.test_cli_runner().invoke(args=["backup", "--output", str(tmp_path / "bk")])
    assert made.exit_code == 0, made.output
    archive, taken = next((tmp_path / "bk").glob("sisakat-backup-*")), backup.status().last_at
    target = fresh_app(tmp_path / "target")
    with target.app_context():
        runner = target.test_cli_runner()
        restored = runner.invoke(args=["restore", str(archive)])
        assert restored.exit_code == 0, restored.output
        status = backup.status()
        assert (status.last_at, status.path, status.encrypted) == (taken, str(archive), False)
        assert not status.stale
        admin = login_as(db.session.get(User, admin_id))
        page = admin.get("/admin/").get_data(as_text=True)
        assert "Belum ada cadangan data" not in page
        assert "Data di sini dipulihkan dari arsip ini pada" in page
        assert str(archive) in page
        again = runner.invoke(args=["backup", "--output", str(tmp_path / "bk2")])
        assert again.exit_code == 0, again.output
        page = admin.get("/admin/").get_data(as_text=True)
        assert "dipulihkan" not in page
        assert str(next((tmp_path / "bk2").glob("sisakat-backup-*"))) in page
