"""DB-4 (migrations): upgrade from empty, ``flask db check``, downgrade to base, upgrade again,
on a fresh SQLite file and, with ``SISAKAT_TEST_DATABASE_URL``, on that server's kind."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from sisakat.config import ROOT
from sisakat.extensions import db
from tests.conftest import SERVER_URL, require_or_skip
from tests.ops.helpers import empty_server_database, fresh_app


def _has_migrations() -> bool:
    return any((ROOT / "migrations" / "versions").glob("*.py"))


def test_migrations_upgrade_check_downgrade_upgrade(tmp_path):
    # The scripts ship in the repository: only a broken checkout lacks them.
    if not _has_migrations():
        require_or_skip("belum ada skrip migrasi di migrations/versions")
    url = None
    if SERVER_URL:
        url = make_url(SERVER_URL).set(database="sisakat_ops_migrations").render_as_string(False)
        empty_server_database(url)
    app = fresh_app(tmp_path, url=url)
    with app.app_context():
        runner = app.test_cli_runner()
        for step in (["upgrade"], ["check"], ["downgrade", "base"], ["upgrade"], ["check"]):
            result = runner.invoke(args=["db", *step])
            assert result.exit_code == 0, f"flask db {' '.join(step)}: {result.output}"
        db.session.remove()
        db.engine.dispose()
