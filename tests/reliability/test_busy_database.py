"""A write that waits past SQLite's busy timeout (another writer held the database all along:
a backup, a long import, a stuck process) is answered 503 with a way forward, never the 500
page, and nothing of it is saved; sent again once the database is free, it goes through."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.engine import make_url

from sisakat.errors import BUSY, BUSY_RETRY_SECONDS
from sisakat.extensions import db
from sisakat.models import Notification, Role
from sisakat.services import notify


def _unread(user) -> int:
    db.session.expire_all()
    return notify.unread_count(user)


def test_a_write_kept_waiting_past_the_busy_timeout_gets_503_and_saves_nothing(app, make, login_as):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's busy timeout; a server database queues the write instead")
    user = make.user(Role.PEMOHON)
    notify.queue(user, "Pesan uji", "/")
    db.session.commit()
    client = login_as(user)
    db.session.close()  # the test's own connection holds nothing

    holder = sqlite3.connect(make_url(str(db.engine.url)).database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer, for longer than the busy timeout
        busy = client.post("/akun/notifikasi/baca")
        # a page script (the upload progress bar) gets the same in JSON it can show
        scripted = client.post("/akun/notifikasi/baca", headers={"Accept": "application/json"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert busy.status_code == 503
    assert busy.headers["Retry-After"] == str(BUSY_RETRY_SECONDS)
    assert BUSY in busy.get_data(as_text=True)
    assert scripted.status_code == 503
    assert scripted.get_json()["message"] == BUSY
    assert _unread(user) == 1  # nothing half-done

    again = client.post("/akun/notifikasi/baca")
    assert again.status_code == 302
    assert _unread(user) == 0
    assert db.session.execute(db.select(Notification)).scalar_one().read_at is not None
