"""The register of issued letters: resolving public tokens, lookup by number, revoking and
superseding, and comparing an uploaded file with the issued one (SIGNING.md §5).

Only letters that were issued (Berlaku, Dicabut, Diganti) are ever visible to the public; a
letter waiting for its signature resolves exactly like an unknown token.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import BinaryIO

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import defaultload, joinedload

from sisakat import config
from sisakat.exceptions import GuardFailed, InvalidTransition, StaleApplication, UploadRejected
from sisakat.extensions import db
from sisakat.models import (
    ISSUED_STATUSES,
    Action,
    Application,
    Letter,
    LetterStatus,
    Party,
    User,
    utcnow,
)
from sisakat.services import (
    audit,
    concurrency,
    letter_search,
    number_register,
    storage,
    workflow,
)
from sisakat.services.letter_public import PublicLetter, public_view

__all__ = ["PublicLetter", "public_view"]  # re-exported: the page's view of a letter

TOKEN_RE = re.compile(r"^[A-Z2-7]{26}$")  # 128 bits as unpadded base32
CHUNK = 64 * 1024
REASON_MAX = 500
# What a QR scan needs, in one statement: the signed file (its hash is shown, it is what is
# downloaded) joined; the board's officers not loaded at all, as the page shows the frozen
# profile (the board, joined with the letter's application, is only old letters' fallback).
_PUBLIC_LOAD = (
    joinedload(Letter.signed_file),
    defaultload(Letter.application).defaultload(Application.party).lazyload(Party.officers),
)


# Base32 has no 0, 1 or 8: in a retyped code they can only be the look-alike letters.
LOOK_ALIKES = str.maketrans("018", "OIB")
# The address a QR code opens, pasted whole (a scanner app shows it as text): its code counts.
LINK_RE = re.compile(r"/verifikasi/([^/?#]+)")


def normalise_token(raw: str | None) -> str | None:
    """Upper case without spaces and dashes, look-alike digits read as their letters (as people
    retype the printed code), or None when it cannot be a token: no query is made for garbage.
    A pasted verification link stands for the code in it; the full stop or comma of the
    sentence a link was pasted from is not part of the code."""
    text = str(raw or "")
    link = LINK_RE.search(text)
    text = re.sub(r"[\s\-]", "", link.group(1) if link else text).rstrip(".,;:!?)")
    text = text.upper().translate(LOOK_ALIKES)
    return text if TOKEN_RE.match(text) else None


def find_by_token(token: str | None) -> Letter | None:
    """The issued letter with this public token; None for unknown, malformed or not issued."""
    normalised = normalise_token(token)
    if normalised is None:
        return None
    return db.session.execute(
        db.select(Letter)
        .where(Letter.token == normalised, Letter.status.in_(ISSUED_STATUSES))
        .options(*_PUBLIC_LOAD)
    ).scalar_one_or_none()


def lookup(number_text: str | None, code: str | None) -> Letter | None:
    """The issued letter with this number *and* this printed verification code (SIGNING.md §5).
    A number never answers with anything weaker than the code: serials are sequential and party
    names public, so number plus name would list every party's letter. Both must belong to the
    same letter (the numbers compared by ``number_register.number_key``), which also catches a
    forged copy carrying another letter's code."""
    number = number_register.number_key(number_text)
    if not number or len(number) > 120:
        return None
    letter = find_by_token(code)
    if letter is None or number_register.number_key(letter.number_text) != number:
        return None
    return letter


def check(query: str | None, code: str | None) -> Letter | None:
    """The public search box: the verification code alone (in either box), or a number with
    the code (in either order)."""
    if not str(code or "").strip():
        return find_by_token(query)
    if not str(query or "").strip():
        return find_by_token(code)
    if normalise_token(code) is None and normalise_token(query) is not None:
        query, code = code, query  # each typed into the other's box; a number is never a code
    return lookup(query, code)


def revoke(letter: Letter, *, reason: str, actor: User, seen_version: int | None) -> Letter:
    """Cabut: a registry change (the PDF cannot be unsigned). The page keeps resolving and says
    DICABUT; the number stays in the register. The application moves to Dicabut."""
    stale = partial(workflow.stale_message, letter.application, "Surat")
    if seen_version != letter.version and (
        letter.status == LetterStatus.DICABUT
        and letter.revoked_by_id == actor.id
        and letter.revoked_reason == (reason or "").strip()
    ):
        return letter  # the same click arrived twice: it is done already
    # Another admin, or another tab with another reason: who changed it and when.
    concurrency.check_version(seen_version, letter, stale, StaleApplication)
    if letter.status != LetterStatus.BERLAKU:
        raise InvalidTransition(f"Surat berstatus {letter.status.label} tidak dapat dicabut.")
    reason = (reason or "").strip()
    if not reason:
        raise GuardFailed("Alasan pencabutan wajib diisi.")
    if len(reason) > REASON_MAX:
        raise GuardFailed(f"Alasan paling banyak {REASON_MAX} karakter.")
    letter.status = LetterStatus.DICABUT
    letter.revoked_at = utcnow()
    letter.revoked_reason = reason
    letter.revoked_by_id = actor.id
    # The letter first, as issuing and returning do; a revocation (or a signing's supersede)
    # that committed since this letter was read is refused as "Surat sudah diubah".
    concurrency.flush_versioned(stale, StaleApplication)
    application = letter.application
    workflow.apply(
        application, Action.CABUT, actor=actor, seen_version=application.version, note=reason
    )
    audit.record(
        "letter.revoke",
        actor=actor,
        object_type="letter",
        object_id=letter.id,
        details={"number": letter.number_text, "reason": reason},
    )
    db.session.flush()
    return letter


def _previous_berlaku(new_letter: Letter) -> list[Letter]:
    """The same party's other Berlaku letters for the same service."""
    new_app = new_letter.application
    return list(
        db.session.execute(
            db.select(Letter)
            .join(Application, Letter.application_id == Application.id)
            .where(
                Application.party_id == new_app.party_id,
                Application.service_code == new_app.service_code,
                Letter.status == LetterStatus.BERLAKU,
                Letter.id != new_letter.id,
            )
            .order_by(Letter.id)
        ).scalars()
    )


def supersede_previous(new_letter: Letter, actor: User) -> list[Letter]:
    """After ``new_letter`` is issued: the same party's earlier Berlaku letters for the same
    service become Diganti (linked to the new one) and their applications move to Diganti.
    Meant for ``services.letters.ON_ISSUED``; runs inside the issuing transaction."""
    replaced = _previous_berlaku(new_letter)
    for old in replaced:
        old.status = LetterStatus.DIGANTI
        old.superseded_by_id = new_letter.id
        workflow.apply(
            old.application,
            Action.GANTI,
            actor=actor,
            seen_version=old.application.version,
            note=f"Digantikan oleh surat nomor {new_letter.number_text}",
        )
        audit.record(
            "letter.supersede",
            actor=actor,
            object_type="letter",
            object_id=old.id,
            details={"number": old.number_text, "superseded_by": new_letter.number_text},
        )
    db.session.flush()
    return replaced


@dataclass(frozen=True)
class Comparison:
    """The result of comparing an uploaded file with the issued one."""

    same: bool
    uploaded_sha256: str
    issued_sha256: str


NOT_A_PDF = (
    "Berkas ini bukan PDF (mungkin foto atau dokumen lain), jadi tidak dapat dibandingkan. "
    "Yang dibandingkan hanya berkas PDF surat yang diterbitkan, sebagaimana diterima pemohon."
)


def compare_upload(letter: Letter, stream: BinaryIO) -> Comparison:
    """Hash the upload while reading it (nothing is stored) and compare with the signed file;
    the cap is the office's upload cap, as the field's hint and page script say."""
    if letter.signed_file is None:
        raise UploadRejected("Surat ini belum memiliki berkas bertanda tangan.")
    max_bytes = config.max_upload_bytes(current_app)
    digest, total, head = hashlib.sha256(), 0, b""
    while chunk := stream.read(CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise UploadRejected(storage.too_big_message(max_bytes))
        digest.update(chunk)
        head = head or chunk[:5]
    if total == 0:
        raise UploadRejected("Berkas kosong. Pilih berkas PDF surat.")
    if head != b"%PDF-":  # a photo of the paper letter is no altered letter: say what it is
        raise UploadRejected(NOT_A_PDF)
    uploaded = digest.hexdigest()
    issued = letter.signed_file.sha256
    return Comparison(same=uploaded == issued, uploaded_sha256=uploaded, issued_sha256=issued)


REGISTER_STATUSES = ("berlaku", "kedaluwarsa", "dicabut", "diganti", "dibatalkan")
# The admin register: issued letters, and those cancelled before issue (returned from the
# signing desk), whose numbers stay void in the number register.
REGISTER_LETTER_STATUSES = (*ISSUED_STATUSES, LetterStatus.DIBATALKAN)


def register_query(
    *,
    status: str = "",
    year: int | None = None,
    party_id: int | None = None,
    text: str = "",
    today: date,
):
    """Issued (and cancelled) letters for the admin register, newest first, filtered by
    (effective) status, year (``letter_search.filed_between``: a letter never dated by SRIKANDI
    under the year it was approved), party and a search ``text`` found in the number or the
    applicant's name (``letter_search.text_matches``, the staff letter search's matching)."""
    query = (
        db.select(Letter)
        .join(Application, Letter.application_id == Application.id)
        .join(Party, Party.id == Application.party_id)
        .where(Letter.status.in_(REGISTER_LETTER_STATUSES))
        # Undated (never dated by SRIKANDI) last on every database: PostgreSQL sorts NULL
        # first in DESC, SQLite and MariaDB last; NULLS LAST is not MariaDB syntax.
        .order_by(Letter.letter_date.is_(None), Letter.letter_date.desc(), Letter.id.desc())
    )
    if status == "kedaluwarsa":
        query = query.where(Letter.status == LetterStatus.BERLAKU, Letter.valid_until < today)
    elif status == "berlaku":
        query = query.where(
            Letter.status == LetterStatus.BERLAKU,
            sa.or_(Letter.valid_until.is_(None), Letter.valid_until >= today),
        )
    elif status in ("dicabut", "diganti", "dibatalkan"):
        query = query.where(Letter.status == LetterStatus(status))
    if year:
        query = query.where(letter_search.filed_between(date(year, 1, 1), date(year, 12, 31)))
    if party_id:
        query = query.where(Application.party_id == party_id)
    if text:
        query = query.where(letter_search.text_matches(text))
    return query


def _register_hooks() -> None:
    """Issuing a newer letter for a party supersedes its previous one (once per process)."""
    from sisakat.services import letters

    if supersede_previous not in letters.ON_ISSUED:
        letters.ON_ISSUED.append(supersede_previous)


_register_hooks()
