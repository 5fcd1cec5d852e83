"""Pemohon routes."""

from flask import Blueprint, render_template
from flask_login import current_user
from flask_wtf import FlaskForm

from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.services import (
    applications,
    catalog,
    letter_download,
    numbering,
    parties,
    reminders,
)

bp = Blueprint("submission", __name__, url_prefix="/pemohon")
# The dashboard's line and question beside a service whose letter in force a new application
# would replace (a plain function of the letter: a template global, as ``profile_problems``).
bp.add_app_template_global(letter_download.replacement_notes, "replacement_notes")


def service_names(services=None) -> dict[str, str]:
    """Service code -> the name shown next to an application (short name when set)."""
    return {s.code: s.short_name or s.name for s in services or catalog.all_services()}


@bp.get("/")
@role_required(Role.PEMOHON)
def dashboard():
    """The applicant's home page: profile, the services it may apply for, its applications."""
    party = current_user.party
    every = catalog.all_services()
    own = applications.for_party(party) if party else []
    issued = letter_download.issued_by_application([a.id for a in own])
    today = numbering.office_today()
    return render_template(
        "submission/dashboard.html",
        party=party,
        services=catalog.for_kind(parties.kind_of(party), among=every),
        service_names=service_names(every),
        applications=own,
        issued=issued,
        in_force=letter_download.in_force_by_service(own, issued, today),
        ended=letter_download.ended_ids(issued, today),
        create_form=FlaskForm(),
        renewable=bool(party) and reminders.can_renew(party, reminders.today()),
        next_step=applications.next_step(own[0]) if own and own[0].is_open else "",
    )
