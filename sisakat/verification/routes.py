"""Verifikator routes: the blueprint and the queue; the review lives in review.py."""

from flask import Blueprint, render_template, request

from sisakat.forms_common import filter_args, page_number
from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.services import catalog
from sisakat.services import queue as queue_service
from sisakat.verification.forms import QueueFilterForm

bp = Blueprint("verification", __name__, url_prefix="/petugas")
STAFF = (Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN)


@bp.get("/")
@role_required(*STAFF)
def queue():
    """The verification queue: filters, longest waiting first, waiting time in office hours."""
    services = catalog.all_services()  # the filter's choices and each row's SLA: one query
    form = QueueFilterForm(request.args, services=services)
    filters = form.queue_filter()
    pagination, rows = queue_service.page(
        filters, services=services, page_no=page_number(request.args)
    )
    args = filter_args(form, request.args)
    return render_template(
        "verification/queue.html", form=form, rows=rows, pagination=pagination, args=args
    )
