"""Retention wiring: personal documents of applications issued long ago are purged."""

from __future__ import annotations

from datetime import timedelta

from sisakat.extensions import db
from sisakat.models import StoredFile, utcnow
from sisakat.services import retention, storage
from tests.letter_helpers import attach_documents


def test_purge_command_removes_only_old_personal_documents(app, make, runner):
    old = make.issued_letter(issued_at=utcnow() - timedelta(days=400))
    recent = make.issued_letter(issued_at=utcnow() - timedelta(days=30))
    old_files, recent_files = (
        attach_documents(old.application_id),
        attach_documents(recent.application_id),
    )
    (target,) = old_files[True]
    keep = [*old_files[False], *recent_files[True], *recent_files[False], old.signed_file]
    path = storage.path_of(target)
    dry = runner.invoke(args=["purge-personal-data", "--dry-run"])
    assert "1 dokumen pribadi akan dihapus." in dry.output
    assert path.exists()
    result = runner.invoke(args=["purge-personal-data"])
    assert result.exit_code == 0
    assert "1 dokumen pribadi dihapus." in result.output
    assert target.sha256 in result.output
    assert not path.exists()
    purged = db.session.get(StoredFile, target.id)
    assert purged.purged_at is not None
    assert purged.sha256 == target.sha256  # the fact and the hash stay
    for row in keep:
        assert db.session.get(StoredFile, row.id).purged_at is None
        assert storage.path_of(row).exists()
    assert retention.personal_documents_past_retention(utcnow(), 365) == []


def test_retention_window_follows_the_days_given(app, make):
    letter = make.issued_letter(issued_at=utcnow() - timedelta(days=40))
    (personal,) = attach_documents(letter.application_id)[True]
    assert retention.personal_documents_past_retention(utcnow(), 60) == []
    assert retention.personal_documents_past_retention(utcnow(), 30) == [personal]
    pending = make.issued_letter(issued_at=None)
    attach_documents(pending.application_id)
    assert retention.personal_documents_past_retention(utcnow(), 0) == [personal]
