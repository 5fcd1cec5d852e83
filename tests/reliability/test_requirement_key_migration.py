"""b3d9e5a7c2f4: ``requirements.name_key`` is filled for the lines stored before it, and a list
that already named a document twice (stored before the one-name rule) does not stop the upgrade:
the first active line keeps the key, the later twin gets "<key>#<id>", no line is renamed or
switched off; ``flask check`` names the twin; a new twin is refused by the database; downgrading
keeps every line. On the test server's kind too (MariaDB: its accent-blind collation must not
make "Dokumén" a twin of "Dokumen")."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from sisakat.config import ROOT
from sisakat.extensions import db
from tests.conftest import SERVER_URL, require_or_skip
from tests.ops.helpers import empty_server_database, fresh_app

BEFORE = "a8c4e2f1d7b3"
INSERT = sa.text(
    "INSERT INTO requirements (service_code, name, description, required, personal_data, "
    "sort_order, active, created_at, updated_at) VALUES (:code, :name, '', :active, :active, "
    "900, :active, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
)
LINES = [  # (service, name, active)
    ("skt_parpol", "Surat kuasa", True),
    ("skt_parpol", "  SURAT   kuasa ", True),  # a twin of the first
    ("skt_parpol", "surat kuasa", False),  # inactive: shares the name freely
    ("lapor_ormas", "Surat kuasa", True),  # another service's list
    ("skt_parpol", "Dokumen lain", True),
    ("skt_parpol", "Dokumén lain", True),  # another name, on every database
]


def _app(tmp_path):
    url = None
    if SERVER_URL:  # a database of its own beside the test database (named after it)
        server = make_url(SERVER_URL)
        url = server.set(database=f"{server.database}_requirement_key").render_as_string(False)
        empty_server_database(url)
    return fresh_app(tmp_path, url=url)


def _rows():
    query = "SELECT id, name, name_key FROM requirements WHERE sort_order = 900 ORDER BY id"
    return db.session.execute(sa.text(query)).all()


def test_requirement_key_migration_keeps_old_twins_and_flask_check_names_them(tmp_path):
    if not any((ROOT / "migrations" / "versions").glob("*.py")):
        require_or_skip("belum ada skrip migrasi di migrations/versions")
    app = _app(tmp_path)
    with app.app_context():
        runner = app.test_cli_runner()
        assert runner.invoke(args=["db", "upgrade", BEFORE]).exit_code == 0
        for code, name, active in LINES:
            db.session.execute(INSERT, {"code": code, "name": name, "active": active})
        db.session.commit()
        upgraded = runner.invoke(args=["db", "upgrade"])
        assert upgraded.exit_code == 0, upgraded.output
        rows = _rows()
        assert [row.name for row in rows] == [name for _, name, _ in LINES]
        assert [row.name_key for row in rows] == [
            "surat kuasa",
            f"surat kuasa#{rows[1].id}",
            None,
            "surat kuasa",
            "dokumen lain",
            "dokumén lain",
        ]
        db.session.commit()
        checked = runner.invoke(args=["check"])
        assert "Semua pemeriksaan lulus" in checked.output, checked.output
        (warning,) = [line for line in checked.output.splitlines() if "dua kali" in line]
        assert warning.startswith("PERHATIAN")
        assert "menyebut Surat kuasa dua kali" in warning
        assert "Nonaktifkan salah satunya" in warning
        with pytest.raises(sa.exc.IntegrityError):
            db.session.execute(
                sa.text(
                    "INSERT INTO requirements (service_code, name, name_key, description, "
                    "required, personal_data, sort_order, active, created_at, updated_at) "
                    "VALUES ('lapor_ormas', 'SURAT KUASA', 'surat kuasa', '', :yes, :yes, "
                    "901, :yes, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                ),
                {"yes": True},
            )
        db.session.rollback()
        assert runner.invoke(args=["db", "downgrade", BEFORE]).exit_code == 0
        kept = db.session.execute(
            sa.text("SELECT name FROM requirements WHERE sort_order = 900 ORDER BY id")
        )
        assert list(kept.scalars()) == [name for _, name, _ in LINES]
        db.session.commit()
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0  # and up again
        db.session.remove()
        db.engine.dispose()
