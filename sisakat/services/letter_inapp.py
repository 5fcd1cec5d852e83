"""Paths B and C (SIGNING.md §8-§9): signing inside SISAKAT with the institution PKCS#12 (PAdES)
or through the BSrE Esign Client Service, one letter or a batch.

No DB transaction spans ``sign()``: the caller passes ``end_transaction`` (the route's commit),
which is called before each signing call; afterwards the letter is reloaded and its version
re-checked. Every signature is validated with ``assess()`` before the letter is issued. The
passphrase is an argument only: never stored, logged, audited or put into a message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from flask import current_app

from sisakat.exceptions import DomainError, SigningFailed
from sisakat.extensions import db
from sisakat.models import FileKind, Letter, LetterStatus, SigningMethod, User
from sisakat.pdf.context import printable
from sisakat.services import (
    audit,
    clock,
    concurrency,
    letter_claim,
    letters,
    settings,
    storage,
    workflow_guards,
)
from sisakat.services.signing import placement
from sisakat.services.signing import report as report_service
from sisakat.services.signing import trust as trust_service
from sisakat.services.signing.bsre import BsreClient, BsreConfig
from sisakat.services.signing.pades import PadesBackend, SignJob

BACKENDS = ("srikandi", "pades", "bsre")
METHODS = {"pades": SigningMethod.PADES, "bsre": SigningMethod.BSRE}


@dataclass(frozen=True)
class Ticket:
    """What one signing call needs, taken before the transaction ends."""

    letter_id: int
    version: int
    unsigned: bytes
    job: SignJob


@dataclass(frozen=True)
class Outcome:
    """One letter's result in a batch."""

    letter_id: int
    label: str
    ok: bool
    message: str


def backend_name() -> str:
    """The configured signing path: srikandi (upload-back only), pades or bsre."""
    name = str(settings.get("signing.backend") or "srikandi")
    return name if name in BACKENDS else "srikandi"


# A letter drawn while SRIKANDI numbers has no number to sign here (``ticket`` refuses it).
UNNUMBERED = "Belum bernomor: tandatangani di SRIKANDI lalu unggah kembali."


def desk_offers(pending: list[Letter]) -> dict[int, str]:
    """What the signing desk offers in-app, by letter id: "" for a letter it may sign here
    (an in-app backend chosen, waiting for its signature, numbered by SISAKAT, even one drawn
    before the office switched numbering to SRIKANDI; its term not over), ``UNNUMBERED`` for
    one without a number. Letters absent are offered nothing in-app."""
    if backend_name() == "srikandi":
        return {}
    return {
        letter.id: "" if letter.number_id is not None else UNNUMBERED
        for letter in pending
        if letter.status == LetterStatus.MENUNGGU_TTE
        and not workflow_guards.letter_term_over(letter)
    }


SETTINGS_PAGE = ("signing.backend", "signing.allow_scan")
# Shown on the signing summary, which lists results, not the letter: the desk shows it now.
CHANGED_WHILE_SIGNING = (
    "Surat sudah diubah oleh pengguna lain selama penandatanganan dan belum terbit. "
    "Buka antrean TTE untuk melihat keadaannya sekarang."
)


def save_signing_settings(backend: str, allow_scan: bool, *, actor: User, seen: str | None):
    """Store the signing path and whether scans are accepted (audited). ``seen``: the page's
    digest; a page another admin saved since is refused (``StaleRecord``), so a save from it
    cannot switch the other admin's choice back unseen."""
    concurrency.check_settings(seen, SETTINGS_PAGE)
    return settings.update(
        {"signing.backend": backend, "signing.allow_scan": allow_scan}, actor=actor
    )


def bsre_marker() -> str:
    """The marker BSrE places the visible signature by (``BSRE_TAG_KOORDINAT``, SIGNING.md
    §9) while the office signs through BSrE; "" places it by coordinates. A letter drawn now
    prints it (``letter_preparation.frozen_inputs``)."""
    if backend_name() != "bsre":
        return ""
    return printable(str(current_app.config.get("BSRE_TAG_KOORDINAT") or "")).strip()


def _tag_of(letter: Letter, name: str, unsigned: bytes) -> str:
    """The marker to send for this letter: the one it prints (frozen when it was drawn), while
    the configuration still places by marker. A letter drawn before has none, and a marker its
    text also holds elsewhere ("#" in a party's name) could put the signature there: both are
    placed by coordinates."""
    if name != "bsre" or not bsre_marker():
        return ""
    tag = str(letters.inputs_of(letter).get("bsre_tag") or "")
    return tag if tag and placement.occurrences(unsigned, tag) == 1 else ""


def make_backend(name: str):
    """The in-app backend object (``sign(unsigned, job, secret)``)."""
    if name == "pades":
        return PadesBackend.from_config(current_app.config)
    if name == "bsre":
        return BsreClient(BsreConfig.from_config(current_app.config))
    raise SigningFailed("Penandatanganan dalam aplikasi tidak diaktifkan; gunakan unggah kembali.")


def ticket(letter: Letter, *, actor: User, name: str) -> Ticket:
    """Read what to sign; refuses letters not waiting or not yet numbered."""
    letters.require_pending(letter)
    if letter.status != LetterStatus.MENUNGGU_TTE:  # an upload waits for the manual review
        raise DomainError(letters.NOT_PENDING)
    if letter.number_id is None:
        raise DomainError("Surat belum bernomor (penomoran SRIKANDI); gunakan unggah kembali.")
    unsigned = storage.read_bytes(letter.unsigned_file)
    drawn = letters.context_of(letters.inputs_of(letter), draft=True)
    place = placement.signature_place(unsigned, drawn.signature_name)
    job = SignJob(
        reason=f"Penerbitan {drawn.title.title()}",  # the service's own letter, e.g. Melapor
        location=drawn.place,  # the city the letter is dated in, as frozen at approval
        qr_url=letters.verification_url(letter.token),
        nik=(actor.nik or "") if name == "bsre" else "",
        stamp_time=settings.office_time(clock.now()),
        tag=_tag_of(letter, name, unsigned),
        **({"page": place.page, "box": place.box} if place else {}),
    )
    return Ticket(letter.id, letter.version, unsigned, job)


def accept_signed(t: Ticket, signed: bytes, *, method: SigningMethod, actor: User) -> Letter:
    """Validate the signed bytes, store them, issue (in the caller's new transaction)."""
    letter = db.session.get(Letter, t.letter_id)
    if letter is not None and letter.status not in letters.PENDING:
        # Returned to the verifier, or issued by another signer, while being signed: say which
        # (and who), never "not issued yet" about a letter another signer has just issued.
        letters.require_pending(letter)
    if letter is None or letter.version != t.version:
        raise DomainError(CHANGED_WHILE_SIGNING)
    assessment = report_service.assess(
        signed,
        trust_service.load_trust_config(),
        unsigned=t.unsigned,
        code=letter.token,
        number_text=letter.number_text or "",
        party_name=letters.party_name(letter),
    )
    if assessment.match.tier is None:
        raise SigningFailed("Berkas bertanda tangan tidak cocok dengan surat ini.")
    row = storage.save_bytes(
        signed,
        kind=FileKind.LETTER_SIGNED,
        content_type="application/pdf",
        display_name=f"skt-{letter.id}.pdf",
        uploaded_by=actor,
    )
    entry = assessment.verdict.entry
    letters.finish_issue(  # which clears the claim (``Letter.leave_pending``)
        letter,
        signed_bytes_row=row,
        method=method,
        report=assessment.report.to_dict(),
        match_tier=assessment.match.tier,
        signer_name=entry.display_name if entry else assessment.report.signer_common_name,
        signer_position=entry.position if entry else actor.position,
        actor=actor,
    )
    return letter


def _label(letter: Letter) -> str:
    return f"{letters.party_name(letter)} ({letter.number_text or 'tanpa nomor'})"


def sign_batch(
    letter_ids: list[int], secret: str | None, *, actor: User, end_transaction: Callable[[], None]
) -> list[Outcome]:
    """Sign each letter in its own transaction; a backend failure (wrong passphrase, service
    down) stops the batch so a locked BSrE account never follows from one typo."""
    name = backend_name()
    backend = make_backend(name)
    if name == "bsre":
        end_transaction()
        backend.ensure_can_sign(actor.nik or "")
    results: list[Outcome] = []
    for letter_id in letter_ids:
        letter = db.session.get(Letter, letter_id)
        if letter is None:
            continue
        outcome, stop = _sign_one(letter, (name, backend), secret, actor=actor, end=end_transaction)
        results.append(outcome)
        if stop:
            break
    return results


def _claimed_ticket(letter: Letter, name: str, *, actor: User, end: Callable[[], None]) -> Ticket:
    """The ticket of ``letter``, claimed for ``actor`` and committed (``letter_claim``): it
    carries the version after the claim, which ``accept_signed`` checks."""
    t = ticket(letter, actor=actor, name=name)
    t = replace(t, version=letter_claim.claim(letter, actor=actor))
    end()
    return t


def _sign_one(letter: Letter, path, secret, *, actor: User, end) -> tuple[Outcome, bool]:
    """Claim, sign outside any transaction, issue; (the outcome, whether to stop the batch).
    ``path``: the backend's name and object. A failure after the claim releases it in its own
    short transaction."""
    (name, backend), letter_id, label = path, letter.id, _label(letter)
    try:
        t = _claimed_ticket(letter, name, actor=actor, end=end)
    except DomainError as exc:
        db.session.rollback()
        if isinstance(exc, SigningFailed):
            _audit_failure(letter_id, actor, exc.message)
        return Outcome(letter_id, label, False, exc.message), isinstance(exc, SigningFailed)
    signing = True
    try:
        signed = backend.sign(t.unsigned, t.job, secret)
        signing = False
        accept_signed(t, signed, method=METHODS[name], actor=actor)
        end()
        return Outcome(letter_id, label, True, "Terbit"), False
    except DomainError as exc:
        _release(t, end)
        stop = signing and isinstance(exc, SigningFailed)
        if stop or not signing:
            _audit_failure(letter_id, actor, exc.message)
            end()
        return Outcome(letter_id, label, False, exc.message), stop
    except Exception:
        _release(t, end)
        raise


def _release(t: Ticket, end: Callable[[], None]) -> None:
    """Undo what failed, then release the claim in its own short transaction."""
    db.session.rollback()
    letter_claim.release(t.letter_id, version=t.version)
    end()


def _audit_failure(letter_id: int, actor: User, message: str) -> None:
    """A failed signing attempt, recorded in its own short transaction (no secret in it)."""
    audit.record(
        "letter.sign_failed",
        actor=actor,
        object_type="letter",
        object_id=letter_id,
        outcome="failed",
        details={"reason": message},
    )
