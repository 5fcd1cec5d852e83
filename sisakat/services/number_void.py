"""Voiding a letter number: it stays in the register with its reason and is never given again;
the workflow's guards (``VOID_GUARDS``) keep a number tied to an issued letter from being voided."""

from __future__ import annotations

from collections.abc import Callable

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import LetterNumber, NumberStatus, User, utcnow
from sisakat.services import audit

# Hooks the workflow adds at integration: each returns an Indonesian reason why a number may not
# be voided (e.g. it is tied to an issued letter), or None.
VOID_GUARDS: list[Callable[[list[LetterNumber]], dict[int, str]]] = []


def void_block_reasons(numbers: list[LetterNumber]) -> dict[int, str]:
    """Why each of ``numbers`` may not be voided (id -> reason; an id left out may be): one
    query per guard however many numbers the register lists."""
    blocked = {
        n.id: "Nomor ini sudah dibatalkan." for n in numbers if n.status == NumberStatus.DIBATALKAN
    }
    for guard in VOID_GUARDS:
        rest = [n for n in numbers if n.id not in blocked]
        if not rest:
            break
        blocked.update(guard(rest))
    return blocked


def void_block_reason(number: LetterNumber) -> str | None:
    """Why ``number`` may not be voided, or None when it may."""
    return void_block_reasons([number]).get(number.id)


def void(number: LetterNumber, *, reason: str, actor: User | None) -> LetterNumber:
    """Void a number: it stays in the register with the reason and is never given again."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("Alasan pembatalan wajib diisi.")
    blocked = void_block_reason(number)
    if blocked:
        raise DomainError(blocked)
    number.status = NumberStatus.DIBATALKAN
    number.void_reason = reason[:500]
    number.voided_by_id = actor.id if actor else None
    number.voided_at = utcnow()
    audit.record(
        "number.void",
        actor=actor,
        object_type="letter_number",
        object_id=number.id,
        details={"number": number.number_text, "reason": number.void_reason},
    )
    db.session.flush()
    return number
