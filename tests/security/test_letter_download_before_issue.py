"""AC-3: no route hands out a letter before its application is Terbit: the party's SKT download
and the public verification download answer 404 while the letter awaits TTE, awaits manual review
or was voided, even when a signed file is already attached; the same URLs serve it once issued."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, FileKind, LetterStatus
from sisakat.services import settings, storage
from tests.letters import helpers as letters

NOT_ISSUED = [LetterStatus.MENUNGGU_TTE, LetterStatus.PERLU_TINJAUAN, LetterStatus.DIBATALKAN]


@pytest.fixture
def pending(app, make):
    """Party A's approved letter (application Menunggu TTE) with a signed file already attached,
    as if the file write got ahead of the status; public downloads switched on."""
    letter = letters.prepared_letter(make.party())
    letter.signed_file_id = storage.save_bytes(
        make.pdf_bytes("SKT bertanda tangan belum terbit"),
        kind=FileKind.LETTER_SIGNED,
        content_type="application/pdf",
        display_name="skt.pdf",
        uploaded_by=None,
    ).id
    settings.update({"verification.allow_download": True}, actor=None)
    db.session.commit()
    return letter


def _urls(letter) -> list[str]:
    return [
        f"/pemohon/skt/{letter.id}/unduh",
        f"/verifikasi/{letter.token}/unduh",
        f"/verifikasi/{letter.token}",
    ]


@pytest.mark.parametrize("status", NOT_ISSUED, ids=lambda s: s.value)
def test_letter_is_not_downloadable_before_terbit(app, pending, login_as, status):
    pending.status = status
    if status == LetterStatus.DIBATALKAN:  # a cancelled letter carries its reason (CHECK)
        pending.revoked_reason = "Dikembalikan dari meja TTE ke verifikator."
    db.session.commit()
    assert pending.application.status == ApplicationStatus.MENUNGGU_TTE
    owner = login_as(pending.application.party.account)
    for url in _urls(pending):
        response = owner.get(url)
        response.close()
        assert response.status_code == 404, f"{url} while {status.value}"
        assert response.headers.get("Content-Type", "").startswith("text/html"), url


def test_the_same_urls_serve_the_letter_once_terbit(app, pending, login_as):
    pending.status = LetterStatus.BERLAKU
    pending.application.status = ApplicationStatus.TERBIT
    pending.application.open_party_id = None  # Terbit is a final state
    db.session.commit()
    owner = login_as(pending.application.party.account)
    signed = storage.read_bytes(pending.signed_file)
    for url in _urls(pending)[:2]:
        response = owner.get(url)
        assert response.status_code == 200, url
        assert response.data == signed, url
        response.close()
