"""Access rows for public service information, complaints, the survey and the IKM report."""

from sisakat.extensions import db
from sisakat.models import SKT_PARPOL, FaqEntry, FileKind, Role, ServiceForm
from sisakat.services import storage
from tests import factories
from tests.security.matrix import Expect, public, staff

TRIAGE = (Role.VERIFIKATOR, Role.SUPERADMIN)
STAFF = (Role.VERIFIKATOR, Role.PENANDATANGAN, Role.SUPERADMIN)

ROWS = {
    "public.service_standard": public(),
    "public.flow_svg": public(),
    "public.service_poster": public(),
    "public.download_form": public(),
    "public.faq": public(),
    "public.guide": public(),
    "public.check_letter": public(),
    "public.complaint": public(),
    "public.complaint_ticket": public(),
    # The ticket link with a trailing slash: to the ticket page, for anyone.
    "public.complaint_ticket_slash": Expect(302, 302, 302, 302, 302, 302),
    # A bare /survei hands out the form at its own address (/survei?k=...): a redirect for anyone.
    "public.survey": Expect(302, 302, 302, 302, 302, 302),
    "public.survey_results": public(),
    "verification.complaint_queue": staff(*TRIAGE),
    "verification.complaint_stats": staff(*TRIAGE),
    "verification.complaint_stats_xlsx": staff(*TRIAGE),
    "verification.complaint_detail": staff(*TRIAGE),
    "verification.respond_complaint": staff(*TRIAGE, method="POST"),
    "verification.complaint_attachment": staff(*TRIAGE),
    "admin.edit_service_standard": staff(Role.SUPERADMIN),
    "admin.upload_service_form": staff(Role.SUPERADMIN, method="POST"),
    "admin.delete_service_form": staff(Role.SUPERADMIN, method="POST"),
    "admin.faq_list": staff(Role.SUPERADMIN),
    "admin.faq_edit": staff(Role.SUPERADMIN),
    "admin.faq_delete": staff(Role.SUPERADMIN, method="POST"),
    "admin.complaint_categories": staff(Role.SUPERADMIN),
    "admin.update_complaint_category": staff(Role.SUPERADMIN, method="POST"),
    "admin.contact_settings": staff(Role.SUPERADMIN),
    "admin.survey_follow_up": staff(Role.SUPERADMIN),
    "reports.ikm": staff(*STAFF),
    "reports.ikm_xlsx": staff(*STAFF),
}


def setup(world) -> None:
    """A complaint with an attachment, a downloadable form and an FAQ entry."""
    complaint = factories.complaint(attachment=True)
    stored = storage.save_bytes(
        factories.pdf_bytes(),
        kind=FileKind.TEMPLATE,
        content_type="application/pdf",
        display_name="pernyataan.pdf",
        uploaded_by=None,
    )
    form = ServiceForm(service_code=SKT_PARPOL, title="Surat pernyataan", file_id=stored.id)
    faq = FaqEntry(question="Berapa biayanya?", answer="<p>Gratis.</p>")
    db.session.add_all([form, faq])
    db.session.commit()
    world.args.update(
        service_code=SKT_PARPOL,
        form_id=form.id,
        faq_id=faq.id,
        category_id=complaint.category_id,
        complaint_id=complaint.id,
        ticket=complaint.ticket,
        secret=complaint.secret,
    )
