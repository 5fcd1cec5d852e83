"""Applicant profile screens (biodata partai / ormas): the form of the account's kind, and the
logo served to owner and staff."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from sisakat.exceptions import DomainError, NotStored, UploadRejected
from sisakat.extensions import db
from sisakat.forms_common import say_not_kept
from sisakat.models import ApplicantKind, ApplicationStatus, Party, Role
from sisakat.policies import can_view_party, role_required
from sisakat.routing import message_for
from sisakat.services import applications, parties, storage, uploads
from sisakat.submission.forms import ApplicantProfileForm, profile_form_class
from sisakat.submission.routes import bp

# ``profile_problems(party)`` for the dashboard card: a pure check over loaded rows (a template
# global: a constant function needs no context processor call on every page).
bp.add_app_template_global(parties.profile_problems, "profile_problems")


NOT_SAVED = "Profil belum tersimpan."
# Refusals saying themselves that the input was not stored (and is kept): NOT_SAVED not added.
SAY_NOT_SAVED = (parties.StaleProfile, NotStored)
LOGO_NOT_KEPT = "Logo belum tersimpan. Pilih berkas logo lagi setelah isian lain diperbaiki."

TEMPLATES = {
    ApplicantKind.PARPOL: "submission/profile.html",
    ApplicantKind.ORMAS: "submission/ormas_profile.html",
}


def _render(form: ApplicantProfileForm):
    """The profile page with the form as it stands (posted input kept on errors). The stored
    profile's gaps are listed only above the stored values: after a refused save they would
    name as empty the fields just typed, and push the marked fields off a phone's screen."""
    party = current_user.party
    return render_template(
        TEMPLATES[form.KIND],
        form=form,
        party=party,
        problems=[] if form.is_submitted() else parties.profile_problems(party),
        max_rows=parties.MAX_OFFICERS,
    )


def _saved(party) -> str:
    """Saved, and what comes next: apply once the profile is complete, go on with a Draf or a
    returned application, or know that one being processed keeps its submitted profile."""
    message = f"Profil {parties.noun(party)} tersimpan."
    under_way = applications.open_application(party)
    if under_way is not None and under_way.status not in uploads.UPLOADABLE:
        return (
            f"{message} Permohonan #{under_way.id} yang sedang diproses tetap memakai profil saat "
            "diajukan; perubahan ini dipakai pada pengajuan berikutnya."
        )
    if parties.profile_problems(party):
        return message
    if under_way is None:
        return (
            f"{message} Profil sudah lengkap: pilih layanan di menu Permohonan, lalu tekan Ajukan."
        )
    button = "Ajukan Ulang" if under_way.status == ApplicationStatus.PERLU_PERBAIKAN else "Ajukan"
    return (
        f"{message} Profil sudah lengkap: lanjutkan Permohonan #{under_way.id} (menu "
        f"Permohonan), lalu tekan {button}."
    )


def _save(form: ApplicantProfileForm) -> bool:
    """One service call; on a DomainError roll back, show the message and keep the input."""
    logo = form.logo_upload()
    try:
        parties.save_profile(
            current_user,
            form.profile_values(),
            form.officer_rows(),
            actor=current_user,
            seen_version=form.seen_version(),
            logo=logo.stream if logo else None,
            logo_name=logo.filename if logo else "",
        )
        db.session.commit()
    except DomainError as exc:
        db.session.rollback()
        if isinstance(exc, UploadRejected):
            form.new_logo.errors = [exc.message]
        elif exc.field in form:  # e.g. a level this office does not register
            form[exc.field].errors = [exc.message]
        elif isinstance(exc, parties.StaleProfile) and current_user.party is not None:
            form.version.data = str(current_user.party.version)  # saving again overwrites
        says_so, message = isinstance(exc, SAY_NOT_SAVED), message_for(exc, form)
        flash(message if says_so else f"{NOT_SAVED} {message}", "danger")
        return False
    return True


@bp.route("/profil", methods=["GET", "POST"])
@role_required(Role.PEMOHON)
def party_profile():
    """Show and save the profile (party or ormas) of the logged-in Pemohon."""
    party = current_user.party
    form_class = profile_form_class(parties.kind_of(party))
    form = form_class(obj=party if request.method == "GET" else None)
    if request.method == "GET":
        form.fill_blank_rows()
    elif not form.validate_on_submit():
        flash(f"{NOT_SAVED} Periksa isian yang ditandai.", "danger")
        say_not_kept(form.new_logo, LOGO_NOT_KEPT)
    elif _save(form):
        flash(_saved(current_user.party), "success")
        return redirect(url_for(".party_profile"))
    return _render(form)


@bp.get("/profil/logo/<int:party_id>")
@role_required(*Role)
def party_logo(party_id: int):
    """A party's logo (re-encoded PNG) for its owner and staff; other parties get 404."""
    party = db.session.get(Party, party_id)
    if party is None or party.logo is None or not can_view_party(current_user, party.account_id):
        abort(404)
    return storage.send(party.logo, as_attachment=False, download_name=f"logo-{party.id}.png")
