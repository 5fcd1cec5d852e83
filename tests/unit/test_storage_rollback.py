"""A file goes away with its row: whatever rolls back the transaction that stored it (a lost
race, a guard failing after the upload, an unexpected error), the file ``storage.keep`` wrote
in it is removed; a committed file, or one stored outside a rolled-back savepoint, stays."""

from sisakat.extensions import db
from sisakat.models import FileKind
from sisakat.services import storage


def _store(name: str):
    return storage.save_bytes(
        b"%PDF-1.4 " + name.encode(),
        kind=FileKind.ATTACHMENT,
        content_type="application/pdf",
        display_name=f"{name}.pdf",
        uploaded_by=None,
    )


def test_a_rolled_back_transaction_takes_its_file(app):
    path = storage.path_of(_store("batal"))
    assert path.exists()
    db.session.rollback()
    assert not path.exists()


def test_a_committed_file_stays_through_later_rollbacks(app):
    path = storage.path_of(_store("simpan"))
    db.session.commit()
    _store("lain")
    db.session.rollback()
    assert path.exists()


def test_a_savepoint_rolled_back_takes_only_its_own_file(app):
    outer = storage.path_of(_store("luar"))
    inner_path = None
    try:
        with db.session.begin_nested():
            inner_path = storage.path_of(_store("dalam"))
            raise ValueError
    except ValueError:
        pass
    assert inner_path is not None
    assert not inner_path.exists()
    assert outer.exists()
    db.session.commit()
    assert outer.exists()
