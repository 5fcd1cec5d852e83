"""Public service information per service: the Standar Pelayanan, requirement list, procedure and
forms (the office-wide FAQ lives in ``faq``, the contact channels in ``office_contacts``).

The requirement list comes from the live ``Requirement`` rows through ``requirements_for``
(``requirements.active_list``, the list a new application copies), so the public page can never
disagree with what the app asks for.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import (
    ProcedureStep,
    Requirement,
    Service,
    ServiceForm,
    ServiceStandard,
    User,
    utcnow,
)
from sisakat.services import (
    audit,
    catalog,
    complaint_files,
    concurrency,
    letter_settings,
    number_format,
    numbering,
    requirements,
    richtext,
    service_defaults,
)

FORMATTED_FIELDS = (
    "summary",
    "procedure",
    "duration",
    "cost",
    "product",
    "complaint_handling",
    "legal_basis",
)

# The parts of the Standar Pelayanan an office must publish (PermenPANRB 15/2014; the
# requirements come from the requirement list, the procedure has its steps under it) and what
# to say when one is left empty: the public page would show its heading over nothing.
_MUST_PUBLISH = "bagian ini wajib diumumkan di Standar Pelayanan."
REQUIRED_PARTS = {
    "duration": f"Isi jangka waktu pelayanan: {_MUST_PUBLISH}",
    "cost": f'Isi biaya/tarif ("Tidak dipungut biaya." bila gratis): {_MUST_PUBLISH}',
    "product": f"Isi produk pelayanan: {_MUST_PUBLISH}",
    "complaint_handling": f"Isi penanganan pengaduan, saran dan masukan: {_MUST_PUBLISH}",
    "legal_basis": f"Isi dasar hukum: {_MUST_PUBLISH}",
}


def empty_parts(values: dict[str, str]) -> dict[str, str]:
    """The required parts ``values`` leaves empty (``richtext.is_blank``), each with its
    message: the edit form shows them all beside their fields, ``save_standard`` refuses."""
    return {
        field: message
        for field, message in REQUIRED_PARTS.items()
        if richtext.is_blank(values.get(field))
    }


@dataclass(frozen=True)
class StepView:
    """A procedure step as shown (saved or default)."""

    title: str
    actor: str = ""
    duration: str = ""


def public_services() -> list[Service]:
    """The services the public pages list: every active one, in display order."""
    return catalog.all_services(active_only=True)


def number_example(services: list[Service]) -> str:
    """A letter number as this office prints it, for the letter check's hint: the first listed
    service's format, serial 1, the office's current month and year. Empty when SRIKANDI
    numbers (its own format), nothing is listed or the format still lacks a part."""
    if not services or letter_settings.is_srikandi_mode():
        return ""
    fmt = number_format.service_format(services[0])
    if number_format.missing_parts(fmt):
        return ""
    today = numbering.office_today()
    return number_format.number_in(fmt, 1, year=today.year, month=today.month)


def public_service(code: str) -> Service | None:
    """An active service by code, or None (unknown or inactive code -> 404 on public pages)."""
    service = catalog.get(code)
    return service if service is not None and service.active else None


def service_name(code: str) -> str | None:
    """The service's name (active or not), or None for an unknown code."""
    service = catalog.get(code)
    return service.name if service is not None else None


def requirements_for(service_code: str) -> list[Requirement]:
    """The live requirement list the application form uses (one rule: requirements.active_list),
    so the public page can never disagree with what the app asks for."""
    return requirements.active_list(service_code)


def saved_duration(service_code: str) -> str | None:
    """The time a saved Standar Pelayanan publishes (its own words, which an SLA change leaves
    alone), or None while the service shows its defaults (which follow the SLA)."""
    return db.session.execute(
        db.select(ServiceStandard.duration).where(ServiceStandard.service_code == service_code)
    ).scalar_one_or_none()


def standard_for(service_code: str) -> ServiceStandard:
    """The saved standard, or an unsaved one filled with ``service_defaults.default_text``
    (GET never writes)."""
    row = db.session.execute(
        db.select(ServiceStandard).where(ServiceStandard.service_code == service_code)
    ).scalar_one_or_none()
    if row is None:
        row = ServiceStandard(
            service_code=service_code, **service_defaults.default_text(service_code)
        )
    return row


def free_by_default(cost: str) -> bool:
    """Whether a Standar Pelayanan's cost still says the built-in "Tidak dipungut biaya." (an
    office that charges, or words its cost otherwise, is quoted, never called free)."""
    return richtext.sanitise(cost) == richtext.sanitise(service_defaults.FREE_COST)


def all_free(codes: list[str]) -> bool:
    """Whether every one of ``codes`` states no cost (``free_by_default``; a service with no
    saved standard shows the default)."""
    query = db.select(ServiceStandard.cost).where(ServiceStandard.service_code.in_(codes))
    return all(free_by_default(cost) for cost in db.session.execute(query).scalars())


def saved_promising_electronic_only(codes: list[str]) -> list[str]:
    """Of ``codes``, the services whose saved Standar Pelayanan (product, procedure) or saved
    procedure steps promise an electronic signature only (``promises_electronic_only``); the
    defaults follow the signing settings and are never listed."""
    texts: dict[str, list[str]] = {}
    rows = db.session.execute(
        db.select(
            ServiceStandard.service_code, ServiceStandard.product, ServiceStandard.procedure
        ).where(ServiceStandard.service_code.in_(codes))
    ).all()
    for code, product, procedure in rows:
        texts.setdefault(code, []).extend((product, procedure))
    steps = db.session.execute(
        db.select(ProcedureStep.service_code, ProcedureStep.title).where(
            ProcedureStep.service_code.in_(codes)
        )
    ).all()
    for code, title in steps:
        texts.setdefault(code, []).append(title)
    return [
        code for code in codes if service_defaults.promises_electronic_only(*texts.get(code, []))
    ]


def steps_for(service_code: str) -> list[StepView]:
    """The procedure steps in order; ``service_defaults.default_steps`` when none are saved."""
    rows = db.session.execute(
        db.select(ProcedureStep)
        .where(ProcedureStep.service_code == service_code)
        .order_by(ProcedureStep.sort_order, ProcedureStep.id)
    ).scalars()
    steps = [StepView(r.title, r.actor, r.duration) for r in rows]
    return steps or [StepView(*step) for step in service_defaults.default_steps(service_code)]


def forms_for(service_code: str) -> list[ServiceForm]:
    """Downloadable forms of a service."""
    return list(
        db.session.execute(
            db.select(ServiceForm)
            .where(ServiceForm.service_code == service_code)
            .order_by(ServiceForm.sort_order, ServiceForm.id)
        ).scalars()
    )


def parse_steps(text: str) -> list[StepView]:
    """Admin's step list: one step a line, ``Judul | Pelaksana | Waktu`` (the last two optional)."""
    steps = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        parts = [p.strip() for p in line.split("|")]
        if not any(parts):
            continue  # a blank line (or bare bars) between steps
        problem = _step_problem(parts)
        if problem:
            raise DomainError(f"Baris langkah {number}{problem}", field="steps")
        steps.append(StepView(*(parts + ["", ""])[:3]))
    if len(steps) > 30:
        raise DomainError("Paling banyak 30 langkah.", field="steps")
    return steps


STEP_LIMITS = (("judul", 200), ("pelaksana", 60), ("waktu", 60))


def _step_problem(parts: list[str]) -> str | None:
    """What is wrong with one step line split at ``|`` (said after "Baris langkah N"), or None."""
    if not parts[0]:  # "| Verifikator | 1 hari": the performer and time were not dropped
        return " tanpa judul; tulis Judul | Pelaksana | Waktu."
    if len(parts) > len(STEP_LIMITS):
        return f" memuat {len(parts)} bagian; tulis paling banyak tiga: Judul | Pelaksana | Waktu."
    for part, (name, limit) in zip(parts, STEP_LIMITS, strict=False):
        if len(part) > limit:
            return f": {name} paling banyak {limit} karakter ({len(part)} diketik)."
    return None


def steps_as_text(steps: list[StepView]) -> str:
    """The inverse of ``parse_steps`` for the edit form."""
    return "\n".join(" | ".join(p for p in (s.title, s.actor, s.duration) if p) for s in steps)


def standard_token(service_code: str) -> str:
    """The digest of the components and steps the edit page shows (``concurrency``)."""
    row = standard_for(service_code)
    shown = {field: getattr(row, field) for field in FORMATTED_FIELDS}
    return concurrency.fingerprint({**shown, "steps": steps_as_text(steps_for(service_code))})


def save_standard(
    service_code: str,
    values: dict[str, str],
    steps_text: str,
    *,
    actor: User,
    seen: str | None = None,
):
    """Store the sanitised components and replace the procedure steps (audited). ``seen``: the
    edit page's digest; a page another admin saved since is refused (``StaleRecord``)."""
    row = standard_for(service_code)
    concurrency.check_digest(
        seen,
        standard_token(service_code),
        changed_by_id=row.updated_by_id,
        changed_at=row.updated_at if row.id else None,
    )
    steps = parse_steps(steps_text)
    for field, message in empty_parts(values).items():
        raise DomainError(message, field=field)  # the first empty part; the form shows them all
    for field in FORMATTED_FIELDS:
        setattr(row, field, richtext.sanitise(values.get(field, "")))
    row.updated_by_id, row.updated_at = actor.id, utcnow()  # a steps-only save names its admin
    db.session.add(row)
    db.session.execute(db.delete(ProcedureStep).where(ProcedureStep.service_code == service_code))
    db.session.add_all(
        ProcedureStep(service_code=service_code, sort_order=i, **asdict(step))
        for i, step in enumerate(steps)
    )
    audit.record(
        "service.standard_update", actor=actor, object_type="service", object_id=service_code
    )
    db.session.flush()
    return row


def add_form(service_code: str, title: str, upload, *, actor: User) -> ServiceForm:
    """Keep an uploaded PDF or .docx form for download (checked like every upload)."""
    stored = complaint_files.accept_form_file(upload, uploaded_by=actor)
    form = ServiceForm(service_code=service_code, title=title, file_id=stored.id)
    db.session.add(form)
    db.session.flush()
    audit.record("service.form_add", actor=actor, object_type="service_form", object_id=form.id)
    return form


def remove_form(form: ServiceForm, *, actor: User) -> None:
    """Withdraw a form (the stored file row stays; files are never deleted in place)."""
    audit.record("service.form_remove", actor=actor, object_type="service_form", object_id=form.id)
    db.session.delete(form)
    db.session.flush()
