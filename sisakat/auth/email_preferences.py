"""Which e-mails a logged-in user wants (every role)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField

from sisakat.auth.routes import bp
from sisakat.extensions import db
from sisakat.models import EMAIL_KINDS
from sisakat.services import mail


class EmailPreferenceForm(FlaskForm):
    """One checkbox per e-mail kind (labels from ``EMAIL_KINDS``)."""

    applications = BooleanField(dict(EMAIL_KINDS)["applications"])
    reminders = BooleanField(dict(EMAIL_KINDS)["reminders"])


@bp.route("/notifikasi/email", methods=["GET", "POST"])
@login_required
def notification_preferences():
    """Show and save the user's e-mail choices."""
    form = EmailPreferenceForm(data=mail.preferences(current_user))
    labels = mail.preference_labels(current_user)  # an ormas's letter is no SKT
    for kind, _label in EMAIL_KINDS:
        form[kind].label.text = labels[kind]
    if form.validate_on_submit():
        mail.save_preferences(
            current_user,
            {kind: bool(form[kind].data) for kind, _label in EMAIL_KINDS},
        )
        db.session.commit()
        flash("Pengaturan e-mail disimpan.", "success")
        return redirect(url_for(".notification_preferences"))
    return render_template("auth/email_preferences.html", form=form)
