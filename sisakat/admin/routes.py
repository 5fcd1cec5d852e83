"""Super admin routes; feature modules attach their views to this ``bp``."""

from flask import Blueprint, render_template

from sisakat.models import Role
from sisakat.policies import role_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@role_required(Role.SUPERADMIN)
def index():
    """The super admin's home: links to every administration screen, and the backup status."""
    from sisakat.services import backup

    return render_template("admin/index.html", backup_status=backup.status())
