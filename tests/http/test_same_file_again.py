"""The current version's very file uploaded again (the same scan picked twice, a second click
on Unggah) changes nothing: no new version, no file left under uploads/, no audit row, and the
party is told so. Before, each one added a version and a stored copy of the same bytes. A copy
of a version judged Tidak Sesuai is still refused: ``test_same_file_after_return.py``."""

from __future__ import annotations

import re

import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import ApplicationDocument, AuditEvent, FileKind
from sisakat.services import storage
from tests.unit.test_lost_race_refusals import _files, other_tab_took_the_version
from tests.workflow_http import items, latest, upload

UNCHANGED = "Berkas ini sama dengan yang sudah diunggah; tidak ada yang berubah."


def _counts(item) -> tuple[int, int]:
    """(versions of ``item``, audit rows about document uploads)."""
    versions = db.session.execute(
        db.select(sa.func.count())
        .select_from(ApplicationDocument)
        .filter_by(application_requirement_id=item.id)
    ).scalar()
    audited = db.session.execute(
        db.select(sa.func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.action.like("document.upload%"))
    ).scalar()
    return versions, audited


def _info_alerts(page: str) -> list[str]:
    found = re.findall(r'<div class="alert alert-info[^"]*"[^>]*>(.*?)<button', page, re.S)
    return [" ".join(text.split()) for text in found]


def test_the_current_file_again_in_draf_keeps_nothing_and_says_so(app, make, login_as):
    application = make.application()  # Draf, each document's version 1 uploaded
    item = items(application)[0]
    client = login_as(application.party.account)
    scan = make.pdf_bytes("KTP pengurus")
    assert upload(client, application.id, item.id, scan, xhr=True).status_code == 200
    client.get(f"/pemohon/permohonan/{application.id}")  # the script's reload: "... tersimpan."
    files, counts = _files(), _counts(item)
    again = upload(client, application.id, item.id, scan, filename="ktp lagi.pdf", xhr=True)
    assert again.status_code == 200  # not a refusal: the page reloads and says so
    assert again.get_json() == {"ok": True, "message": UNCHANGED}
    assert _counts(item) == counts  # before: one more version and one more audit row
    assert _files() == files  # before: a second stored copy of the same bytes
    assert latest(item).version_no == 2
    assert latest(item).stored_file.display_name == "dokumen.pdf"
    page = client.get(f"/pemohon/permohonan/{application.id}").get_data(as_text=True)
    assert _info_alerts(page) == [UNCHANGED]
    assert f"Dokumen {item.name} tersimpan" not in page


def test_the_plain_form_says_the_same(app, make, login_as):
    """Without the page script: the redirect's page shows the message, not as an error."""
    application = make.application()
    item = items(application)[0]
    client = login_as(application.party.account)
    data = storage.root().joinpath(latest(item).stored_file.storage_key).read_bytes()
    files, counts = _files(), _counts(item)
    answer = upload(client, application.id, item.id, data)
    assert answer.status_code == 302
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert _info_alerts(page) == [UNCHANGED]
    assert 'class="alert alert-danger' not in page
    assert (_counts(item), _files()) == (counts, files)
    newer = make.pdf_bytes("KTP diperbaiki")  # another file is still taken
    assert upload(client, application.id, item.id, newer).status_code == 302
    assert latest(item).version_no == 2
    assert upload(client, application.id, item.id, data).status_code == 302
    assert latest(item).version_no == 3  # going back to an earlier file is a change


def test_a_double_click_ends_with_one_version_and_no_lost_race(app, make, login_as):
    """Two identical POSTs at once: the one losing the version number finds the winner kept this
    very file. Before: refused as "baru saja diunggah dari tab atau perangkat lain" and audited
    "Kalah bersamaan", though the party's file was there."""
    application = make.application()
    item = items(application)[0]
    client = login_as(application.party.account)
    scan = make.pdf_bytes("Surat permohonan")
    first = storage.save_bytes(
        scan,
        kind=FileKind.REQUIREMENT,
        content_type="application/pdf",
        display_name="dokumen.pdf",
        uploaded_by=application.party.account,
    )
    db.session.commit()  # the first click's file, its version written at the second's write
    files, (versions, audited) = _files(), _counts(item)
    with other_tab_took_the_version(first.id):
        answer = upload(client, application.id, item.id, scan, xhr=True)
    assert answer.status_code == 200
    assert answer.get_json() == {"ok": True, "message": UNCHANGED}
    db.session.expire_all()
    assert _counts(item) == (versions + 1, audited)  # the winner's version, no refusal row
    assert latest(item).stored_file_id == first.id
    assert _files() == files  # the second click's copy went with its rolled-back row
