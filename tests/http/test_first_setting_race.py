"""Two super admins saving a setting for the first time at once: both read no row, both INSERT
it, and the second INSERT fails on the key. Before: the IntegrityError was a 500 and a first
emblem's file stayed behind. Now the loser gets the refusal of a page opened too early (who
and when, the input kept, saving again overwrites) and nothing of its save is left.

The winner's row is committed between the loser's read and its write, on every backend as it
happens there (``tests/write_races.py``)."""

from __future__ import annotations

import io
import json

import pytest
import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import AuditEvent, Role, Setting, StoredFile, User, utcnow
from sisakat.services import concurrency, settings
from tests.http.test_refusal_names_chosen_files import AGENCY_URL, FILE_AGAIN
from tests.http.test_settings_pages import AGENCY
from tests.http.test_two_admins_at_once import KEPT, _seen, danger_alerts
from tests.images_util import png_bytes
from tests.monitoring_helpers import hours_form
from tests.settings_data import SIGNATORY
from tests.unit.test_lost_race_refusals import _files
from tests.write_races import committed_at_the_write, deleted_at_the_write

WON = "Data ini sudah diubah oleh Ani Admin pada "


def first_saved_meanwhile(key: str, value: object, by: User):
    """Ani's first save of ``key`` commits just before a request's flush adds that row."""
    insert = sa.insert(Setting.__table__).values(
        key=key, value=json.dumps(value), updated_by_id=by.id, updated_at=utcnow()
    )
    return committed_at_the_write(Setting, lambda _row: insert, lambda row: row.key == key)


def _admins(make, login_as):
    ani = make.user(Role.SUPERADMIN, full_name="Ani Admin")
    return ani, login_as(make.user(Role.SUPERADMIN, full_name="Budi Admin"))


def test_first_agency_save_with_an_emblem_losing_the_insert_is_refused(app, make, login_as):
    ani, budi = _admins(make, login_as)
    seen = _seen(budi.get(AGENCY_URL).get_data(as_text=True))
    typed = {**AGENCY, "phone": "(0542) 999999", "seen": seen}
    files, emblems = _files(), db.session.execute(db.select(sa.func.count(StoredFile.id))).scalar()
    with first_saved_meanwhile("agency.phone", "(0542) 111111", ani):
        late = budi.post(AGENCY_URL, data={**typed, "emblem": (io.BytesIO(png_bytes()), "l.png")})
    assert late.status_code == 200  # before: IntegrityError, the 500 page
    html = late.get_data(as_text=True)
    (alert,) = danger_alerts(html)
    assert alert.startswith(WON)
    assert FILE_AGAIN in alert  # typed input kept, the emblem to be chosen again
    assert 'value="(0542) 999999"' in html  # what Budi typed is still in the form
    assert _files() == files  # before: the new emblem's file stayed under uploads/
    assert db.session.execute(db.select(sa.func.count(StoredFile.id))).scalar() == emblems
    assert settings.get("agency.phone") == "(0542) 111111"  # Ani's save stands
    assert settings.get("agency.emblem_file_id") is None
    again = budi.post(AGENCY_URL, data={**typed, "seen": _seen(html)})
    assert again.status_code == 302  # saving again is a deliberate overwrite
    assert settings.get("agency.phone") == "(0542) 999999"


def test_first_service_hours_save_losing_the_insert_is_refused(app, make, login_as):
    ani, budi = _admins(make, login_as)
    url, week = "/admin/pengaturan/jam-layanan", [[["08:00", "12:00"]]] * 5 + [[]] * 2
    seen = _seen(budi.get(url).get_data(as_text=True))
    with first_saved_meanwhile("office.week", week, ani):
        late = budi.post(url, data={**hours_form(end="15:00"), "seen": seen})
    assert late.status_code == 200
    (alert,) = danger_alerts(late.get_data(as_text=True))
    assert alert.startswith(WON)
    assert KEPT in alert
    assert settings.get("office.week") == week


def test_first_key_usage_choice_losing_the_insert_is_refused(app, make, login_as):
    """Before: the uncaught refusal (and before that the IntegrityError) was the 500 page."""
    ani, budi = _admins(make, login_as)
    with first_saved_meanwhile("signing.key_usage", "non_repudiation", ani):
        late = budi.post("/admin/tte/kebijakan", data={"policy": "digital_signature"})
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    (alert,) = danger_alerts(html)
    assert alert.startswith(WON)
    assert '<option selected value="digital_signature">' in html  # Budi's choice is kept
    assert settings.get("signing.key_usage") == "non_repudiation"


def account_deleted_at_the_write(user_id: int):
    """The acting account's row goes just before a request's flush writes a setting, so the
    write fails on its foreign key, not on a key another admin saved."""
    return deleted_at_the_write(User.__table__, user_id, Setting)


@pytest.mark.parametrize("first_save", [True, False], ids=["first-save", "later-save"])
def test_settings_save_failing_for_another_reason_is_not_called_a_race(
    app, make, login_as, first_save
):
    """Before: any IntegrityError at the write read as another admin's first save: "Data ini
    sudah diubah setelah halaman Anda dibuka" naming no one (or whoever saved last), with the
    page's digest renewed as if the admin had seen someone's values."""
    ani, budi = _admins(make, login_as)
    url = "/admin/pengaturan/penandatangan"
    if not first_save:  # the page's rows exist: the write is an UPDATE naming its author
        login_as(ani).post(url, data=SIGNATORY)
        assert settings.get("signatory.name") == SIGNATORY["name"]
    page = budi.get(url).get_data(as_text=True)
    typed = {**SIGNATORY, "name": "Drs. Ketikan Budi", "seen": _seen(page)}
    budi_id = db.session.execute(db.select(User.id).filter_by(full_name="Budi Admin")).scalar()
    stored = settings.get("signatory.name")  # the default, or Ani's save
    with account_deleted_at_the_write(budi_id):
        late = budi.post(url, data=typed)
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    assert danger_alerts(html) == [concurrency.NOT_STORED]
    assert 'value="Drs. Ketikan Budi"' in html  # the input is kept
    assert _seen(html) == typed["seen"]  # nobody's values shown instead: no new digest
    assert settings.get("signatory.name") == stored
    updates = db.select(sa.func.count(AuditEvent.id)).filter_by(action="settings.update")
    assert db.session.execute(updates).scalar() == (0 if first_save else 1)
    assert budi.post(url, data=typed).status_code == 302  # the account is back: saved now
    assert settings.get("signatory.name") == "Drs. Ketikan Budi"


def test_agency_save_with_an_emblem_failing_for_another_reason_keeps_nothing(app, make, login_as):
    """The same refusal on a form where a file was chosen: the emblem must be chosen again, and
    its stored file went with the rolled-back save."""
    _ani, budi = _admins(make, login_as)
    typed = {**AGENCY, "phone": "(0542) 999999", "seen": _seen(budi.get(AGENCY_URL).get_data(True))}
    budi_id = db.session.execute(db.select(User.id).filter_by(full_name="Budi Admin")).scalar()
    files = _files()
    with account_deleted_at_the_write(budi_id):
        late = budi.post(AGENCY_URL, data={**typed, "emblem": (io.BytesIO(png_bytes()), "l.png")})
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    assert danger_alerts(html) == [concurrency.as_shown(concurrency.NOT_STORED, file_chosen=True)]
    assert FILE_AGAIN in danger_alerts(html)[0]
    assert 'value="(0542) 999999"' in html
    assert _files() == files
    assert settings.get("agency.emblem_file_id") is None
