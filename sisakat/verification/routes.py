"""Verifikator routes: the blueprint and the queue; the review lives in review.py."""

from flask import Blueprint, render_template, request

from sisakat.models import ApplicationStatus, Level, Role
from sisakat.policies import role_required
from sisakat.services import queue as queue_service
from sisakat.verification.forms import QueueFilterForm

bp = Blueprint("verification", __name__, url_prefix="/petugas")
STAFF = (Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN)


@bp.get("/")
@role_required(*STAFF)
def queue():
    """The verification queue: filters, longest waiting first, waiting time in office hours."""
    form = QueueFilterForm(request.args)
    valid = form.validate()
    filters = queue_service.QueueFilter(
        status=ApplicationStatus(form.status.data) if valid and form.status.data else None,
        level=Level(form.level.data) if valid and form.level.data else None,
        search=(form.q.data or "") if valid else "",
        newest_first=valid and form.urut.data == "baru",
    )
    page_no = request.args.get("halaman", 1, type=int) or 1
    pagination, rows = queue_service.page(filters, page_no=max(page_no, 1))
    args = {k: v for k, v in request.args.items() if k != "halaman"}
    return render_template(
        "verification/queue.html", form=form, rows=rows, pagination=pagination, args=args
    )
