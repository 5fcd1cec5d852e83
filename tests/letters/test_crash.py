"""SIG-15: a crash between the signed file's write and the commit leaves the letter unissued;
a retry succeeds; the orphan file is swept."""

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Letter, LetterStatus, Role
from sisakat.services import storage_sweep
from tests import factories
from tests.letters import helpers as h


def test_crash_after_file_write_then_retry_and_sweep(app, login_as, pki, monkeypatch):
    h.trust_office(pki)
    letter = h.prepared_letter()
    data = h.signed(letter, pki)
    client = login_as(factories.user(Role.SUPERADMIN))
    monkeypatch.setenv("SISAKAT_TEST_FAULT", "after_file_write")
    with pytest.raises(RuntimeError, match="test fault"):
        h.upload(client, letter, data)
    db.session.expire_all()
    fresh = db.session.get(Letter, letter.id)
    assert fresh.status == LetterStatus.MENUNGGU_TTE
    assert fresh.application.status == ApplicationStatus.MENUNGGU_TTE
    orphans = storage_sweep.sweep(delete=False)
    assert len(orphans) == 1
    monkeypatch.delenv("SISAKAT_TEST_FAULT")
    h.upload(client, letter, data)
    fresh = db.session.get(Letter, letter.id)
    assert fresh.status == LetterStatus.BERLAKU
    assert h.signed_bytes(fresh) == data
    assert storage_sweep.sweep(delete=True) == orphans
    assert storage_sweep.sweep(delete=False) == []
    assert h.signed_bytes(fresh) == data
