"""DB-4: ``flask transfer --to URL`` from SQLite into PostgreSQL and MariaDB copies every table
(counts and checksums match), files stay valid with the moved uploads folder, sequences are reset
so the next insert works, and a non-empty target is refused."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import FileKind, User
from sisakat.services import audit, storage
from tests import factories
from tests.ops.helpers import (
    MARIADB_URL,
    PG_URL,
    empty_server_database,
    files_match_rows,
    fresh_app,
    seed_everything,
    state,
)

pytestmark = pytest.mark.server_db
NEW_PDF = {"content_type": "application/pdf", "display_name": "s.pdf", "uploaded_by": None}


@pytest.mark.parametrize("url", [PG_URL, MARIADB_URL], ids=["postgresql", "mariadb"])
def test_transfer_from_sqlite_copies_everything_and_next_insert_works(tmp_path, url):
    empty_server_database(url)
    source = fresh_app(tmp_path)
    with source.app_context():
        db.create_all()
        seed_everything()
        before, top = state(), db.session.execute(db.select(db.func.max(User.id))).scalar()
        result = source.test_cli_runner().invoke(args=["transfer", "--to", url])
        assert result.exit_code == 0, result.output
        again = source.test_cli_runner().invoke(args=["transfer", "--to", url])
        assert "Database tujuan tidak kosong" in again.output
    target = fresh_app(tmp_path, url=url)  # same uploads folder: files move with it
    with target.app_context():
        assert state() == before
        assert files_match_rows()
        assert audit.verify_chain() == (True, None)
        assert factories.user().id == top + 1  # sequence / AUTO_INCREMENT moved past the copy
        storage.save_bytes(b"%PDF-1.4 baru", kind=FileKind.LETTER_UNSIGNED, **NEW_PDF)
        db.session.commit()
        assert target.test_client().get("/healthz").get_json()["database"] == "ok"
        db.session.remove()
        db.engine.dispose()
