"""Staff letter pages: the DRAF preview before approval and the letter search."""

from __future__ import annotations

from flask import render_template, request
from flask_login import current_user

from sisakat.forms_common import filter_args, page_number
from sisakat.models import ApplicationStatus
from sisakat.policies import role_required
from sisakat.routing import or_404
from sisakat.services import applications, letter_preparation, letters, storage
from sisakat.services import letter_search as search_service
from sisakat.verification.forms import LetterSearchForm
from sisakat.verification.routes import STAFF, bp


@bp.get("/permohonan/<int:application_id>/pratinjau-surat")
@role_required(*STAFF)
def letter_preview(application_id: int):
    """The letter as it would be, marked DRAF: no number, no QR; nothing is written."""
    application = or_404(applications.get_for_user(application_id, current_user))
    return storage.send_drawn(
        letter_preparation.preview_pdf(application),
        mimetype="application/pdf",
        name=f"draf-skt-{application.id}.pdf",
        attachment=False,
    )


@bp.get("/surat")
@role_required(*STAFF)
def letter_search():
    """Search letters by number, party name and date range (paginated)."""
    form = LetterSearchForm(request.args)
    pagination = search_service.search(form.letter_filter(), page_no=page_number(request.args))
    args = filter_args(form, request.args)
    return render_template(
        "verification/letter_search.html",
        form=form,
        pagination=pagination,
        args=args,
        party_name=letters.party_name,
        diverifikasi=ApplicationStatus.DIVERIFIKASI,
    )
