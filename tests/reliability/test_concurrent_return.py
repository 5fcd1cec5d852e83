"""A signer returns a letter to its verifier while another signing of the same letter finishes:
exactly one wins, the other gets a clear message (never a 500), and the letter is either issued
under its number or cancelled with its number void - never both. Each side has its own app
context and session; on PostgreSQL/MariaDB both read the letter before either writes."""

from __future__ import annotations

from functools import partial

from sisakat.extensions import db
from sisakat.models import (
    ApplicationStatus,
    FileKind,
    Letter,
    LetterStatus,
    NumberStatus,
    Role,
    User,
)
from sisakat.services import letter_return, letter_scan, settings, storage
from tests import factories
from tests.letters import helpers as h
from tests.reliability.race import race


def _return(letter: Letter, actor: User, *, seen: int) -> None:
    letter_return.return_to_verifier(letter, actor=actor, seen_version=seen, reason="Alamat salah")


def _issue(letter: Letter, actor: User) -> None:
    signed = storage.save_bytes(
        factories.pdf_bytes("Surat bertanda tangan basah"),
        kind=FileKind.LETTER_SIGNED,
        content_type="application/pdf",
        display_name="skt-pindaian.pdf",
        uploaded_by=actor,
    )
    letter_scan.issue_scan(letter, signed, actor=actor)


def test_return_and_issue_at_once_one_wins(app, make):
    settings.update({"signing.allow_scan": True}, actor=None)
    letter = h.prepared_letter()
    signer, admin = make.user(Role.PENANDATANGAN), make.user(Role.SUPERADMIN)
    letter_id, seen = letter.id, letter.application.version
    moves = [(signer.id, partial(_return, seen=seen)), (admin.id, _issue)]
    results = race(app, Letter, letter_id, moves)
    assert results.count("ok") == 1, results
    loser = next(r for r in results if r != "ok")
    assert "keadaan terbaru" in loser or "dikembalikan ke verifikator" in loser, loser
    letter = db.session.get(Letter, letter_id)
    if letter.status == LetterStatus.BERLAKU:
        assert letter.application.status == ApplicationStatus.TERBIT
        assert letter.number.status == NumberStatus.DIPAKAI
    else:
        assert letter.status == LetterStatus.DIBATALKAN
        assert letter.signed_file_id is None
        assert letter.application.status == ApplicationStatus.DIVERIFIKASI
        assert letter.number.status == NumberStatus.DIBATALKAN
