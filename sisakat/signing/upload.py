"""Upload-back (SIGNING.md §7): the signed PDF returns; SRIKANDI number confirmation; manual
review of an upload that did not match its letter."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import Role, SigningMethod
from sisakat.policies import role_required
from sisakat.routing import flash_domain_errors, show_domain_error
from sisakat.services import (
    letter_review,
    letter_signing,
    letters,
    srikandi_number,
    storage,
    workflow_guards,
)
from sisakat.signing.forms import ConfirmNumberForm, ReviewDecisionForm, UploadSignedForm
from sisakat.signing.routes import SIGNERS, bp, load_letter

MESSAGES = {
    "issued": ("Surat bertanda tangan diterima; surat telah terbit.", "success"),
    "scanned": (
        "Pindaian surat bertanda tangan basah diterima; surat telah terbit. Halaman cek "
        "keaslian menyebutnya tanda tangan basah (pindaian).",
        "success",
    ),
    "review": (
        "Berkas bertanda tangan sah, tetapi isinya tidak dapat dicocokkan otomatis "
        "dengan surat ini. Berkas disimpan untuk tinjauan manual oleh super admin.",
        "warning",
    ),
    "waiting": (srikandi_number.IN_REVIEW, "info"),  # a second confirm after "review"
}


def _message(result, letter) -> tuple[str, str]:
    """The flash for an upload's outcome: a scan is named as a scan, a refusal by its reason
    and the letter it was for."""
    if result.outcome == "issued" and result.method == SigningMethod.SCAN:
        return MESSAGES["scanned"]
    return MESSAGES.get(result.outcome, (_about(letter) + result.message, "danger"))


def _about(letter) -> str:
    """Which letter a refusal is about: the desk lists many, and the refused one stays."""
    number = f", nomor {letter.number_text}" if letter.number_text else ""
    return f"Unggahan untuk surat {letter.application.party.board_name}{number} ditolak. "


def _queue():
    return redirect(url_for(".queue"))


@bp.post("/surat/<int:letter_id>/unggah")
@role_required(*SIGNERS)
def upload_signed(letter_id: int):
    """Check the uploaded signed PDF; issue, confirm the SRIKANDI number, or queue a review."""
    letter = load_letter(letter_id)
    form = UploadSignedForm()
    if not form.validate_on_submit():
        flash(_about(letter) + "Pilih berkas PDF bertanda tangan.", "danger")
        return _queue()
    upload = form.file.data
    with flash_domain_errors(_about(letter)):
        result = letter_signing.receive_upload(
            letter,
            upload.stream,
            filename=upload.filename or "skt.pdf",
            actor=current_user,
            scan=bool(form.scan.data),
        )
        db.session.commit()  # the refusal's audit row, or the stored file and its outcome
        if result.outcome == "confirm":
            return _confirm_page(letter, result)
        flash(*_message(result, letter))
    return _queue()


def _confirm_page(letter, result):
    form = ConfirmNumberForm(
        formdata=None,  # drawn from the result, not from the upload's own fields (scan="y")
        candidate_id=str(result.candidate.id),
        scan="1" if result.method.value == "scan" else "",
        number=result.number,
        letter_date=result.letter_date,
    )
    return render_template("signing/confirm.html", letter=letter, form=form, found=result)


@bp.post("/surat/<int:letter_id>/konfirmasi")
@role_required(*SIGNERS)
def confirm_number(letter_id: int):
    """The user confirmed (or corrected) SRIKANDI's number and date: issue."""
    letter = load_letter(letter_id)
    form = ConfirmNumberForm()
    if not form.validate_on_submit() or form.candidate() is None:
        flash("Periksa nomor dan tanggal surat.", "danger")
        return render_template("signing/confirm.html", letter=letter, form=form, found=None)
    try:
        done = letter_signing.confirm_number(
            letter,
            candidate_id=form.candidate(),
            number=form.number.data,
            letter_date=form.letter_date.data,
            scan=form.scan.data == "1",
            actor=current_user,
        )
        db.session.commit()
    except DomainError as exc:
        return _confirm_refused(letter_id, form, exc)
    flash(*MESSAGES[done])
    return _queue()


def _confirm_refused(letter_id: int, form: ConfirmNumberForm, exc: DomainError):
    """The confirm page again with the refusal (beside the number when it is about the number);
    a second click finding this upload settled by the first (issued, or sent to review) goes
    where the first went, with a calm note instead."""
    db.session.rollback()
    letter = load_letter(letter_id)
    if note := srikandi_number.issued_note(letter, form.candidate(), scan=form.scan.data == "1"):
        flash(note, "info")
        return _queue()
    show_domain_error(exc, form)
    return render_template("signing/confirm.html", letter=letter, form=form, found=None)


@bp.get("/surat/<int:letter_id>/tinjau")
@role_required(Role.SUPERADMIN)
def review_candidate(letter_id: int):
    """Both letters' text side by side with a diff, links to each PDF, the decision form (in
    SRIKANDI mode pre-filled with the number and date the upload prints)."""
    letter = load_letter(letter_id)
    found = srikandi_number.printed_number_and_date(letter)
    form = ReviewDecisionForm(
        formdata=None,
        number=(found.number or None) if found else None,
        letter_date=found.letter_date if found else None,
    )
    return _review_page(letter, form)


def _review_page(letter, form: ReviewDecisionForm):
    """The review page with ``form`` as it stands (a refused decision keeps what was typed)."""
    comparison = None
    with flash_domain_errors():
        comparison = letter_review.compare(letter)
    return render_template(
        "signing/review.html",
        letter=letter,
        comparison=comparison,
        form=form,
        party_name=letters.party_name(letter),
        term_soon=workflow_guards.letter_term_soon(letter),
        term_over=workflow_guards.letter_term_over(letter),
    )


@bp.post("/surat/<int:letter_id>/tinjau")
@role_required(Role.SUPERADMIN)
def decide_candidate(letter_id: int):
    """Accept (issue) or reject the unmatched upload, with a required reason."""
    letter = load_letter(letter_id)
    form = ReviewDecisionForm()
    if not form.validate_on_submit():  # the errors beside the fields, what was typed kept
        return _review_page(letter, form)
    with flash_domain_errors() as outcome:
        letter_review.decide(
            letter,
            accept=form.decision.data == "terima",
            reason=form.reason.data,
            actor=current_user,
            number=form.number.data or None,
            letter_date=form.letter_date.data,
        )
        db.session.commit()
        flash("Keputusan tinjauan disimpan.", "success")
    if not outcome.ok and letter.status in letters.PENDING:
        return _review_page(load_letter(letter_id), form)  # the reason typed is kept
    return _queue()


@bp.get("/surat/<int:letter_id>/unggahan.pdf")
@role_required(Role.SUPERADMIN)
def download_candidate(letter_id: int):
    """The uploaded signed PDF awaiting review, byte for byte."""
    letter = load_letter(letter_id)
    if letter.candidate_file is None:
        abort(404)
    return storage.send(letter.candidate_file, as_attachment=False)
