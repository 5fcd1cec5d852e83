"""DB-4 (migrations): upgrade from empty, ``flask db check``, downgrade to base, upgrade again,
on a fresh SQLite file and, with ``SISAKAT_TEST_DATABASE_URL``, on that server's kind."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from sisakat.config import ROOT
from sisakat.extensions import db
from tests.conftest import SERVER_URL, require_or_skip
from tests.ops.helpers import empty_server_database, fresh_app, scratch_url


def _has_migrations() -> bool:
    return any((ROOT / "migrations" / "versions").glob("*.py"))


def test_migrations_upgrade_check_downgrade_upgrade(tmp_path):
    # The scripts ship in the repository: only a broken checkout lacks them.
    if not _has_migrations():
        require_or_skip("belum ada skrip migrasi di migrations/versions")
    url = None
    if SERVER_URL:
        url = scratch_url(SERVER_URL, "migrations")
        empty_server_database(url)
    app = fresh_app(tmp_path, url=url)
    with app.app_context():
        runner = app.test_cli_runner()
        for step in (["upgrade"], ["check"], ["downgrade", "base"], ["upgrade"], ["check"]):
            result = runner.invoke(args=["db", *step])
            assert result.exit_code == 0, f"flask db {' '.join(step)}: {result.output}"
        db.session.remove()
        db.engine.dispose()


def test_ormas_wording_migration_moves_the_disclaimer_and_spares_edited_wording(tmp_path):
    """e4c1a7b9d2f0: the built-in ormas wording gets its disclaimer in the closing; a service
    whose wording the office edited keeps it, and downgrading restores the old built-in."""
    if not _has_migrations():
        require_or_skip("belum ada skrip migrasi di migrations/versions")
    app = fresh_app(tmp_path)
    wording = "SELECT letter_statement, letter_closing FROM services WHERE code = :code"
    with app.app_context():
        runner = app.test_cli_runner()
        assert runner.invoke(args=["db", "upgrade", "db9b83c21431"]).exit_code == 0
        old = db.session.execute(sa.text(wording), {"code": "lapor_ormas"}).one()
        assert old.letter_statement.startswith("Surat keterangan ini bukan izin")
        edited = db.session.execute(sa.text(wording), {"code": "skt_parpol"}).one()
        db.session.commit()
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        new = db.session.execute(sa.text(wording), {"code": "lapor_ormas"}).one()
        assert new.letter_statement.startswith("Surat pernyataan pengurus bahwa organisasi")
        assert new.letter_closing == f"{old.letter_statement} {old.letter_closing}"
        # the party wording was never the ormas default: untouched
        assert db.session.execute(sa.text(wording), {"code": "skt_parpol"}).one() == edited
        db.session.commit()
        assert runner.invoke(args=["db", "downgrade", "db9b83c21431"]).exit_code == 0
        assert db.session.execute(sa.text(wording), {"code": "lapor_ormas"}).one() == old
        db.session.execute(
            sa.text("UPDATE services SET letter_closing = 'Ditutup kantor.' WHERE code = :code"),
            {"code": "lapor_ormas"},
        )
        db.session.commit()
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        kept = db.session.execute(sa.text(wording), {"code": "lapor_ormas"}).one()
        assert kept == (old.letter_statement, "Ditutup kantor.")
        db.session.remove()
        db.engine.dispose()


def test_notification_migration_links_existing_notices_to_their_application(tmp_path):
    """f5eadfe29a45: a notice whose link opens an existing application gets its id; one about a
    board (a reminder) or a vanished application gets none; none asks for action; downgrading
    drops both columns and keeps the rows."""
    if not _has_migrations():
        require_or_skip("belum ada skrip migrasi di migrations/versions")
    from sisakat.models import Role
    from tests import factories

    app = fresh_app(tmp_path)
    with app.app_context():
        runner = app.test_cli_runner()
        # The factories write today's model: its rows are made at head, then the schema goes
        # back to the revision before the notification migration, keeping them.
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        staff = factories.user(Role.VERIFIKATOR)
        application = factories.application(documents=False)
        staff_id, application_id = staff.id, application.id
        db.session.commit()
        db.session.close()
        assert runner.invoke(args=["db", "downgrade", "e4c1a7b9d2f0"]).exit_code == 0
        links = [
            f"/pemohon/permohonan/{application_id}",
            f"/petugas/permohonan/{application_id}",
            "/pemohon/",
            f"/petugas/permohonan/{application_id + 99}",
        ]
        for link in links:
            db.session.execute(
                sa.text(
                    "INSERT INTO notifications (user_id, message, link, created_at) "
                    "VALUES (:user, 'Pesan uji', :link, CURRENT_TIMESTAMP)"
                ),
                {"user": staff_id, "link": link},
            )
        db.session.commit()
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        rows = db.session.execute(
            sa.text("SELECT link, application_id, asks_action FROM notifications ORDER BY id")
        ).all()
        assert [(r.application_id, bool(r.asks_action)) for r in rows] == [
            (application_id, False),
            (application_id, False),
            (None, False),
            (None, False),
        ]
        db.session.commit()
        assert runner.invoke(args=["db", "downgrade", "e4c1a7b9d2f0"]).exit_code == 0
        kept = db.session.execute(sa.text("SELECT link FROM notifications ORDER BY id"))
        assert list(kept.scalars()) == links
        db.session.remove()
        db.engine.dispose()


def test_category_index_migration_renames_case_twins_and_then_refuses_them(tmp_path):
    """c8e2f4a6b1d3: names stored before the case-blind check that differ only in case are
    renamed "<name> (n)" (the first by id keeps its name, ids stay), then a name in another case
    is refused by the database; downgrading drops the index."""
    if not _has_migrations():
        require_or_skip("belum ada skrip migrasi di migrations/versions")
    app = fresh_app(tmp_path)
    insert = sa.text(
        "INSERT INTO complaint_categories (name, limit_days, active, sort_order) "
        "VALUES (:name, 5, 1, 0)"
    )
    with app.app_context():
        runner = app.test_cli_runner()
        assert runner.invoke(args=["db", "upgrade", "b7d4f2a9c1e3"]).exit_code == 0
        names = ["Loket", "Loket (2)", "loket", "LOKET"]
        for name in names:
            db.session.execute(insert, {"name": name})
        db.session.commit()
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        query = sa.text("SELECT id, name FROM complaint_categories ORDER BY id")
        assert [row.name for row in db.session.execute(query)] == [
            "Loket",
            "Loket (2)",
            "loket (3)",
            "LOKET (4)",
        ]
        with pytest.raises(sa.exc.IntegrityError):
            db.session.execute(insert, {"name": "lOKET"})
        db.session.rollback()
        assert runner.invoke(args=["db", "downgrade", "b7d4f2a9c1e3"]).exit_code == 0
        db.session.execute(insert, {"name": "lOKET"})  # case-sensitive UNIQUE only, as before
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def test_number_key_migration_keeps_old_twins_and_flask_check_names_them(tmp_path):
    """f3b8d2c6a1e9: numbers stored before the register compared them spelling aside may be
    twins ("200.1.5.3/5/BAN.KBP/2026" and "200.1.5.3 / 5 / ban.kbp / 2026"). The upgrade must
    not fail an office's start: the first keeps the key, the later twin gets a distinct one,
    no row changes its number; ``flask check`` warns naming them (and still passes); a new
    number in yet another spelling is refused by the database. On the test server's kind too
    (twins differ in spaces, which MariaDB's case-blind UNIQUE on the text lets in)."""
    if not _has_migrations():
        require_or_skip("belum ada skrip migrasi di migrations/versions")
    url = None
    if SERVER_URL:  # a database of its own beside the test database (named after it)
        server = make_url(SERVER_URL)
        url = server.set(database=f"{server.database}_number_key").render_as_string(False)
        empty_server_database(url)
    app = fresh_app(tmp_path, url=url)
    insert = sa.text(
        "INSERT INTO letter_numbers (series, year, serial, number_text, source, status, "
        "subject_type, subject_id, void_reason, created_at) VALUES "
        "('skt', 2026, :serial, :text, :source, 'dipakai', '', '', '', CURRENT_TIMESTAMP)"
    )
    texts = [
        ("200.1.5.3 / 5 / ban.kbp / 2026", None, "srikandi"),
        ("200.1.5.3/6/BAN.KBP/2026", 6, "internal"),
        ("200.1.5.3/5/BAN.KBP/2026", 5, "internal"),
        ("200.1.5.3/5 /BAN.KBP/2026", None, "srikandi"),
    ]
    with app.app_context():
        runner = app.test_cli_runner()
        assert runner.invoke(args=["db", "upgrade", "e7a2c9f4b8d1"]).exit_code == 0
        for text, serial, source in texts:
            db.session.execute(insert, {"text": text, "serial": serial, "source": source})
        db.session.commit()
        upgraded = runner.invoke(args=["db", "upgrade"])
        assert upgraded.exit_code == 0, upgraded.output
        rows = db.session.execute(
            sa.text("SELECT id, number_text, number_key FROM letter_numbers ORDER BY id")
        ).all()
        assert [row.number_text for row in rows] == [text for text, _, _ in texts]
        assert [row.number_key for row in rows] == [
            "200.1.5.3/5/ban.kbp/2026",
            "200.1.5.3/6/ban.kbp/2026",
            f"200.1.5.3/5/ban.kbp/2026#{rows[2].id}",
            f"200.1.5.3/5/ban.kbp/2026#{rows[3].id}",
        ]
        db.session.commit()
        checked = runner.invoke(args=["check"])
        assert "Semua pemeriksaan lulus" in checked.output, checked.output
        warning = next(line for line in checked.output.splitlines() if "dua kali" in line)
        assert warning.startswith("PERHATIAN")
        assert "2 nomor yang tercatat dua kali" in warning
        assert "200.1.5.3 / 5 / ban.kbp / 2026 dan 200.1.5.3/5/BAN.KBP/2026" in warning
        assert "200.1.5.3 / 5 / ban.kbp / 2026 dan 200.1.5.3/5 /BAN.KBP/2026" in warning
        assert "200.1.5.3/6" not in warning
        with pytest.raises(sa.exc.IntegrityError):
            db.session.execute(
                sa.text(
                    "INSERT INTO letter_numbers (series, year, number_text, number_key, source, "
                    "status, subject_type, subject_id, void_reason, created_at) VALUES ('skt', "
                    "2026, '200.1.5.3/ 6/BAN.KBP/2026', '200.1.5.3/6/ban.kbp/2026', 'srikandi', "
                    "'dipakai', '', '', '', CURRENT_TIMESTAMP)"
                )
            )
        db.session.rollback()
        assert runner.invoke(args=["db", "downgrade", "e7a2c9f4b8d1"]).exit_code == 0
        kept = db.session.execute(sa.text("SELECT number_text FROM letter_numbers ORDER BY id"))
        assert list(kept.scalars()) == [text for text, _, _ in texts]
        db.session.remove()
        db.engine.dispose()
