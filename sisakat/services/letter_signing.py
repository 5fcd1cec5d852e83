"""Path A (SIGNING.md §7): a letter signed in SRIKANDI/BSrE (or wet-signed and scanned) comes back
as an upload. Hygiene, signature validation against the office trust roots, the letter match,
then issue (tier A/B), a number confirmation (SRIKANDI numbers, read by ``srikandi_number``) or
manual review (no match). Refusals are audited and returned, not raised, so the route commits
the audit row alone; a race lost at the final write raises ``StaleApplication``, its file removed.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from flask import current_app

from sisakat import config
from sisakat.exceptions import GuardFailed, SignatureRejected, UploadRejected
from sisakat.extensions import db
from sisakat.models import FileKind, Letter, LetterStatus, SigningMethod, StoredFile, User
from sisakat.services import (
    audit,
    letter_claim,
    letter_scan,
    letters,
    number_format,
    pdf_checks,
    settings,
    srikandi_number,
    storage,
    workflow,
)
from sisakat.services.signing import report as report_service
from sisakat.services.signing import trust as trust_service
from sisakat.services.signing import trust_admin
from sisakat.services.signing.validation import signed_revision_text

log = logging.getLogger(__name__)
PDF = "application/pdf"
MAX_LETTER_PAGES = 20

TOKEN_IN_TEXT = re.compile(r"\b[A-Z2-7]{26}\b")
OTHER_LETTER = (
    "Berkas bertanda tangan ini adalah surat untuk permohonan lain (kode verifikasi berbeda). "
    "Unggah surat yang benar."
)
TRUST_NOT_SET = (
    "Kepercayaan tanda tangan elektronik kantor belum lengkap (sertifikat akar BSrE dan "
    "penandatangan berwenang): Super Admin melengkapinya di Administrasi → Kepercayaan tanda "
    "tangan elektronik."
)
SCAN_INSTEAD = (
    " Surat yang ditandatangani basah diunggah sebagai pindaian: centang "
    "“Pindaian tanda tangan basah”."
)
SCAN_OPTION = (
    " Kantor yang belum memakai TTE BSrE dapat mengizinkan pindaian tanda tangan basah di "
    "Administrasi → Cara penandatanganan."
)


@dataclass
class UploadResult:
    """``outcome``: issued | confirm (SRIKANDI number/date) | review (manual) | refused."""

    outcome: str
    message: str = ""
    candidate: StoredFile | None = None
    number: str = ""
    letter_date: date | None = None
    method: SigningMethod = SigningMethod.SRIKANDI


def _refuse(letter: Letter, actor: User, message: str) -> UploadResult:
    audit.record(
        "letter.upload_refused",
        actor=actor,
        object_type="letter",
        object_id=letter.id,
        outcome="refused",
        details={"reason": message},
    )
    return UploadResult("refused", message)


def receive_upload(
    letter: Letter, stream: BinaryIO, *, filename: str, actor: User, scan: bool = False
) -> UploadResult:
    """Check an uploaded signed PDF and issue, ask for confirmation or queue manual review;
    refused before anything is stored while someone signs the letter in the app."""
    letters.require_pending(letter)
    letter_claim.refuse_live(letter)
    if scan and not settings.get("signing.allow_scan"):
        raise GuardFailed("Unggah pindaian tanda tangan basah tidak diaktifkan.")
    max_bytes = config.max_upload_bytes(current_app)
    spooled = None
    try:
        spooled = storage.spool(stream, max_bytes=max_bytes)
        pdf_checks.check_pdf(spooled.path, max_pages=MAX_LETTER_PAGES)
        if scan:
            return _scan(letter, spooled, filename, actor)
        data = spooled.path.read_bytes()
        found = srikandi_number.found_number(letter, data) if letter.number_id is None else None
        assessment = _assess(letter, data, found)
    except (UploadRejected, SignatureRejected) as exc:
        if spooled is not None:
            storage.discard(spooled)
        if isinstance(exc, SignatureRejected):  # the user's input, not a fault: one line
            log.warning("letter %s: signed upload refused (%s)", letter.id, exc.code or "-")
        return _refuse(letter, actor, _refusal_text(exc))
    if assessment.match.tier is None and _other_letter(letter, data, assessment.verdict.byte_range):
        storage.discard(spooled)
        return _refuse(letter, actor, OTHER_LETTER)
    return _keep_and_decide(letter, spooled, filename, assessment, found, actor)


def _refusal_text(exc: UploadRejected | SignatureRejected) -> str:
    """The refusal; for a signature refused while the office's trust list is still missing its
    root or signer, also what to do next (the reason alone blames the signer's certificate)."""
    if not isinstance(exc, SignatureRejected) or not trust_admin.setup_gaps():
        return exc.message
    scans = settings.get("signing.allow_scan")
    return f"{exc.message} {TRUST_NOT_SET}{SCAN_INSTEAD if scans else SCAN_OPTION}"


def _keep_and_decide(letter, spooled, filename, assessment, found, actor) -> UploadResult:
    """Store the file (temp, fsync, rename, then the row) and issue, confirm or review."""
    final = assessment.match.tier is not None and letter.number_id is not None
    kind = FileKind.LETTER_SIGNED if final else FileKind.SIGNED_CANDIDATE
    row = storage.keep(
        spooled, kind=kind, content_type=PDF, display_name=filename, uploaded_by=actor
    )
    if assessment.match.tier is None:
        return _to_review(letter, row, assessment, actor)
    if letter.number_id is None:
        letter.candidate_file_id = row.id
        workflow.flush_or_stale(letter.application)
        return UploadResult(
            "confirm", candidate=row, number=found.number or "", letter_date=found.letter_date
        )
    _issue(letter, row, assessment.report.to_dict(), assessment.match.tier, assessment, actor)
    return UploadResult("issued")


def _other_letter(letter: Letter, data: bytes, byte_range: list[int]) -> Letter | None:
    """Another of our letters, recognised by its verification code in the signed revision."""
    tokens = set(TOKEN_IN_TEXT.findall(signed_revision_text(data, byte_range))) - {letter.token}
    if not tokens:
        return None
    return db.session.execute(db.select(Letter).where(Letter.token.in_(tokens))).scalars().first()


def _assess(letter: Letter, data: bytes, found) -> report_service.Assessment:
    number = letter.number_text or (" ".join((found.number or "").split()) if found else "")
    return report_service.assess(
        data,
        trust_service.load_trust_config(),
        unsigned=storage.read_bytes(letter.unsigned_file),
        code=letter.token,
        number_text=number,
        party_name=letters.party_name(letter),
    )


def _signer(assessment) -> tuple[str, str]:
    entry = assessment.verdict.entry
    if entry is not None:
        return entry.display_name, entry.position
    return assessment.report.signer_common_name, ""


def _issue(letter, row, report, tier, assessment, actor, *, number=None, letter_date=None) -> None:
    name, position = _signer(assessment)
    letters.finish_issue(
        letter,
        signed_bytes_row=row,
        method=SigningMethod.SRIKANDI,
        report=report,
        match_tier=tier,
        signer_name=name,
        signer_position=position,
        actor=actor,
        number_text=number,
        letter_date=letter_date,
    )


def _to_review(letter: Letter, row: StoredFile, assessment, actor: User) -> UploadResult:
    """No automatic match: keep the file as a candidate for the super admin's decision."""
    letter.candidate_file_id = row.id
    letter.status = LetterStatus.PERLU_TINJAUAN
    letter.validation_report = json.dumps(assessment.report.to_dict(), ensure_ascii=False)
    workflow.flush_or_stale(letter.application)
    audit.record(
        "letter.needs_review",
        actor=actor,
        object_type="letter",
        object_id=letter.id,
        details={"sha256": row.sha256, "found": assessment.match.details.get("found", {})},
    )
    return UploadResult("review", candidate=row)


def _scan(letter: Letter, spooled, filename: str, actor: User) -> UploadResult:
    """A wet-signed scan: stored and issued as SCAN, never presented as electronic; an unsigned
    letter from SISAKAT uploaded back by mistake (stored, or drawn for a wet signature or a
    preview) is refused (``letter_scan``), and so is a file
    printing another letter's verification code (its e-signed PDF, a scan with a text layer)
    or carrying a signature the office accepts (the e-signed path is the one for it)."""
    _refuse_as_scan(letter, spooled.sha256, spooled.path.read_bytes())
    kind = FileKind.LETTER_SIGNED if letter.number_id else FileKind.SIGNED_CANDIDATE
    row = storage.keep(
        spooled, kind=kind, content_type=PDF, display_name=filename, uploaded_by=actor
    )
    if letter.number_id is None:
        letter.candidate_file_id = row.id
        workflow.flush_or_stale(letter.application)
        return UploadResult("confirm", candidate=row, method=SigningMethod.SCAN)
    letter_scan.issue_scan(letter, row, actor=actor)
    return UploadResult("issued", method=SigningMethod.SCAN)


def _refuse_as_scan(letter: Letter, sha256: str, data: bytes) -> None:
    """What no wet-signed scan may be (``UploadRejected``): an unsigned letter from SISAKAT,
    another letter (its kept file, or its code in the whole text), one accepted as e-signed."""
    letter_scan.refuse_unsigned_copy(sha256)
    letter_scan.refuse_kept_for_another(letter, sha256)
    letter_scan.refuse_drawn_copy(data)
    if _other_letter(letter, data, [0, len(data), len(data), 0]):  # the whole file's text
        raise UploadRejected(OTHER_LETTER)
    letter_scan.refuse_e_signed(data)


UNDER_REVIEW = (
    "Berkas unggahan surat ini menunggu tinjauan Super Admin, sehingga tidak dapat diterbitkan "
    "sebagai pindaian tanda tangan basah."
)


def _confirm_scan(letter: Letter, row: StoredFile, *, actor: User, number, letter_date) -> str:
    """Issue the candidate as a wet-signed scan: the form's hidden scan mark is the client's
    word, so the upload's rules apply again (scans allowed, not a file under the super admin's
    review, nothing an upload ticked as a scan would be refused for)."""
    if not settings.get("signing.allow_scan"):
        raise GuardFailed("Unggah pindaian tanda tangan basah tidak diaktifkan.")
    if letter.status != LetterStatus.MENUNGGU_TTE:
        raise GuardFailed(UNDER_REVIEW)
    _refuse_as_scan(letter, row.sha256, storage.read_bytes(row))
    letter_scan.issue_scan(letter, row, actor=actor, number=number, letter_date=letter_date)
    return "scanned"


def confirm_number(
    letter: Letter, *, candidate_id: int, number: str, letter_date: date, scan: bool, actor: User
) -> str:
    """The user confirmed SRIKANDI's number and date: re-check the match, then issue. Returns
    "issued", "scanned" (a wet-signed scan), "review", or "waiting" (already under review)."""
    letters.require_pending(letter)
    if srikandi_number.in_review(letter, candidate_id, scan=scan):
        return "waiting"
    row = srikandi_number.candidate(letter, candidate_id)
    number = number_format.check_typed_number(number)  # "abc" is no number, not a review case
    letters.check_srikandi_date(letter, letter_date)  # early: before the signature check
    if scan:
        return _confirm_scan(letter, row, actor=actor, number=number, letter_date=letter_date)
    data = storage.read_bytes(row)
    number = srikandi_number.checked(letter, data, number, letter_date)  # placeholders too
    assessment = report_service.assess(
        data,
        trust_service.load_trust_config(),
        unsigned=storage.read_bytes(letter.unsigned_file),
        code=letter.token,
        number_text=number,
        party_name=letters.party_name(letter),
    )
    if assessment.match.tier is None:
        srikandi_number.refuse_mistyped_number(letter, data, number)
        _to_review(letter, row, assessment, actor)
        return "review"
    _issue(
        letter,
        row,
        assessment.report.to_dict(),
        assessment.match.tier,
        assessment,
        actor,
        number=number,
        letter_date=letter_date,
    )
    return "issued"
