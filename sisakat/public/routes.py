"""Public routes (no login)."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template
from sqlalchemy.exc import SQLAlchemyError

from sisakat.extensions import db

bp = Blueprint("public", __name__)


@bp.get("/")
def index():
    """The public home page: the office, its services, the letter check, contact channels."""
    from sisakat.public.forms import CheckLetterForm
    from sisakat.services import ikm_public, office_contacts, service_info

    services = service_info.public_services()
    return render_template(
        "public/index.html",
        services=services,
        free=service_info.all_free([service.code for service in services]),
        number_example=service_info.number_example(services),
        contacts=office_contacts.contacts(),
        check_form=CheckLetterForm(formdata=None),
        results_published=ikm_public.is_published(),
    )


@bp.get("/healthz")
def healthz():
    """Liveness and database reachability for monitoring."""
    try:
        db.session.execute(db.text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="error"), 503
    return jsonify(status="ok", database="ok")
