"""Letters of every service once drawn up: their frozen inputs and the renderer's context, the
desk copies, and issue once a signed file is durably stored (SIGNING.md §1). Drawing a letter up
at approval lives in ``letter_preparation``, signing paths in ``letter_signing``, download names
and the applicant's access in ``letter_download``.

``finish_issue`` runs inside the transaction that stores the signed file's row. A letter sent
back from the signing desk is cancelled by ``letter_return`` (``Dibatalkan``): nothing is ever
signed or issued from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from flask import current_app

from sisakat.config import public_base_url as configured_base_url
from sisakat.exceptions import GuardFailed, NumberConflict
from sisakat.extensions import db
from sisakat.formatting import tanggal
from sisakat.models import (
    ISSUED_STATUSES,
    PENDING_STATUSES,
    Action,
    FileKind,
    Letter,
    LetterNumber,
    LetterStatus,
    NumberStatus,
    SigningMethod,
    StoredFile,
    User,
    utcnow,
)
from sisakat.pdf.context import LetterContext
from sisakat.pdf.konsep_docx import render_konsep_docx
from sisakat.pdf.skt import render_skt
from sisakat.services import (
    audit,
    catalog,
    letter_return,
    number_void,
    numbering,
    settings,
    storage,
    workflow,
    workflow_guards,
)
from sisakat.services.letter_context import build_context

PENDING = PENDING_STATUSES
NOT_PENDING = "Surat ini sudah tidak menunggu tanda tangan."
CANCELLED = (
    "Surat ini sudah dikembalikan ke verifikator dan dibatalkan, sehingga tidak dapat "
    "ditandatangani atau diterbitkan. Surat baru dibuat setelah permohonan disetujui ulang."
)

# Hooks run at the end of ``finish_issue`` (inside its transaction): fn(letter, actor).
ON_ISSUED: list[Callable[[Letter, User], None]] = []


def public_base_url() -> str:
    """The configured public address (never the request's Host header)."""
    return configured_base_url(current_app.config)


def verification_url(token: str) -> str:
    """What the QR encodes."""
    return f"{public_base_url()}/verifikasi/{token}"


def parse_date(text: str | None) -> date | None:
    """A date from the ISO text frozen in a letter's inputs (None when absent or malformed)."""
    try:
        return date.fromisoformat(str(text or "")[:10])
    except ValueError:
        return None


def profile_from_snapshot(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The ``build_context`` profile from the submission snapshot (dates parsed back)."""
    profile = dict(snapshot)
    profile["sk_date"] = parse_date(snapshot.get("sk_date"))
    profile["officers"] = list(snapshot.get("officers") or [])
    return profile


def _emblem(file_id: int | None) -> bytes | None:
    row = db.session.get(StoredFile, file_id) if file_id else None
    try:
        return storage.read_bytes(row) if row else None
    except OSError:
        return None


def context_of(
    inputs: dict,
    *,
    token: str = "",
    draft: bool = False,
    srikandi: bool | None = None,
    wet_signature: bool = False,
) -> LetterContext:
    """The renderer's context from frozen inputs (a draft has no number and no QR)."""
    return build_context(
        profile=profile_from_snapshot(inputs["profile"]),
        settings=inputs["settings"],
        number_text="" if draft else inputs["number_text"],
        issued_on=date.fromisoformat(inputs["issued_on"]),
        verification_url="" if draft else verification_url(token),
        code="" if draft else token,
        draft=draft,
        srikandi=inputs["srikandi"] if srikandi is None else srikandi,
        emblem_png=_emblem(inputs.get("emblem_file_id")),
        wet_signature=wet_signature,
        signature_tag=str(inputs.get("bsre_tag") or ""),
    )


def wet_signature_pdf(letter: Letter) -> bytes:
    """The letter to print and sign by hand (scans allowed): the stored letter's number, QR and
    wording, without the footer that says it is signed electronically with BSrE."""
    if not settings.get("signing.allow_scan"):
        raise GuardFailed("Tanda tangan basah tidak diizinkan di pengaturan TTE.")
    require_pending(letter)
    return render_skt(context_of(inputs_of(letter), token=letter.token, wet_signature=True))


def require_pending(letter: Letter) -> None:
    """Only a letter still waiting for its signature (or its manual review), its board's term
    not over, goes on; ``GuardFailed`` says why not, a cancelled letter in its own words."""
    if letter.status == LetterStatus.DIBATALKAN:
        raise GuardFailed(CANCELLED)
    if letter.status not in PENDING:  # e.g. issued by another signer meanwhile: who and when
        changed = workflow.changed_by(letter.application)
        raise GuardFailed(f"{NOT_PENDING[:-1]} (kini {letter.status.label}; diubah {changed}).")
    if ended := workflow_guards.letter_term_over(letter):  # it would be expired at issue
        raise GuardFailed(ended)


def inputs_of(letter: Letter) -> dict:
    """The letter's frozen inputs."""
    return json.loads(letter.context_json or "{}")


def frozen_title(inputs: dict) -> str:
    """The letter title frozen in a letter's inputs (``inputs_of``), spaces normalised; "" for
    a letter frozen before titles were."""
    group = (inputs.get("settings") or {}).get("letter") or {}
    return " ".join(str(group.get("title") or "").split())


def konsep_docx(letter: Letter) -> bytes:
    """The SRIKANDI konsep as .docx from the frozen context."""
    return render_konsep_docx(context_of(inputs_of(letter), token=letter.token))


def party_name(letter: Letter) -> str:
    """The party name as frozen in the letter (what tier B looks for)."""
    return str(inputs_of(letter).get("profile", {}).get("party_name") or "")


def _block_used_void(numbers: list[LetterNumber]) -> dict[int, str]:
    """VOID_GUARDS: a number printed on a letter that is issued, or drawn on one awaiting its
    signature (which would otherwise be issued under a number the register calls void),
    stays; an issued letter's reason wins over a pending one's."""
    query = db.select(Letter.number_id, Letter.status).where(
        Letter.number_id.in_([number.id for number in numbers]),
        Letter.status.in_((*ISSUED_STATUSES, *PENDING)),
    )
    reasons: dict[int, str] = {}
    for number_id, status in db.session.execute(query):
        if status in ISSUED_STATUSES:
            reasons[number_id] = (
                "Nomor ini dipakai surat yang sudah terbit dan tidak dapat dibatalkan."
            )
        else:
            reasons.setdefault(
                number_id,
                "Nomor ini dipakai surat yang sedang menunggu tanda tangan dan tidak dapat "
                "dibatalkan.",
            )
    return reasons


def finish_issue(
    letter: Letter,
    *,
    signed_bytes_row: StoredFile,
    method: SigningMethod,
    report: dict | None,
    match_tier: str | None,
    signer_name: str,
    signer_position: str,
    actor: User,
    number_text: str | None = None,
    letter_date: date | None = None,
) -> Letter:
    """Issue: the number (SRIKANDI), the letter fields, Terbit, notifications, audit (flushes)."""
    require_pending(letter)
    if letter.number is not None and letter.number.status == NumberStatus.DIBATALKAN:
        raise GuardFailed("Nomor surat ini sudah dibatalkan di register; surat tidak diterbitkan.")
    if letter.number_id is None:
        _register_srikandi_number(letter, number_text, letter_date, actor)
    _set_signed(letter, signed_bytes_row, method, report, match_tier)
    letter.signer_name, letter.signer_position = signer_name[:200], signer_position[:200]
    # A return to the verifier (or another signing) that committed since this letter was read
    # makes the versioned UPDATE match no row: refused as stale, nothing issued.
    workflow.flush_or_stale(letter.application)
    application = letter.application
    workflow.apply(application, Action.TERBITKAN, actor=actor, seen_version=application.version)
    audit.record(
        "letter.issue",
        actor=actor,
        object_type="letter",
        object_id=letter.id,
        details={
            "method": method.value,
            "tier": match_tier or "",
            "sha256": signed_bytes_row.sha256,
        },
    )
    for hook in ON_ISSUED:
        hook(letter, actor)
    return letter


def _set_signed(letter, row: StoredFile, method, report, match_tier) -> None:
    """The signed file (a confirmed candidate becomes the letter's file) and its report."""
    row.kind = FileKind.LETTER_SIGNED
    letter.signed_file_id, letter.candidate_file_id = row.id, None
    letter.signing_method, letter.match_tier = method, match_tier
    letter.validation_report = json.dumps(report, ensure_ascii=False) if report else None
    letter.issued_at = utcnow()
    letter.signed_at = _signing_time(report) or letter.issued_at
    letter.leave_pending(LetterStatus.BERLAKU)  # no claim left, even an expired one


def _signing_time(report: dict | None) -> datetime | None:
    """The signer-reported time from the validation report, as naive UTC."""
    try:
        moment = datetime.fromisoformat(str((report or {}).get("signing_time") or ""))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def check_srikandi_date(letter: Letter, letter_date: date) -> None:
    """SRIKANDI dates a letter when it is signed: not before the letter was drawn up at approval
    and not after today, both in the office time zone (``GuardFailed`` otherwise)."""
    latest = numbering.office_today()
    drawn = parse_date(inputs_of(letter).get("issued_on")) or numbering.office_date(
        letter.created_at or utcnow(), settings.utc_offset_hours()
    )
    earliest = min(drawn, latest)  # a clock set back must not leave no valid date at all
    if not earliest <= letter_date <= latest:
        raise GuardFailed(
            f"Tanggal surat harus antara {tanggal(earliest)} (surat disetujui) dan "
            f"{tanggal(latest)} (hari ini). Periksa tanggal dari SRIKANDI.",
            field="letter_date",
        )


def _register_srikandi_number(letter, number_text, letter_date, actor) -> None:
    """SRIKANDI gave the number and date: register them (unique) on the letter."""
    if not number_text or letter_date is None:
        raise GuardFailed("Nomor dan tanggal surat dari SRIKANDI wajib diisi.")
    check_srikandi_date(letter, letter_date)
    try:
        number = numbering.register_external(
            catalog.require(letter.application.service_code).number_series,
            number_text,
            local_date=letter_date,
            actor=actor,
            subject_type="application",
            subject_id=letter.application_id,
        )
    except NumberConflict as exc:
        raise NumberConflict(exc.message + " Periksa kembali nomor dari SRIKANDI.") from None
    letter.number_id, letter.number_text, letter.letter_date = (
        number.id,
        number.number_text,
        letter_date,
    )


def _register_hooks() -> None:
    """Once per process: the return hook and the void guard."""
    if letter_return.cancel_pending not in workflow.ON_RETURNED_FROM_SIGNING:
        workflow.ON_RETURNED_FROM_SIGNING.append(letter_return.cancel_pending)
    if _block_used_void not in number_void.VOID_GUARDS:
        number_void.VOID_GUARDS.append(_block_used_void)


_register_hooks()
