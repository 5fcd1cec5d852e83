"""In-app signing (PAdES with the institution PKCS#12, or BSrE): one letter or a batch.

The passphrase lives only in this request's memory: never stored, logged or echoed back.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from sisakat.extensions import db
from sisakat.policies import role_required
from sisakat.routing import flash_domain_errors
from sisakat.services import letter_inapp
from sisakat.signing.forms import SignForm
from sisakat.signing.routes import SIGNERS, bp, load_letter


def _run(letter_ids: list[int], form: SignForm):
    """Sign, commit, and show the summary (or the error without the passphrase)."""
    results = []
    with flash_domain_errors():
        results = letter_inapp.sign_batch(
            letter_ids,
            form.passphrase.data or None,
            actor=current_user,
            end_transaction=db.session.commit,
        )
        db.session.commit()
    form.passphrase.data = ""
    if not results:
        return redirect(url_for(".queue"))
    return render_template("signing/summary.html", results=results)


@bp.post("/surat/<int:letter_id>/tandatangani")
@role_required(*SIGNERS)
def sign_letter(letter_id: int):
    """Sign one letter in the app with the configured backend, validate it, issue it."""
    load_letter(letter_id)
    form = SignForm()
    if not form.validate_on_submit():
        flash("Passphrase tidak valid.", "danger")
        return redirect(url_for(".queue"))
    return _run([letter_id], form)


@bp.post("/tandatangani")
@role_required(*SIGNERS)
def sign_batch():
    """Sign the selected letters, each in its own transaction; passphrase typed once."""
    form = SignForm()
    if not form.validate_on_submit() or not form.letter_ids.data:
        flash("Pilih minimal satu surat untuk ditandatangani.", "danger")
        return redirect(url_for(".queue"))
    return _run(list(dict.fromkeys(form.letter_ids.data))[:50], form)
