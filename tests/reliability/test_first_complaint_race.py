"""The first two complaints ever, filed at the same moment: each finds no category stored and
stores the defaults the public form offered. Before: on PostgreSQL and MariaDB the second
INSERT failed on the category name (an IntegrityError, the 500 page) once the first had
committed. Now the loser takes the defaults the winner stored and files its complaint under
the chosen one. On MariaDB the loser's plain reads still see its transaction's snapshot (no
category), so it must read them locked. SQLite's write lock orders the two anyway."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from sisakat.db_setup import set_write_intent
from sisakat.extensions import db
from sisakat.models import Complaint, ComplaintCategory
from sisakat.services import complaint_categories, complaints
from tests.reliability.test_concurrent_settings_saves import _await_lock_wait
from tests.write_races import committed_at_the_write

DEFAULT_NAMES = [name for name, _days in complaint_categories.DEFAULT_CATEGORIES]


def _stored() -> list[tuple[str, str]]:
    """(complaint text, its category's name) for every complaint, and the categories' names."""
    db.session.expire_all()
    rows = db.session.execute(
        db.select(Complaint.body, ComplaintCategory.name).join(Complaint.category)
    ).all()
    return sorted((body, name) for body, name in rows)


def _category_names() -> list[str]:
    query = db.select(ComplaintCategory.name).order_by(ComplaintCategory.sort_order)
    return list(db.session.execute(query).scalars())


def _file(text: str, choice: str, out: dict, before=lambda: None) -> None:
    """One visitor's complaint in its own app context and session, as the public form's POST."""
    set_write_intent(True)  # a POST: SQLite begins IMMEDIATE
    try:
        data = complaints.ComplaintInput("", "warga@contoh.test", choice, text)
        complaints.file_complaint(data)
        before()
        db.session.commit()
        out[text] = "ok"
    except Exception as exc:  # noqa: BLE001 - what the visitor would have met
        db.session.rollback()
        out[text] = repr(exc)
    finally:
        db.session.remove()


def test_two_first_complaints_at_once_both_filed_one_set_of_defaults(app):
    db.session.close()
    flushed, started, out, waited = threading.Event(), threading.Event(), {}, []

    def first() -> None:  # commits only once the second complaint waits on its categories
        def hold() -> None:
            flushed.set()
            waited.append(_await_lock_wait(started))

        with app.app_context():
            _file("Loket tutup.", "d0", out, before=hold)

    def second() -> None:
        flushed.wait(10)
        started.set()
        with app.app_context():
            _file("Aplikasi lambat.", "d1", out)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert waited == [True]  # a server: the second INSERT waited on the first's names
    assert out == {"Loket tutup.": "ok", "Aplikasi lambat.": "ok"}, out
    assert _category_names() == DEFAULT_NAMES  # stored once
    assert _stored() == [
        ("Aplikasi lambat.", "Sistem/aplikasi"),
        ("Loket tutup.", "Pelayanan permohonan"),
    ]


def test_defaults_committed_between_the_read_and_the_write_the_complaint_is_filed(app, client):
    """The other first complaint's defaults commit from another connection just after this
    request found none (the race as it happens on a server; SQLite has no such moment)."""
    if db.engine.dialect.name == "sqlite":
        pytest.skip("SQLite's write lock: no other write between this request's read and write")
    table = ComplaintCategory.__table__
    rows = [
        {"name": name, "limit_days": days, "active": True, "sort_order": i}
        for i, (name, days) in enumerate(complaint_categories.DEFAULT_CATEGORIES)
    ]
    form = {"contact": "warga@contoh.test", "category": "d1", "body": "Aplikasi lambat."}
    with committed_at_the_write(ComplaintCategory, lambda _row: sa.insert(table).values(rows)):
        response = client.post("/pengaduan", data=form)
    assert response.status_code == 302  # before: IntegrityError, the 500 page
    assert "/pengaduan/ADU-" in response.headers["Location"]
    assert _category_names() == DEFAULT_NAMES
    assert _stored() == [("Aplikasi lambat.", "Sistem/aplikasi")]
