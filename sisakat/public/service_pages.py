"""Public service information: Standar Pelayanan, flow diagram and poster, forms, FAQ, guide."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for

from sisakat.extensions import db
from sisakat.models import ServiceForm
from sisakat.public.forms import CheckLetterForm
from sisakat.public.routes import bp
from sisakat.public.verify import at_limit, count_one, private, too_many
from sisakat.services import (
    diagrams,
    letter_registry,
    office_contacts,
    richtext,
    service_defaults,
    service_info,
    storage,
)
from sisakat.services import faq as faq_service


def _service_or_404(service_code: str) -> str:
    """The name of an active service (unknown or inactive code: 404)."""
    service = service_info.public_service(service_code)
    if service is None:
        abort(404)
    return service.name


@bp.get("/layanan/<service_code>")
def service_standard(service_code: str):
    """The six published components of the Standar Pelayanan plus dasar hukum."""
    name = _service_or_404(service_code)
    standard = service_info.standard_for(service_code)
    return render_template(
        "public/service.html",
        service_code=service_code,
        name=name,
        text={f: richtext.render(getattr(standard, f)) for f in service_info.FORMATTED_FIELDS},
        requirements=service_info.requirements_for(service_code),
        steps=service_info.steps_for(service_code),
        forms=service_info.forms_for(service_code),
        contacts=office_contacts.contacts(),
    )


@bp.get("/layanan/<service_code>/alur.svg")
def flow_svg(service_code: str):
    """The procedure as an SVG flow diagram drawn from its steps."""
    name = _service_or_404(service_code)
    flow = diagrams.flow_layout(service_info.steps_for(service_code))
    body = render_template("public/alur.svg", flow=flow, name=name)
    headers = {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        "Cache-Control": "no-cache",
    }
    return body, 200, headers


@bp.get("/layanan/<service_code>/poster")
def service_poster(service_code: str):
    """The flow diagram with the key facts, laid out to print on one A4 page."""
    name = _service_or_404(service_code)
    standard = service_info.standard_for(service_code)
    return render_template(
        "public/poster.html",
        service_code=service_code,
        name=name,
        text={f: richtext.render(getattr(standard, f)) for f in ("duration", "cost", "product")},
        requirements=service_info.requirements_for(service_code),
        contacts=office_contacts.contacts(),
    )


@bp.get("/layanan/<service_code>/formulir/<int:form_id>")
def download_form(service_code: str, form_id: int):
    """Download a form the admin uploaded for this service."""
    _service_or_404(service_code)
    form = db.session.get(ServiceForm, form_id)
    if form is None or form.service_code != service_code:
        abort(404)
    return storage.send(form.file)


@bp.get("/faq")
def faq():
    """Frequently asked questions."""
    entries = faq_service.faq_entries()
    answers = {e.id: richtext.render(e.answer) for e in entries}
    return render_template("public/faq.html", entries=entries, answers=answers)


@bp.get("/panduan")
def guide():
    """The user guide for parties and for staff (the signing step as the office signs)."""
    return render_template(
        "public/guide.html",
        services=service_info.public_services(),
        scans=service_defaults.scans_allowed(),
    )


@bp.get("/cek-surat")
def check_letter():
    """Check a letter: the code printed under the QR alone, or the number with that code (a
    number alone never lists a letter). Found: redirect to its verification page, which counts
    the check against the address's allowance (counted here too, it cost two)."""
    form = CheckLetterForm(request.args)
    searched = ("q" in request.args or "kode" in request.args) and form.validate()
    if searched:
        if at_limit("verify"):
            return too_many()
        letter = letter_registry.check(form.q.data, form.kode.data)
        if letter is not None:
            return redirect(url_for(".verify_letter", token=letter.token))
        count_one("verify")
    return private(render_template("public/check_letter.html", form=form, searched=searched))
