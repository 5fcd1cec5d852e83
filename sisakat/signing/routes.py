"""Signing desk routes: the blueprint, the queue, the unsigned/konsep downloads, the settings."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.forms_common import ActionForm
from sisakat.models import Letter, Role
from sisakat.policies import SIGNING_DESK_ROLES, role_required
from sisakat.routing import commit_or_show
from sisakat.services import (
    concurrency,
    letter_claim,
    letter_download,
    letter_inapp,
    letter_search,
    letter_settings,
    letters,
    readiness,
    settings,
    storage,
    workflow_guards,
)
from sisakat.services.signing import pades
from sisakat.signing.forms import SignForm, SigningSettingsForm, UploadSignedForm

bp = Blueprint("signing", __name__, url_prefix="/tte")
SIGNERS = SIGNING_DESK_ROLES
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def load_letter(letter_id: int) -> Letter:
    """The letter, or 404."""
    letter = db.session.get(Letter, letter_id)
    if letter is None:
        abort(404)
    return letter


@bp.get("/")
@role_required(*SIGNERS)
def queue():
    """Letters awaiting TTE or manual review; batch selection for in-app signing."""
    awaiting = letter_search.awaiting()
    return render_template(
        "signing/queue.html",
        letters=awaiting,
        letter_examples=readiness.letter_examples() if awaiting else [],
        uploads=letter_search.upload_slots(awaiting),
        backend=letter_inapp.backend_name(),
        offers=letter_inapp.desk_offers(awaiting),
        claims=letter_claim.live_claims(awaiting),
        server_passphrase=pades.server_passphrase_set(),
        allow_scan=bool(settings.get("signing.allow_scan")),
        srikandi_numbers=letter_settings.is_srikandi_mode(),
        sign_form=SignForm(),
        upload_form=UploadSignedForm(),
        party_name=letters.party_name,
        term_over=workflow_guards.letter_term_over,
        term_soon=workflow_guards.letter_term_soon,
    )


@bp.get("/surat/<int:letter_id>/pdf")
@role_required(*SIGNERS)
def download_unsigned(letter_id: int):
    """The unsigned PDF exactly as stored (to sign in SRIKANDI)."""
    letter = load_letter(letter_id)
    if letter.unsigned_file is None:
        abort(404)
    name = letter_download.working_name(letter, "konsep", "pdf")
    return storage.send(letter.unsigned_file, download_name=name)


@bp.get("/surat/<int:letter_id>/ttd-basah.pdf")
@role_required(*SIGNERS)
def download_wet_copy(letter_id: int):
    """The letter to print for a wet signature (when the office allows scans): no e-signature
    footer. Drawn from the frozen context each time; nothing is stored."""
    letter = load_letter(letter_id)
    try:
        data = letters.wet_signature_pdf(letter)
    except GuardFailed:
        abort(404)
    name = letter_download.working_name(letter, "ttd-basah", "pdf")
    return storage.send_drawn(data, mimetype="application/pdf", name=name)


@bp.get("/surat/<int:letter_id>/konsep.docx")
@role_required(*SIGNERS)
def download_konsep(letter_id: int):
    """The konsep as Word (.docx) from the frozen context, for SRIKANDI's Word templates."""
    letter = load_letter(letter_id)
    name = letter_download.working_name(letter, "konsep", "docx")
    return storage.send_drawn(letters.konsep_docx(letter), mimetype=DOCX, name=name)


@bp.route("/pengaturan", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def signing_settings():
    """Choose the signing path (srikandi | pades | bsre) and whether scans are accepted."""
    form = SigningSettingsForm(
        data={
            "backend": letter_inapp.backend_name(),
            "allow_scan": settings.get("signing.allow_scan"),
        }
    )
    if request.method == "GET":
        form.seen.data = concurrency.settings_token(letter_inapp.SETTINGS_PAGE)
    if form.validate_on_submit() and commit_or_show(
        form,
        lambda: letter_inapp.save_signing_settings(
            form.backend.data,
            bool(form.allow_scan.data),
            actor=current_user,
            seen=form.seen_digest(),
        ),
        lambda: concurrency.settings_token(letter_inapp.SETTINGS_PAGE),
    ):
        flash("Pengaturan penandatanganan tersimpan.", "success")
        return redirect(url_for(".signing_settings"))
    return render_template("signing/settings.html", form=form, action_form=ActionForm())
