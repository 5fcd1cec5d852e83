"""Pemohon routes."""

from flask import Blueprint, render_template
from flask_login import current_user
from flask_wtf import FlaskForm

from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.services import applications, reminders

bp = Blueprint("submission", __name__, url_prefix="/pemohon")


@bp.get("/")
@role_required(Role.PEMOHON)
def dashboard():
    """The party's home page."""
    party = current_user.party
    return render_template(
        "submission/dashboard.html",
        party=party,
        applications=applications.for_party(party) if party else [],
        create_form=FlaskForm(),
        renewable=bool(party) and reminders.can_renew(party, reminders.today()),
    )
