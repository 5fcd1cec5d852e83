"""Who is signing a letter in the app right now (SIGNING.md §8-§9).

Before the signing backend (BSrE, or the local PAdES key) is called, the letter is claimed for
the signer in its own short committed transaction (``letters.signing_by_id``,
``signing_since``), through the letter's version column: of two signers (two heads, one head's
two tabs, a double submit) only one claim can win, and the other is refused, told who is
signing and since when, before any call to BSrE, so BSrE never signs one letter twice. The
claim is released on every failure (``release``) and cleared whenever the letter stops waiting
(issued, cancelled: ``Letter.leave_pending``). One left by a killed process expires by itself
(``expires_at``, the one rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy.orm.exc import StaleDataError

from sisakat.exceptions import DomainError, GuardFailed
from sisakat.extensions import db
from sisakat.models import Letter, User
from sisakat.services import clock, concurrency, letters, settings
from sisakat.services.signing.bsre import timeouts

# Beyond the longest BSrE call (connect + read timeouts): validating and storing the signed file.
MARGIN = timedelta(seconds=60)
SOMEONE = "pengguna lain"  # a claimer whose account is gone
CHANGED = (
    "Surat baru saja diubah oleh pengguna lain dan tidak ditandatangani. "
    "Buka antrean TTE untuk melihat keadaannya sekarang."
)


@dataclass(frozen=True)
class Claim:
    """A live claim as the signing desk shows it."""

    name: str
    since: datetime


def expires_at(since: datetime) -> datetime:
    """When a claim taken at ``since`` stops holding: after the BSrE connect and read timeouts
    (``BSRE_CONNECT_TIMEOUT``, ``BSRE_READ_TIMEOUT``) plus ``MARGIN``."""
    return since + timedelta(seconds=sum(timeouts(current_app.config))) + MARGIN


def is_live(letter: Letter, now: datetime | None = None) -> bool:
    """Whether someone is signing ``letter`` now (a claim not yet expired)."""
    since = letter.signing_since
    return since is not None and (now or clock.now()) < expires_at(since)


def _names(user_ids: set[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = db.session.execute(db.select(User).where(User.id.in_(user_ids))).scalars()
    return {user.id: user.display_name for user in rows}


def message(letter: Letter) -> str:
    """The refusal for a second signer: who is signing the letter and since when."""
    who = _names({letter.signing_by_id} - {None}).get(letter.signing_by_id, SOMEONE)
    since = settings.office_time(letter.signing_since)
    return (
        f"Surat ini sedang ditandatangani oleh {who} sejak {since}. Surat tidak "
        "ditandatangani dua kali: tunggu hasilnya di antrean TTE."
    )


def live_message(letter: Letter) -> str:
    """``message`` while someone signs ``letter`` in the app, else "" (a query only then)."""
    return message(letter) if is_live(letter) else ""


def refuse_live(letter: Letter) -> None:
    """Nobody else issues or returns ``letter`` while someone is signing it in the app (an
    upload of the signed file, a return to the verifier): ``GuardFailed`` with ``message``.
    An expired claim does not block."""
    if is_live(letter):
        raise GuardFailed(message(letter))


def _lost(letter_id: int) -> str:
    """Why a claim lost the race (read after the rollback)."""
    letter = db.session.get(Letter, letter_id)
    if letter is not None and is_live(letter):
        return message(letter)
    try:
        if letter is not None:
            letters.require_pending(letter)
    except DomainError as exc:
        return exc.message
    return CHANGED


def claim(letter: Letter, *, actor: User) -> int:
    """Claim ``letter`` for ``actor`` (flushed; the caller commits at once) and return its
    version after the claim. A live claim, or a concurrent one that won, raises
    ``DomainError`` naming who is signing."""
    if is_live(letter):
        raise DomainError(message(letter))
    letter_id = letter.id
    letter.signing_by_id = actor.id
    letter.signing_since = clock.now()
    concurrency.flush_versioned(lambda: _lost(letter_id), DomainError)
    return letter.version


def clear(letter: Letter) -> None:
    """No one is signing ``letter`` any more (on release; on issue and cancel
    ``Letter.leave_pending`` clears it)."""
    letter.signing_by_id = None
    letter.signing_since = None


def release(letter_id: int, *, version: int) -> None:
    """Release the claim that left ``letter_id`` at ``version`` (flushed), after a failed
    signing; a letter changed since (issued, returned, claimed anew) is left as it is."""
    letter = db.session.get(Letter, letter_id)
    if letter is None or letter.version != version or letter.signing_since is None:
        return
    clear(letter)
    try:
        db.session.flush()
    except StaleDataError:  # changed meanwhile: not ours to clear any more
        db.session.rollback()


def live_claims(pending: list[Letter]) -> dict[int, Claim]:
    """The live claims among ``pending`` (the desk's letters), by letter id; a query only
    when one is live."""
    now = clock.now()
    live = [letter for letter in pending if is_live(letter, now)]
    names = _names({letter.signing_by_id for letter in live} - {None})
    return {
        letter.id: Claim(names.get(letter.signing_by_id, SOMEONE), letter.signing_since)
        for letter in live
    }
