"""Manual review of an uploaded signed PDF that did not match its letter automatically.

Text extraction is heuristic, so a miss never decides by itself: the super admin compares both
letters' text (signed revision only) and decides with a reason, audited.
"""

from __future__ import annotations

import difflib
import io
import json
from dataclasses import dataclass
from datetime import date

from pypdf import PdfReader

from sisakat.exceptions import DomainError, GuardFailed
from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, SigningMethod, User
from sisakat.services import audit, letters, number_format, srikandi_number, storage
from sisakat.services.signing import trust as trust_service
from sisakat.services.signing.validation import check, signed_revision_text


@dataclass(frozen=True)
class Comparison:
    """Both texts and their line diff."""

    unsigned_text: str
    signed_text: str
    diff: list[tuple[str, str]]  # (kind " ", "+", "-", line)


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def compare(letter: Letter) -> Comparison:
    """The unsigned letter's text beside the candidate's signed revision, with a diff."""
    if letter.status != LetterStatus.PERLU_TINJAUAN or letter.candidate_file is None:
        raise GuardFailed("Tidak ada unggahan yang menunggu tinjauan untuk surat ini.")
    unsigned = _pdf_text(storage.read_bytes(letter.unsigned_file))
    data = storage.read_bytes(letter.candidate_file)
    byte_range = _byte_range(letter)
    signed = signed_revision_text(data, byte_range) if byte_range else _pdf_text(data)
    diff = []
    for line in difflib.ndiff(_lines(unsigned), _lines(signed)):
        if line[:1] in (" ", "+", "-"):
            diff.append((line[:1], line[2:]))
    return Comparison(unsigned, signed, diff)


def _byte_range(letter: Letter) -> list[int] | None:
    data = storage.read_bytes(letter.candidate_file)
    try:
        return check(data, trust_service.load_trust_config()).byte_range
    except DomainError:
        return None


def _reject(letter: Letter) -> None:
    """Back to Menunggu TTE; the rejected upload stays stored (immutable) but unlinked."""
    letter.candidate_file_id = None
    letter.status = LetterStatus.MENUNGGU_TTE
    letter.validation_report = None
    db.session.flush()


def decide(
    letter: Letter,
    *,
    accept: bool,
    reason: str,
    actor: User,
    number: str | None = None,
    letter_date: date | None = None,
) -> None:
    """Accept (issue the candidate) or reject (back to Menunggu TTE) with a reason (audited)."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("Alasan keputusan wajib diisi.")
    if letter.status != LetterStatus.PERLU_TINJAUAN or letter.candidate_file is None:
        raise GuardFailed("Tidak ada unggahan yang menunggu tinjauan untuk surat ini.")
    if accept:  # a term over since approval first: no check of the file can make it issuable
        letters.require_pending(letter)
    row = letter.candidate_file
    audit.record(
        "letter.review_accept" if accept else "letter.review_reject",
        actor=actor,
        object_type="letter",
        object_id=letter.id,
        details={"reason": reason, "sha256": row.sha256},
    )
    if not accept:
        _reject(letter)
        return
    _accept(letter, row, reason, actor, number, letter_date)


def _accept(letter: Letter, row, reason: str, actor: User, number, letter_date) -> None:
    """Issue the reviewed upload; its signature must still validate against today's trust. A
    SRIKANDI number is stored as the signed letter prints it, like the confirm page's."""
    data = storage.read_bytes(row)
    verdict = check(data, trust_service.load_trust_config())
    if letter.number_id is None and number:
        number = number_format.check_typed_number(number)
        number = srikandi_number.as_printed(letter, data, number)
    report = json.loads(letter.validation_report or "{}")
    report["manual_review_reason"] = reason
    entry = verdict.entry
    letters.finish_issue(
        letter,
        signed_bytes_row=row,
        method=SigningMethod.SRIKANDI,
        report=report,
        match_tier="manual",
        signer_name=entry.display_name if entry else report.get("signer_common_name", ""),
        signer_position=entry.position if entry else "",
        actor=actor,
        number_text=number,
        letter_date=letter_date,
    )
