"""Verifikator routes."""

from flask import Blueprint, render_template

from sisakat.models import Role
from sisakat.policies import role_required

bp = Blueprint("verification", __name__, url_prefix="/petugas")


@bp.get("/")
@role_required(Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN)
def queue():
    """The verification queue."""
    return render_template("verification/queue.html")
