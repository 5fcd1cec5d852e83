"""The super admin's home shows the last backup, with a warning when older than a day."""

from __future__ import annotations

from datetime import timedelta

from sisakat.extensions import db
from sisakat.models import Role, utcnow
from sisakat.services import backup, settings


def _set_last(moment) -> None:
    settings.update({"backup.last_at": moment.isoformat() + "Z"}, actor=None)
    db.session.commit()


def test_admin_home_warns_without_or_with_old_backup(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    assert "Belum ada cadangan data" in admin.get("/admin/").get_data(as_text=True)
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
