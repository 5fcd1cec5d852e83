"""``extensions.read``: the pages' per-request column reads skip the ORM's execute path but see
what the same request has not flushed yet, as ``db.session.execute`` would."""

from __future__ import annotations

from sisakat.extensions import db, read
from sisakat.models import Notification, Role, Setting
from sisakat.services import notify, settings


def test_read_sees_pending_orm_changes(app, make):
    """A notification added in this request and not flushed is counted by the bell."""
    officer = make.user(Role.VERIFIKATOR)
    assert notify.unread_count(officer) == 0
    db.session.add(Notification(user_id=officer.id, message="Permohonan baru", link="/"))
    assert notify.unread_count(officer) == 1
    db.session.add(Setting(key="agency.city", value='"Prabumulih"'))
    assert settings.get("agency.city") == "Prabumulih"


def test_read_runs_in_the_sessions_transaction(app, make):
    """Rolled back with the session: the read saw the row only inside the transaction."""
    officer = make.user(Role.VERIFIKATOR)
    db.session.add(Notification(user_id=officer.id, message="Sementara", link="/"))
    statement = db.select(db.func.count(Notification.id))
    assert read(statement).scalar_one() == 1
    db.session.rollback()
    assert read(statement).scalar_one() == 0
