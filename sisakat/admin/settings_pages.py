"""Office settings screens for the super admin: agency profile (letterhead) and signatory,
plus the regional emblem image served to staff."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from sisakat.admin.forms_settings import AgencySettingsForm, SignatorySettingsForm
from sisakat.admin.routes import bp
from sisakat.exceptions import DomainError, StaleRecord, UploadRejected
from sisakat.extensions import db
from sisakat.models import STAFF_ROLES, Role
from sisakat.policies import role_required
from sisakat.routing import message_for
from sisakat.services import concurrency, office, settings, storage


def _apply(call: Callable[[], list[str]], on_upload_error=None, *, form=None, page_keys=()) -> bool:
    """Run one service call and commit; a DomainError is rolled back and shown beside its
    ``form`` field (``DomainError.field``), else flashed. Refused as out of date (another admin
    saved meanwhile), ``form`` keeps what was typed and gets the digest of the values now
    stored, so saving again is a deliberate overwrite."""
    try:
        changed = call()
        db.session.commit()
    except DomainError as exc:
        db.session.rollback()
        if isinstance(exc, UploadRejected) and on_upload_error is not None:
            on_upload_error.errors = [exc.message]
        if isinstance(exc, StaleRecord) and form is not None:
            form.seen.data = concurrency.settings_token(page_keys)
        message = message_for(exc, form)
        target = getattr(form, exc.field or "", None) if form is not None else None
        if target is not None and hasattr(target, "errors"):  # beside the field at fault
            target.errors = [*target.errors, message]
            flash("Pengaturan belum tersimpan. Periksa isian yang ditandai.", "danger")
        else:
            flash(message, "danger")
        return False
    flash("Pengaturan tersimpan." if changed else "Tidak ada perubahan.", "success")
    return True


def seen_on_get(form, page_keys) -> None:
    """A settings page opened: its form carries the digest of the values it shows."""
    if request.method == "GET":
        form.seen.data = concurrency.settings_token(page_keys)


@bp.route("/pengaturan/instansi", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def settings_agency():
    """Agency profile, letterhead lines, time zone and the regional emblem."""
    form = AgencySettingsForm(data=settings.group("agency") if request.method == "GET" else None)
    seen_on_get(form, office.AGENCY_PAGE)
    if request.method == "POST":
        if not form.validate_on_submit():
            flash("Pengaturan belum tersimpan. Periksa isian yang ditandai.", "danger")
        else:
            upload = form.emblem_upload()
            saved = _apply(
                lambda: office.update_agency(
                    form.values(),
                    actor=current_user,
                    emblem=upload.stream if upload else None,
                    emblem_name=upload.filename if upload else "",
                    seen=form.seen_digest(),
                ),
                on_upload_error=form.emblem,
                form=form,
                page_keys=office.AGENCY_PAGE,
            )
            if saved:
                return redirect(url_for(".settings_agency"))
    return render_template("admin/settings_agency.html", form=form, kop=office.letterhead())


@bp.route("/pengaturan/penandatangan", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def settings_signatory():
    """The signatory printed under letters: position lines, name, rank and NIP."""
    current = settings.group("signatory")
    form = SignatorySettingsForm(data=current if request.method == "GET" else None)
    seen_on_get(form, office.SIGNATORY_PAGE)
    if request.method == "POST":
        if not form.validate_on_submit():
            flash("Pengaturan belum tersimpan. Periksa isian yang ditandai.", "danger")
        elif _apply(
            lambda: office.update_signatory(
                form.values(), actor=current_user, seen=form.seen_digest()
            ),
            form=form,
            page_keys=office.SIGNATORY_PAGE,
        ):
            return redirect(url_for(".settings_signatory"))
    return render_template(
        "admin/settings_signatory.html",
        form=form,
        signatory=current,
        lines=office.signature_lines(current),
        behalf_hint=office.on_behalf_region_hint(current),
        region=settings.get("agency.region") or "",
    )


@bp.get("/lambang")
@role_required(*sorted(STAFF_ROLES))
def emblem():
    """The regional emblem image, for staff screens (letterhead preview, letter previews)."""
    row = office.emblem_file()
    if row is None:
        abort(404)
    return storage.send(row, as_attachment=False, download_name="lambang.png")
