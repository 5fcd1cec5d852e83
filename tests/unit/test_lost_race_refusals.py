"""A save losing a race at its UPDATE: another save commits between this request's read and
its write (on PostgreSQL and MariaDB both read the row before either writes). SQLite's write
lock hides that gap, so the winner's UPDATE of the version column is played here inside this
transaction, behind the ORM's back: the versioned UPDATE matches no row, and the save is refused
through ``concurrency.flush_versioned`` like its page's stale refusal, nothing stored. A row
created at the same moment (a first profile, a document's version number) is committed by the
other save as it happens on each backend (``tests/write_races.py``): the loser tells the race
from another failure by finding that row after its rollback."""

from __future__ import annotations

import io
import json

import pytest
import sqlalchemy as sa

from sisakat.exceptions import StaleApplication, UploadRejected
from sisakat.extensions import db
from sisakat.models import (
    ApplicationDocument,
    ApplicationStatus,
    AuditEvent,
    Letter,
    LetterStatus,
    Party,
    Role,
    User,
)
from sisakat.services import documents, letter_registry, parties, storage, uploads, workflow
from tests.images_util import png_bytes
from tests.write_races import committed_at_the_write

PROFILE_STALE = "Profil ini sudah diubah oleh Admin Partai Contoh pada "


def _won_meanwhile(model, row_id: int) -> None:
    """Another transaction's UPDATE of the row's version, unseen by this session's objects."""
    table = model.__table__
    db.session.execute(
        sa.update(table).where(table.c.id == row_id).values(version=table.c.version + 1)
    )


def _officers(party: Party) -> list[tuple[str, str]]:
    return [(o.position, o.name) for o in party.officers]


def test_profile_save_losing_at_the_update_names_who_saved(app, make):
    """Before: 'Profil sudah disimpan setelah halaman Anda dibuka' naming nobody."""
    party = make.party()
    account = party.account
    account.full_name = "Admin Partai Contoh"
    values = {"phone": "0811 1111 1111"}
    parties.save_profile(
        account, values, _officers(party), actor=account, seen_version=party.version
    )
    db.session.commit()
    seen = party.version
    _won_meanwhile(Party, party.id)
    with pytest.raises(parties.StaleProfile) as refused:
        parties.save_profile(
            account,
            {"party_name": "Partai Ketikan Saya"},
            _officers(party),
            actor=account,
            seen_version=seen,
        )
    assert refused.value.message.startswith(PROFILE_STALE)
    assert "Isian Anda belum tersimpan" in refused.value.message
    db.session.expire_all()
    assert db.session.get(Party, party.id).party_name != "Partai Ketikan Saya"


def _files() -> set[str]:
    """Every file under the test's uploads folder."""
    base = storage.root()
    return {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file()}


def test_profile_save_with_a_new_logo_losing_at_the_update_leaves_no_file(app, make):
    """Before: the new logo was stored under uploads/ first, then the refusal rolled its row
    back, leaving a file nothing points to (until an operator ran ``flask storage-sweep``)."""
    party = make.party()
    account = party.account
    before, seen = _files(), party.version
    _won_meanwhile(Party, party.id)
    with pytest.raises(parties.StaleProfile):
        parties.save_profile(
            account,
            {"phone": "0811 2222 2222"},
            _officers(party),
            actor=account,
            seen_version=seen,
            logo=io.BytesIO(png_bytes()),
            logo_name="logo-baru.png",
        )
    assert _files() == before
    db.session.expire_all()
    assert db.session.get(Party, party.id).phone != "0811 2222 2222"


def test_first_profile_save_losing_to_another_tab_is_refused(app, make):
    """Two tabs send the first profile of an account at once: the row the other tab created
    makes this INSERT fail; refused as out of date, never a 500."""
    account = make.user(Role.PEMOHON)
    assert account.party is None
    other_tab = sa.insert(Party.__table__).values(account_id=account.id, board_name="Tab lain")
    won = committed_at_the_write(Party, lambda _party: other_tab)
    with won, pytest.raises(parties.StaleProfile) as refused:
        parties.save_profile(
            account,
            {"board_name": "DPW Partai Ketikan"},
            [("Ketua", "Rina"), ("Sekretaris", "Dodi"), ("Bendahara", "Maya")],
            actor=account,
            seen_version=None,
        )
    assert "setelah halaman Anda dibuka" in refused.value.message
    db.session.expire_all()
    assert db.session.get(User, account.id).party.board_name == "Tab lain"


def test_revocation_losing_at_the_update_speaks_of_the_letter_and_names_who(app, make):
    """Before: 'Permohonan sudah diubah ...' on the letter register, where a refusal from an
    old page says 'Surat sudah diubah ...'."""
    letter = make.issued_letter()
    admin = make.user(Role.SUPERADMIN)
    db.session.refresh(admin)  # loaded, as a request's current user is
    last = workflow.last_change(letter.application).actor.display_name
    seen = letter.version
    _won_meanwhile(Letter, letter.id)
    with pytest.raises(StaleApplication) as refused:
        letter_registry.revoke(letter, reason="SK dibatalkan.", actor=admin, seen_version=seen)
    assert refused.value.message.startswith(f"Surat sudah diubah oleh {last} pada ")
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.application.status == ApplicationStatus.TERBIT


def other_tab_took_the_version(stored_file_id: int):
    """Another tab's upload of the same requirement commits the version number this upload read
    as free, just before this one writes it (its file: ``stored_file_id``, a committed row)."""

    def winner(doc: ApplicationDocument):
        return sa.insert(ApplicationDocument.__table__).values(
            application_requirement_id=doc.application_requirement_id,
            version_no=doc.version_no,
            stored_file_id=stored_file_id,
        )

    return committed_at_the_write(ApplicationDocument, winner)


def _upload_losing_its_version_number(application, item, make) -> UploadRejected:
    """Upload a PDF for ``item`` while another tab's upload takes its version: the refusal."""
    won = other_tab_took_the_version(uploads.latest_version(item).stored_file_id)
    with won, pytest.raises(UploadRejected) as refused:
        uploads.upload_requirement_document(
            application,
            item,
            io.BytesIO(make.pdf_bytes("KTP baru")),
            filename="ktp.pdf",
            actor=application.party.account,
            max_bytes=10 * 1024 * 1024,
            max_pages=20,
        )
    return refused.value


def test_document_upload_losing_its_version_number_leaves_no_file(app, make):
    """Before: an IntegrityError (a 500) and the PDF left under uploads/."""
    application = make.application()
    item = documents.checklist(application)[0].requirement
    before = _files()
    refused = _upload_losing_its_version_number(application, item, make)
    assert refused.message.startswith(f"Dokumen {item.name} baru saja diunggah")
    assert _files() == before


def test_document_upload_losing_its_version_number_is_audited_as_lost(app, make, login_as):
    """Before: every other refused upload left a ``document.upload_refused`` row, but the lost
    race rolled back and left none; now it is recorded saying it lost, and shown labelled."""
    application = make.application()
    item = documents.checklist(application)[0].requirement
    _upload_losing_its_version_number(application, item, make)
    db.session.commit()  # as the route does after a refusal
    refused = db.session.execute(
        db.select(AuditEvent).filter_by(action="document.upload_refused")
    ).scalar_one()
    assert (refused.outcome, refused.object_id) == ("refused", str(application.id))
    assert refused.actor_id == application.party.account.id
    details = json.loads(refused.details)
    assert details["requirement"] == item.name
    assert details["reason"].startswith("Kalah bersamaan: versi 2 dokumen ini lebih dulu")
    page = login_as(make.user(Role.SUPERADMIN)).get("/admin/log-audit").get_data(as_text=True)
    assert "Unggahan dokumen ditolak" in page
    assert "Kalah bersamaan" in page


def test_another_way_of_losing_needs_a_check_that_it_was_the_race(app):
    """Without ``raced``, any integrity failure of the flush would be shown as another
    person's save, naming a winner who never was: the call is refused before any write."""
    from sqlalchemy.exc import IntegrityError

    from sisakat.services import concurrency

    with app.app_context(), pytest.raises(TypeError, match="raced"):
        concurrency.flush_versioned(lambda: "", also=(IntegrityError,))
