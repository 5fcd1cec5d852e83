"""The hosted move's edges on PostgreSQL and MariaDB (docs/OPERATIONS.md §3-4): a backup taken on
the laptop (SQLite) restores on the server, and a target database not created in UTF-8 is
refused in words, by transfer and by restore, before anything is written to it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import Party
from sisakat.services import audit
from tests import factories
from tests.ops.helpers import (
    MARIADB_URL,
    PG_URL,
    empty_server_database,
    files_match_rows,
    fresh_app,
    latin1_server_database,
    office_settings,
    seed_everything,
    state,
)
from tests.ops.move_journey import PARTY_NAME, next_ids_behind

pytestmark = pytest.mark.server_db
SERVERS = pytest.mark.parametrize("url", [PG_URL, MARIADB_URL], ids=["postgresql", "mariadb"])
NOT_UTF8 = "GAGAL: Database tujuan memakai pengodean"


def _laptop_backup(tmp_path):
    """A laptop instance with rows in the spine tables and non-ASCII text; its backup archive."""
    source = fresh_app(tmp_path / "laptop")
    with source.app_context():
        db.create_all()
        seed_everything()
        factories.party(party_name=PARTY_NAME)
        folder, before = tmp_path / "cadangan", state()
        before["office_settings"] = office_settings()
        result = source.test_cli_runner().invoke(args=["backup", "--output", str(folder)])
        assert result.exit_code == 0, result.output
    return source, max(folder.glob("sisakat-backup-*")), before


def _fails_cleanly(result, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert expected in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@SERVERS
def test_a_laptop_backup_restores_on_the_server(tmp_path, url):
    empty_server_database(url)
    _, archive, before = _laptop_backup(tmp_path)
    server = fresh_app(tmp_path / "server", url=url)
    with server.app_context():
        result = server.test_cli_runner().invoke(args=["restore", str(archive)])
        assert result.exit_code == 0, result.output
        after = {**state(), "office_settings": office_settings()}
        # The restore's own audit row and the one recording its archive as the last backup
        # aside (with that record in the settings), every table as backed up.
        assert after.pop("audit_events")["rows"] == before.pop("audit_events")["rows"] + 2
        after.pop("settings"), before.pop("settings")
        assert after == before
        assert audit.verify_chain() == (True, None)
        assert files_match_rows()
        assert db.session.execute(db.select(Party).filter_by(party_name=PARTY_NAME)).scalar()
        with db.engine.connect() as conn:
            assert next_ids_behind(conn) == {}
        factories.party()
        db.session.remove()
        db.engine.dispose()


@SERVERS
def test_a_target_database_not_in_utf8_is_refused_before_anything_is_written(tmp_path, url):
    source, archive, _ = _laptop_backup(tmp_path)
    with latin1_server_database(url):
        with source.app_context():
            moved = source.test_cli_runner().invoke(args=["transfer", "--to", url])
        _fails_cleanly(moved, NOT_UTF8)
        server = fresh_app(tmp_path / "server", url=url)
        with server.app_context():
            restored = server.test_cli_runner().invoke(args=["restore", str(archive)])
            _fails_cleanly(restored, NOT_UTF8)
            db.session.remove()
            db.engine.dispose()
        engine = sa.create_engine(url)
        assert sa.inspect(engine).get_table_names() == []  # nothing created, nothing to clean
        engine.dispose()


@SERVERS
def test_a_row_the_server_refuses_stops_the_transfer_in_words_with_nothing_copied(tmp_path, url):
    """SQLite keeps a party name longer than its column (VARCHAR(200)); the server refuses it."""
    empty_server_database(url)
    source = fresh_app(tmp_path / "laptop")
    with source.app_context():
        db.create_all()
        seed_everything()
        factories.party()
        db.session.execute(sa.update(Party).values(party_name="Partai " + "é" * 250))
        db.session.commit()
        result = source.test_cli_runner().invoke(args=["transfer", "--to", url])
        _fails_cleanly(result, "GAGAL: Database tujuan menolak baris tabel parties (")
        db.session.execute(sa.update(Party).values(party_name="Partai Contoh Baru"))
        db.session.commit()
        again = source.test_cli_runner().invoke(args=["transfer", "--to", url])
        assert again.exit_code == 0, again.output  # nothing was left behind in the target


def test_a_mariadb_address_asking_for_three_byte_utf8_is_refused_in_words(tmp_path):
    """``?charset=utf8`` (MariaDB's 3-byte utf8mb3, as some hosting panels write it) cannot
    carry emoji even into a utf8mb4 database."""
    empty_server_database(MARIADB_URL)
    _, archive, _ = _laptop_backup(tmp_path)
    url = MARIADB_URL.replace("charset=utf8mb4", "charset=utf8")
    server = fresh_app(tmp_path / "server", url=url)
    with server.app_context():
        restored = server.test_cli_runner().invoke(args=["restore", str(archive)])
        _fails_cleanly(restored, f"{NOT_UTF8} utf8mb3, bukan UTF-8")
        db.session.remove()
        db.engine.dispose()


@SERVERS
def test_flask_check_names_a_server_database_not_in_utf8(tmp_path, url):
    """A fresh hosted install on a hosting panel's LATIN1 database: ``flask check`` (run by the
    start scripts) says so before the first party name with é or emoji is refused."""
    with latin1_server_database(url):
        server = fresh_app(tmp_path / "server", url=url)
        with server.app_context():
            result = server.test_cli_runner().invoke(args=["check"])
            db.session.remove()
            db.engine.dispose()
        assert result.exit_code == 1, result.output
        assert "MASALAH   Database memakai pengodean latin1" in result.output.replace(
            "LATIN1", "latin1"
        ), result.output
