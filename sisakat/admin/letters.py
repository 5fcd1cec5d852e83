"""Super admin: the register of issued letters and revoking (cabut) a letter."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import BooleanField, TextAreaField
from wtforms.validators import DataRequired, Length

from sisakat.admin.routes import bp
from sisakat.converters import parse_int
from sisakat.extensions import db
from sisakat.forms_common import ActionForm, clean_text, no_control_chars
from sisakat.models import Letter, Party, Role
from sisakat.policies import role_required
from sisakat.routing import flash_domain_errors, or_404
from sisakat.services import letter_registry, numbering

PER_PAGE = 25


class RevokeForm(ActionForm):
    """Reason (shown in short on the public page), confirmation, and the version seen."""

    reason = TextAreaField(
        "Alasan pencabutan",
        filters=[clean_text],
        validators=[
            DataRequired("Alasan pencabutan wajib diisi."),
            Length(max=letter_registry.REASON_MAX, message="Paling banyak 500 karakter."),
            no_control_chars,
        ],
        render_kw={"rows": 2},
    )
    confirm = BooleanField(
        "Saya yakin mencabut surat ini",
        validators=[DataRequired("Centang konfirmasi pencabutan.")],
    )


def _filters() -> dict:
    """Status, year and party from the query string; forged values are ignored."""
    return {
        "status": request.args.get("status", "")
        if request.args.get("status") in letter_registry.REGISTER_STATUSES
        else "",
        "year": parse_int(request.args.get("tahun"), low=2000, high=2999),
        "party_id": parse_int(request.args.get("partai"), low=1),
    }


@bp.get("/surat")
@role_required(Role.SUPERADMIN)
def letter_register():
    """Issued letters with their effective status, filterable by status, year and party."""
    return _register_page()


def _register_page(refused: tuple[int, RevokeForm] | None = None):
    """The register; ``refused``: a revoke form that did not validate, shown open again on
    its letter's row with what was typed and why it was refused."""
    today = numbering.office_today()
    filters = _filters()
    query = letter_registry.register_query(**filters, today=today)
    number = parse_int(request.args.get("page", "1"), low=1) or abort(404)
    page = db.paginate(query, page=number, per_page=PER_PAGE)
    parties = db.session.execute(
        db.select(Party.id, Party.board_name).order_by(Party.board_name)
    ).all()
    return render_template(
        "admin/letter_register.html",
        page=page,
        filters=filters,
        parties=parties,
        statuses=letter_registry.REGISTER_STATUSES,
        today=today,
        revoke_form=RevokeForm,
        refused_id=refused[0] if refused else None,
        refused_form=refused[1] if refused else None,
    )


@bp.post("/surat/<int(max=2147483647):letter_id>/cabut")
@role_required(Role.SUPERADMIN)
def revoke_letter(letter_id: int):
    """Revoke an issued letter (reason required); the public page then says DICABUT."""
    letter = or_404(db.session.get(Letter, letter_id))
    form = RevokeForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for message in errors:
                flash(message, "danger")
        return _register_page(refused=(letter.id, form))  # the typed reason is kept
    with flash_domain_errors(typed_kept=True) as outcome:
        letter_registry.revoke(
            letter, reason=form.reason.data, actor=current_user, seen_version=form.seen_version()
        )
        db.session.commit()
        flash(f"Surat nomor {letter.number_text} dicabut.", "success")
    if not outcome.ok:  # e.g. revoked meanwhile: the register as it is now, the reason kept
        form.version.data = str(or_404(db.session.get(Letter, letter_id)).version)
        return _register_page(refused=(letter_id, form))
    return redirect(url_for(".letter_register"))
