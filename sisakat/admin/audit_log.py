"""Super admin: browse and filter the audit trail (read-only: no route changes it)."""

from __future__ import annotations

from functools import cache

from flask import render_template, request, url_for
from wtforms.fields.core import UnboundField

from sisakat.admin.forms_settings import AgencySettingsForm, SignatorySettingsForm
from sisakat.admin.letter_settings import LetterForm
from sisakat.admin.numbering import NumberingForm
from sisakat.admin.requirement_forms import AuditFilterForm
from sisakat.admin.routes import bp
from sisakat.admin.service_catalog import ServiceEditForm
from sisakat.admin.service_hours import ServiceHoursForm
from sisakat.admin.service_info_forms import ContactSettingsForm
from sisakat.admin.trust_forms import KeyUsageForm
from sisakat.admin.user_forms import StaffEditForm
from sisakat.forms_common import filter_args, page_number
from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.services import audit_labels, office, office_contacts
from sisakat.services import audit_log as audit_log_service
from sisakat.signing.forms import SigningSettingsForm
from sisakat.submission.forms import OrmasProfileForm, PartyProfileForm


def _label(form_class, field: str) -> str:
    """A field's label as the form declares it (read from the class: no request needed)."""
    unbound = getattr(form_class, field)
    return str(unbound.kwargs.get("label") or unbound.args[0])


@cache
def setting_labels() -> dict[str, str]:
    """Each setting key the settings pages edit, with the label its field carries there: the
    forms stay the one place for those words."""
    fields = {
        **{f"agency.{k}": (AgencySettingsForm, k) for k in office.AGENCY_KEYS},
        "agency.emblem_file_id": (AgencySettingsForm, "emblem"),
        **{f"signatory.{k}": (SignatorySettingsForm, k) for k in office.SIGNATORY_KEYS},
        **{key: (ContactSettingsForm, f) for f, key in office_contacts.PAGE_FIELDS.items()},
        "signing.backend": (SigningSettingsForm, "backend"),
        "signing.allow_scan": (SigningSettingsForm, "allow_scan"),
        "signing.key_usage": (KeyUsageForm, "policy"),
        "letter.footer_bsre": (LetterForm, "footer_bsre"),
        "letter.page_size": (LetterForm, "page_size"),
        "numbering.mode": (NumberingForm, "mode"),
        "office.workdays": (ServiceHoursForm, "workdays"),
        "office.holidays": (ServiceHoursForm, "holidays"),
        "reminder.days_before": (ServiceHoursForm, "days"),
    }
    return {key: _label(form, field) for key, (form, field) in fields.items()}


def _form_labels(*form_classes) -> dict[str, str]:
    """Field name -> label over the forms; a name two forms label differently reads as both
    ("Nama partai / Nama ormas")."""
    labels: dict[str, str] = {}
    for form_class in form_classes:
        for name in dir(form_class):
            unbound = getattr(form_class, name)
            if not isinstance(unbound, UnboundField):
                continue
            label = unbound.kwargs.get("label", unbound.args[0] if unbound.args else None)
            if isinstance(label, str) and label not in labels.get(name, "").split(" / "):
                labels[name] = f"{labels[name]} / {label}" if name in labels else label
    return labels


@cache
def field_labels() -> dict[str, dict[str, str]]:
    """Per audited action, the labels of the form whose changed ``fields`` it records."""
    return {
        "user.update": _form_labels(StaffEditForm),
        "party.profile_update": _form_labels(PartyProfileForm, OrmasProfileForm),
        "service.update": _form_labels(ServiceEditForm),
    }


def _details(events) -> dict[int, str]:
    """Each shown event's details as text (``audit_labels.details_text``), by event id."""
    labels, fields = setting_labels(), field_labels()
    return {
        e.id: audit_labels.details_text(
            e.action, e.details, setting_labels=labels, field_labels=fields.get(e.action)
        )
        for e in events
    }


# The page of each kind of object that has one: endpoint and its argument. The super admin, the
# only reader of the log, may open every one of them.
OBJECT_PAGES = {
    "application": ("verification.application_review", "application_id"),
    "faq": ("admin.faq_edit", "faq_id"),
    "party": ("reports.party_history", "party_id"),
    "reason_template": ("admin.reason_edit", "reason_id"),
    "requirement": ("admin.requirement_edit", "requirement_id"),
    "service": ("admin.service_edit", "service_code"),
    "user": ("admin.edit_user", "user_id"),
}


def _object_links(refs) -> dict[int, str]:
    """By event id, the page of its object when the object still exists and has one."""
    links = {}
    for event_id, ref in refs.items():
        if ref is not None and ref.found and ref.kind in OBJECT_PAGES:
            endpoint, arg = OBJECT_PAGES[ref.kind]
            links[event_id] = url_for(endpoint, **{arg: ref.ident})
    return links


@bp.get("/log-audit")
@role_required(Role.SUPERADMIN)
def audit_log():
    """Filter by action, actor, object and date range; paginated, newest first."""
    form = AuditFilterForm(request.args)
    pagination = audit_log_service.search(form.audit_filter(), page_no=page_number(request.args))
    objects = audit_log_service.objects(pagination.items)
    return render_template(
        "admin/audit_log.html",
        form=form,
        pagination=pagination,
        args=filter_args(form, request.args),
        details=_details(pagination.items),
        objects=objects,
        object_links=_object_links(objects),
        action_label=audit_labels.action_label,
        outcome_label=audit_labels.outcome_label,
    )
