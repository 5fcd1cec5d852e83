"""Kembalikan ke Verifikator: from the signing desk, a letter awaiting signature with a mistake
goes back to the verifier who claimed its application; the letter is cancelled, its number
voided (services/letter_return.py)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from sisakat.extensions import db
from sisakat.models import PENDING_STATUSES, Letter, LetterStatus
from sisakat.policies import role_required
from sisakat.routing import flash_domain_errors
from sisakat.services import letter_claim, letter_return
from sisakat.signing.forms import ReturnLetterForm
from sisakat.signing.routes import SIGNERS, bp, load_letter


def _page(letter: Letter, form: ReturnLetterForm, *, refused: bool = False):
    """The letter, who gets it back, and the reason form (with what was typed); while a head
    signs the letter in the app, who and since when, the submit disabled (``refused``: the
    refusal's flash already says so)."""
    if form.version.data in (None, ""):
        form.version.data = str(letter.application.version)
    pending = letter.status in PENDING_STATUSES
    return render_template(
        "signing/return.html",
        letter=letter,
        application=letter.application,
        verifier=letter.application.claimed_by,
        pending=pending,
        signing=letter_claim.live_message(letter) if pending else "",
        refused=refused,
        under_review=letter.status == LetterStatus.PERLU_TINJAUAN,
        cancelled=letter.status == LetterStatus.DIBATALKAN,
        form=form,
    )


@bp.route("/surat/<int:letter_id>/kembalikan", methods=["GET", "POST"])
@role_required(*SIGNERS)
def return_letter(letter_id: int):
    """The reason form (GET); on POST the application goes back to its verifier."""
    letter = load_letter(letter_id)
    form = ReturnLetterForm()
    if not form.validate_on_submit():
        return _page(letter, form)
    with flash_domain_errors(typed_kept=True) as outcome:
        changed = letter_return.return_to_verifier(
            letter, actor=current_user, seen_version=form.seen_version(), reason=form.reason.data
        )
        db.session.commit()
        if changed:
            flash("Surat dibatalkan dan permohonan dikembalikan ke verifikator.", "success")
        else:
            flash("Surat ini sudah dikembalikan ke verifikator.", "info")
    if not outcome.ok:
        return _page(load_letter(letter_id), form, refused=True)  # the reason typed is kept
    return redirect(url_for(".queue"))
