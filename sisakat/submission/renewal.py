"""Renewal (perpanjangan): a new application continuing the party's last issued SKT."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.services import reminders
from sisakat.submission.routes import bp


@bp.post("/perpanjang")
@role_required(Role.PEMOHON)
def renew_application():
    """Start a renewal and open it; refusals go back to the dashboard with the reason."""
    party = current_user.party
    if party is None or not FlaskForm().validate_on_submit():
        return redirect(url_for(".dashboard"))
    try:
        application = reminders.renew(party, actor=current_user, today=reminders.today())
        db.session.commit()
    except DomainError as exc:
        db.session.rollback()
        flash(exc.message, "danger")
        return redirect(url_for(".dashboard"))
    flash("Permohonan perpanjangan dibuat. Unggah dokumen persyaratan terbaru.", "success")
    return redirect(url_for(".application_detail", application_id=application.id))
