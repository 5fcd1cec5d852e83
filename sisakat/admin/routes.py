"""Super admin routes; feature modules attach their views to this ``bp``."""

from flask import Blueprint, current_app, render_template

from sisakat.models import Role
from sisakat.policies import role_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@role_required(Role.SUPERADMIN)
def index():
    """The super admin's home: what the office still has to set, the backup status, and links
    to every administration screen."""
    from sisakat.services import backup, readiness

    return render_template(
        "admin/index.html",
        backup_status=backup.status(),
        readiness=readiness.pending(current_app),
    )
