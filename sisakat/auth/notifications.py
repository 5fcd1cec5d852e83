"""For every logged-in user: the bell's count, the notification list, mark as read, and the
session keep-alive of long forms."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from sisakat.auth.routes import bp
from sisakat.extensions import db
from sisakat.forms_common import ActionForm
from sisakat.services import notify


@bp.app_context_processor
def _bell() -> dict:
    """The unread count for the navbar bell: one count query for logged-in users."""
    user = current_user._get_current_object()  # one proxy lookup, not two
    if not user.is_authenticated or user.must_change_password:  # held: no bell is shown
        return {"unread_notifications": 0}
    return {"unread_notifications": notify.unread_count(user)}


@bp.get("/sesi")
@login_required
def keep_alive():
    """Pinged by the page script while someone types in a long form, so the idle timeout does
    not end a session that is in use (the timeout check refreshes the stamp); empty answer."""
    return "", 204


@bp.get("/notifikasi")
@login_required
def notifications():
    """The newest notifications; unread ones are highlighted until marked read."""
    return render_template(
        "auth/notifications.html",
        items=notify.recent(current_user),
        form=ActionForm(),
        hotline=notify.hotline_link(current_user),
    )


@bp.post("/notifikasi/baca")
@login_required
def mark_notifications_read():
    """Mark every notification read."""
    form = ActionForm()
    if form.validate_on_submit():
        notify.mark_all_read(current_user)
        db.session.commit()
        flash("Semua notifikasi ditandai sudah dibaca.", "success")
    return redirect(url_for(".notifications"))
