"""The party downloads its issued SKT: the stored signed file, byte for byte (audited)."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from sisakat.db_setup import writes_on_get
from sisakat.extensions import db
from sisakat.models import Letter, Role
from sisakat.policies import role_required
from sisakat.services import audit, letter_download, storage
from sisakat.submission.routes import bp


@bp.get("/skt/<int:skt_id>/unduh")
@role_required(Role.PEMOHON)
@writes_on_get
def download_letter(skt_id: int):
    """Unduh SKT: only the owning party, only while the letter is in force
    (``letter_download.party_may_download``; a letter revoked or replaced since the page was
    opened: to its application's page, saying so); the signed file as stored."""
    letter = db.session.get(Letter, skt_id)
    party = current_user.party
    if letter is None or party is None or letter.application.party_id != party.id:
        abort(404)
    if not letter_download.party_may_download(letter):
        reason = letter_download.not_handed_out(letter)  # revoked or replaced since
        if reason is None:
            abort(404)
        flash(reason, "warning")
        return redirect(url_for(".application_detail", application_id=letter.application_id))
    audit.record(
        "letter.download",
        actor=current_user,
        object_type="letter",
        object_id=letter.id,
        details={"sha256": letter.signed_file.sha256},
    )
    db.session.commit()
    return storage.send(letter.signed_file, download_name=letter_download.download_name(letter))
