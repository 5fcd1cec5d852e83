"""Kembalikan ke Verifikator: the signer (or the super admin) finds a mistake in a letter awaiting
signature and sends the application back to the verifier who claimed it (``kembalikan_tte``).

The workflow moves Menunggu TTE -> Diverifikasi (the claim stays); in the same transaction
``cancel_pending`` (a ``workflow.ON_RETURNED_FROM_SIGNING`` hook) cancels the pending letter
(``Dibatalkan``, with the reason), drops a signed upload waiting for manual review with it, and
voids the letter's number in the register with the reason, so it is never given again:
re-approval numbers and renders a new letter. Files are kept as they are (immutable); the
cancelled letter's token never resolves on the public page (only issued letters do).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.models import (
    PENDING_STATUSES,
    Action,
    Application,
    ApplicationStatus,
    Letter,
    LetterStatus,
    NumberStatus,
    User,
    utcnow,
)
from sisakat.services import audit, concurrency, number_void, workflow

log = logging.getLogger(__name__)

REASON_MAX = 500  # as a revocation's reason and the register's void reason
VOID_PREFIX = "Dikembalikan dari meja TTE ke verifikator: "


def pending_letters(application: Application) -> list[Letter]:
    """The application's letters awaiting a signature or a manual review (normally one)."""
    query = (
        db.select(Letter)
        .where(Letter.application_id == application.id, Letter.status.in_(PENDING_STATUSES))
        .order_by(Letter.id)
    )
    return list(db.session.execute(query).unique().scalars())


def return_to_verifier(
    letter: Letter, *, actor: User, seen_version: int | None, reason: str
) -> bool:
    """Send ``letter``'s application back to its verifier (the reason is required and kept for
    staff). Returns False when the same click arrived twice (nothing changed the second time).
    ``seen_version`` is the application's version the page showed."""
    application = letter.application
    if letter.status not in PENDING_STATUSES and seen_version == application.version:
        # An old letter's page with the application's current version: never cancel another.
        raise GuardFailed(
            f"Surat ini sudah tidak menunggu tanda tangan. {concurrency.SHOWN_NOW}"
            if letter.status != LetterStatus.DIBATALKAN
            else "Surat ini sudah dikembalikan ke verifikator."
        )
    if len((reason or "").strip()) > REASON_MAX:
        raise GuardFailed(f"Alasan paling banyak {REASON_MAX} karakter.")
    row = workflow.apply(
        application,
        Action.KEMBALIKAN_TTE,
        actor=actor,
        seen_version=seen_version,
        note=reason,
    )
    return row is not None


@dataclass(frozen=True)
class ReturnNotice:
    """Why an application under review is back from the signing desk (the review's banner)."""

    by: str
    at: datetime
    reason: str
    number: str  # the cancelled letter's number ("" when SRIKANDI had not numbered it)


def return_notice(application: Application) -> ReturnNotice | None:
    """The signing desk's return while it is still the newest step of the review; None once
    the verifier decided again (or for any other application)."""
    if application.status != ApplicationStatus.DIVERIFIKASI:
        return None
    last = workflow.last_change(application)
    if last is None or last.action != Action.KEMBALIKAN_TTE:
        return None
    number = db.session.execute(
        db.select(Letter.number_text)
        .where(Letter.application_id == application.id, Letter.status == LetterStatus.DIBATALKAN)
        .order_by(Letter.id.desc())
        .limit(1)
    ).scalar()
    by = last.actor.display_name if last.actor else "sistem"
    return ReturnNotice(by, last.at, last.internal_note, number or "")


def cancel_pending(application: Application, actor: User, reason: str) -> None:
    """Workflow hook of ``kembalikan_tte``: cancel each pending letter of ``application`` and
    void its number, inside the returning transaction. Refused, nothing changed, while
    someone signs one of them in the app (``letter_claim``)."""
    from sisakat.services import letter_claim  # it imports letters, which imports this module

    pending = pending_letters(application)
    for letter in pending:
        letter_claim.refuse_live(letter)
    for letter in pending:
        _cancel(letter, actor, reason)


def _cancel(letter: Letter, actor: User, reason: str) -> None:
    """Dibatalkan with the reason; a waiting signed candidate goes with it (its file stays
    stored, linked as the record of what was uploaded); the number is voided."""
    had_candidate = letter.candidate_file_id is not None
    letter.leave_pending(LetterStatus.DIBATALKAN)  # no claim left, even an expired one
    letter.revoked_at = utcnow()
    letter.revoked_reason = reason[:REASON_MAX]
    letter.revoked_by_id = actor.id
    # The letter first, as issuing does (letter, then application): the same lock order on
    # PostgreSQL and MariaDB. A signing that finished meanwhile makes this UPDATE stale.
    workflow.flush_or_stale(letter.application)
    number = letter.number
    if number is not None and number.status != NumberStatus.DIBATALKAN:
        # Allowed now that the letter no longer waits: the void guard refuses a pending
        # letter's number (the register's manual void), not a cancelled one's.
        number_void.void(number, reason=(VOID_PREFIX + reason)[:REASON_MAX], actor=actor)
    audit.record(
        "letter.cancel",
        actor=actor,
        object_type="letter",
        object_id=letter.id,
        details={
            "application": letter.application_id,
            "number": letter.number_text or "",
            "reason": letter.revoked_reason,
            "candidate_cancelled": had_candidate,
        },
    )
    log.info("letter %s cancelled (returned to the verifier) by user %s", letter.id, actor.id)
