"""AUD-1: the app cannot alter audit rows (the ``append_only`` guard in ``models/base.py``), real
sensitive actions leave a chain that verifies, and a row changed behind the app's back breaks it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import aliased

from sisakat.extensions import db
from sisakat.models import ApplicationHistory, AuditEvent, Role
from sisakat.services import audit
from tests.auth_helpers import form_login
from tests.factories import PASSWORD

NEW_PASSWORD = "teh-manis-hangat-2026"


def _rows() -> list[tuple]:
    """Every audit row as stored, oldest first."""
    query = db.select(AuditEvent.__table__).order_by(AuditEvent.id)
    return [tuple(r) for r in db.session.execute(query)]


def _seed(count: int = 3) -> list[int]:
    """``count`` committed audit rows; returns their ids."""
    ids = [audit.record("test.seed", actor=None, details={"n": n}).id for n in range(count)]
    db.session.commit()
    return ids


def _still_usable(before: list[tuple]) -> None:
    """Nothing changed, and the session records and commits a new row that chains on."""
    assert _rows() == before
    audit.record("test.after", actor=None)
    db.session.commit()
    assert len(_rows()) == len(before) + 1
    assert audit.verify_chain() == (True, None)


@pytest.mark.parametrize("change", ["update", "delete"])
def test_orm_refuses_to_change_or_delete_an_audit_row(app, change):
    ids = _seed()
    before = _rows()
    row = db.session.get(AuditEvent, ids[1])
    if change == "update":
        row.outcome = "gagal"
    else:
        db.session.delete(row)
    with pytest.raises(RuntimeError, match=f"audit_events is append-only \\(row {ids[1]}\\)"):
        db.session.flush()
    db.session.rollback()  # a failed flush always needs one; the request's error path does it
    _still_usable(before)


@pytest.mark.parametrize(
    "statement",
    [
        db.update(AuditEvent).values(outcome="ok"),
        db.delete(AuditEvent).where(AuditEvent.action == "test.seed"),
        sa.delete(AuditEvent.__table__),
        db.update(aliased(AuditEvent)).values(details="{}"),
    ],
    ids=["orm-update", "orm-delete", "table-delete", "aliased-update"],
)
def test_bulk_update_or_delete_through_the_session_is_refused(app, statement):
    _seed()
    before = _rows()
    with pytest.raises(RuntimeError, match="audit_events is append-only \\(bulk"):
        db.session.execute(statement)
    _still_usable(before)  # refused before anything was sent: no rollback needed


def test_history_bulk_statements_are_refused_too(app, make):
    make.application(documents=False)
    db.session.commit()
    with pytest.raises(RuntimeError, match="application_history is append-only \\(bulk delete"):
        db.session.execute(db.delete(ApplicationHistory))
    assert db.session.execute(db.select(db.func.count(ApplicationHistory.id))).scalar() == 1


def test_chain_verifies_after_real_sensitive_actions(client, make):
    user = make.user(Role.VERIFIKATOR)
    form_login(client, user.username, "bukan-kata-sandinya", ip="10.0.0.9")
    form_login(client, user.username, ip="10.0.0.1")
    bad = {"current": "salah-sekali-123", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    client.post("/akun/kata-sandi", data=bad, environ_base={"REMOTE_ADDR": "10.0.0.1"})
    good = {"current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    client.post("/akun/kata-sandi", data=good, environ_base={"REMOTE_ADDR": "10.0.0.1"})
    client.post("/akun/keluar", environ_base={"REMOTE_ADDR": "10.0.0.1"})
    events = list(db.session.execute(db.select(AuditEvent).order_by(AuditEvent.id)).scalars())
    assert [(e.action, e.outcome, e.ip) for e in events] == [
        ("auth.login", "gagal", "10.0.0.9"),
        ("auth.login", "ok", "10.0.0.1"),
        ("account.change_password", "gagal", "10.0.0.1"),
        ("account.change_password", "ok", "10.0.0.1"),
        ("auth.logout", "ok", "10.0.0.1"),
    ]
    assert [e.prev_hash for e in events] == ["", *(e.hash for e in events[:-1])]
    assert audit.verify_chain() == (True, None)
    stored = " ".join(str(value) for row in _rows() for value in row)
    assert PASSWORD not in stored
    assert NEW_PASSWORD not in stored


@pytest.mark.parametrize(
    ("sql", "first_bad"),
    [
        ("UPDATE audit_events SET outcome = 'gagal' WHERE id = :id", 0),
        ("UPDATE audit_events SET created_at = '2020-01-01 00:00:00' WHERE id = :id", 0),
        ("UPDATE audit_events SET prev_hash = hash WHERE id = :id", 0),
        ("DELETE FROM audit_events WHERE id = :id", 1),
    ],
    ids=["outcome", "created_at", "prev_hash", "delete-middle"],
)
def test_row_changed_behind_the_apps_back_is_reported(app, sql, first_bad):
    ids = _seed(5)
    assert audit.verify_chain() == (True, None)
    # Raw SQL on the connection is what the guard cannot stop; the chain must show it.
    db.session.connection().execute(sa.text(sql), {"id": ids[2]})
    db.session.commit()
    assert audit.verify_chain() == (False, ids[2 + first_bad])


def test_deleting_the_newest_row_is_detected_against_the_anchor(app):
    # The chain only links each row to the one before it, so removing the newest rows leaves a
    # shorter chain that still verifies. ``flask check`` anchors the head it verified in a file
    # beside the database; the anchored row must still be there, unchanged.
    ids = _seed(3)
    check = app.test_cli_runner().invoke(args=["check"])
    assert "rantai hash log audit utuh" in check.output
    db.session.connection().execute(
        sa.text("DELETE FROM audit_events WHERE id = :id"), {"id": ids[-1]}
    )
    db.session.commit()
    assert audit.verify_chain() == (True, None)  # the chain alone cannot tell
    assert audit.check_anchor() == ids[-1]
    check = app.test_cli_runner().invoke(args=["check"])
    line = next(x for x in check.output.splitlines() if "log audit" in x)
    assert line.startswith("PERHATIAN")
    assert f"baris log audit {ids[-1]} (terakhir diperiksa) hilang" in line
