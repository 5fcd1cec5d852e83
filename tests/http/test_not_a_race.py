"""A write the database refuses for another reason than a concurrent save (a foreign key: a row
it refers to deleted meanwhile) is not reported as a race lost to another tab. Before, any
IntegrityError at a requirement upload read "Dokumen ... baru saja diunggah dari tab atau
perangkat lain" and was audited "Kalah bersamaan", and one at a profile save named whoever saved
the profile last (or "Profil sudah disimpan") as if another tab had won. Now each asks, after
the rollback, whether the other save's row is there (``concurrency.flush_versioned``'s
``raced``); when not, the refusal says the change was not stored and names no one. The genuine
races: ``tests/unit/test_lost_race_refusals.py``."""

from __future__ import annotations

import json

import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import (
    ApplicationDocument,
    ApplicationRequirement,
    AuditEvent,
    Party,
    Role,
    StoredFile,
    User,
)
from sisakat.services import concurrency, uploads
from tests.http.test_two_admins_at_once import danger_alerts
from tests.images_util import png_bytes
from tests.profile_data import profile_form, with_file
from tests.unit.test_lost_race_refusals import _files
from tests.workflow_http import items, upload
from tests.write_races import deleted_at_the_write

PROFILE_URL = "/pemohon/profil"


def _count(model, **where) -> int:
    return db.session.execute(
        db.select(sa.func.count()).select_from(model).filter_by(**where)
    ).scalar()


def _refusals() -> list[str]:
    rows = db.session.execute(
        db.select(AuditEvent.details).filter_by(action="document.upload_refused")
    ).scalars()
    return [json.loads(details)["reason"] for details in rows]


def test_upload_failing_for_another_reason_is_not_called_a_race(app, make, login_as):
    application = make.application()
    item = items(application)[0]
    client, name = login_as(application.party.account), item.name
    files, versions = _files(), _count(ApplicationDocument, application_requirement_id=item.id)
    with deleted_at_the_write(ApplicationRequirement.__table__, item.id, ApplicationDocument):
        answer = upload(client, application.id, item.id, make.pdf_bytes("KTP baru"), xhr=True)
    assert answer.status_code == 422  # refused, never a 500
    message = answer.get_json()["message"]
    assert "tab atau perangkat lain" not in message  # before: "... baru saja diunggah ..."
    assert _refusals() == []  # before: audited "Kalah bersamaan: versi 2 ..."
    assert message == uploads.NOT_STORED.format(name)
    assert _files() == files  # the kept PDF went with the rolled-back row
    assert _count(ApplicationDocument, application_requirement_id=item.id) == versions
    again = upload(client, application.id, item.id, make.pdf_bytes("KTP baru"), xhr=True)
    assert again.status_code == 200  # the row is back: the upload goes through now
    assert _count(ApplicationDocument, application_requirement_id=item.id) == versions + 1


def test_upload_form_failing_for_another_reason_says_so(app, make, login_as):
    """The plain form (no script): the same message, flashed on the application page."""
    application = make.application()
    item = items(application)[0]
    client = login_as(application.party.account)
    with deleted_at_the_write(ApplicationRequirement.__table__, item.id, ApplicationDocument):
        answer = upload(client, application.id, item.id, make.pdf_bytes("KTP baru"))
    assert answer.status_code == 302
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    (alert,) = danger_alerts(page)
    assert alert.startswith(f"Dokumen {item.name} tidak tersimpan")  # before: "... diunggah ..."
    assert alert == uploads.NOT_STORED.format(item.name)


def test_first_profile_save_failing_for_another_reason_is_not_called_a_race(app, make, login_as):
    """Before: "Profil sudah disimpan setelah halaman Anda dibuka", as if another tab had
    created the profile."""
    account = make.user(Role.PEMOHON)
    client = login_as(account)
    typed = profile_form(party_name="Partai Ketikan Saya")
    with deleted_at_the_write(User.__table__, account.id, Party):
        late = client.post(PROFILE_URL, data=typed)
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    assert danger_alerts(html) == [concurrency.NOT_STORED]  # said once, not after "belum ..."
    assert 'value="Partai Ketikan Saya"' in html  # the input is kept
    assert _count(Party, account_id=account.id) == 0
    assert client.post(PROFILE_URL, data=typed).status_code == 302  # the account is back
    assert _count(Party, account_id=account.id) == 1


def test_profile_save_failing_for_another_reason_names_no_one(app, make, login_as):
    """A later save cannot lose a race by an IntegrityError (a concurrent save moves the
    version: ``StaleProfile``); here the new logo's row goes just before the write. Before: "Profil
    ini sudah diubah oleh <the last saver> ..." with the page's version renewed."""
    party = make.party()
    party.account.full_name = "Admin Partai Contoh"
    db.session.commit()
    client = login_as(party.account)
    saved = client.post(
        PROFILE_URL, data=profile_form(party.version, party_name="Partai Tersimpan")
    )
    assert saved.status_code == 302  # audited: the last save is Admin Partai Contoh's
    db.session.expire_all()
    files, version = _files(), db.session.get(Party, party.id).version
    typed = profile_form(version, party_name="Partai Ketikan Saya")
    logo_row = StoredFile.__table__
    with deleted_at_the_write(logo_row, lambda party: party.logo_file_id, Party):
        late = client.post(PROFILE_URL, data=with_file(typed, png_bytes()))
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    chosen = concurrency.as_shown(concurrency.NOT_STORED, file_chosen=True)
    assert danger_alerts(html) == [chosen]  # the logo must be chosen again
    assert "Admin Partai Contoh" not in danger_alerts(html)[0]
    assert 'value="Partai Ketikan Saya"' in html
    assert f'name="version" type="hidden" value="{version}"' in html
    assert _files() == files  # the new logo's file went with the rolled-back save
    db.session.expire_all()
    assert db.session.get(Party, party.id).party_name == "Partai Tersimpan"
