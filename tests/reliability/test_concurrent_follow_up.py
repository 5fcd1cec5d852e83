"""Two super admins save the survey follow-ups of two different periods at the same moment:
both texts are kept. The one setting holds every period's text, so a save is a read-change-
write of one value; without the row lock the later writer stores the dict it read before the
earlier one committed, and that period's text is lost (PostgreSQL, MariaDB; SQLite's write
lock orders the two transactions anyway)."""

from __future__ import annotations

import threading
import time
from datetime import date

from sisakat.db_setup import set_write_intent
from sisakat.extensions import db
from sisakat.models import Role, User
from sisakat.services import settings, survey_follow_up
from sisakat.services.survey_follow_up import SETTING, Period
from tests import factories

TODAY = date(2026, 12, 6)
EARLIER, FIRST, SECOND = Period(2025, "tahun"), Period(2026, "1"), Period(2026, "2")


def test_two_admins_saving_two_periods_at_once_keep_both(app):
    first_admin, second_admin = factories.user(Role.SUPERADMIN), factories.user(Role.SUPERADMIN)
    # the setting's row exists (an earlier period was written), as on any office after day one
    survey_follow_up.save(EARLIER, "Tahun lalu", today=TODAY, actor=first_admin, seen=None)
    db.session.commit()
    ids = first_admin.id, second_admin.id
    db.session.close()
    holding, errors = threading.Event(), []

    def first() -> None:  # holds the row, then saves its period after the other has started
        with app.app_context():
            set_write_intent(True)  # a POST: SQLite begins IMMEDIATE
            try:
                settings.lock(SETTING)
                holding.set()
                time.sleep(0.5)
                actor = db.session.get(User, ids[0])
                survey_follow_up.save(FIRST, "Semester satu", today=TODAY, actor=actor, seen=None)
                db.session.commit()
            except Exception as exc:  # reported below, the thread must not hide it
                errors.append(repr(exc))
            finally:
                db.session.remove()

    def second() -> None:
        holding.wait(10)
        with app.app_context():
            set_write_intent(True)
            try:
                actor = db.session.get(User, ids[1])  # the request's user, read first
                survey_follow_up.save(SECOND, "Semester dua", today=TODAY, actor=actor, seen=None)
                db.session.commit()
            except Exception as exc:
                errors.append(repr(exc))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    db.session.expire_all()
    assert settings.get(SETTING) == {
        "2025": "Tahun lalu",
        "2026-1": "Semester satu",
        "2026-2": "Semester dua",
    }
