"""The live requirement list of a service (super admin edits it) and its defaults."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.models import (
    ORMAS_LAPOR,
    SKT_PARPOL,
    ApplicationRequirement,
    ReasonTemplate,
    Requirement,
    User,
)
from sisakat.models.requirement import name_key
from sisakat.services import audit, catalog, concurrency
from sisakat.services.requirement_defaults import DEFAULTS, ORMAS_DEFAULTS

DEFAULTS_BY_SERVICE = {SKT_PARPOL: DEFAULTS, ORMAS_LAPOR: ORMAS_DEFAULTS}

DEFAULT_REASONS = (
    "Belum dilegalisir",
    "Masa bakti SK sudah habis",
    "Dokumen tidak terbaca",
    "Tanda tangan ketua/sekretaris tidak lengkap",
    "Dokumen bukan untuk kepengurusan ini",
)


def active_list(service_code: str = SKT_PARPOL) -> list[Requirement]:
    """The active requirements of a service, in order."""
    query = (
        db.select(Requirement)
        .where(Requirement.service_code == service_code, Requirement.active.is_(True))
        .order_by(Requirement.sort_order, Requirement.id)
    )
    return list(db.session.execute(query).scalars())


def all_requirements(service_code: str = SKT_PARPOL) -> list[Requirement]:
    """Every requirement of a service (active or not), in order."""
    query = (
        db.select(Requirement)
        .where(Requirement.service_code == service_code)
        .order_by(Requirement.sort_order, Requirement.id)
    )
    return list(db.session.execute(query).scalars())


def ensure_defaults() -> int:
    """Seed the built-in services, their default lists and the reason catalogue when empty
    (idempotent); returns rows added."""
    added = catalog.ensure_defaults()
    for code, defaults in DEFAULTS_BY_SERVICE.items():
        if all_requirements(code):
            continue
        for i, (name, description, required, personal) in enumerate(defaults, start=1):
            db.session.add(
                Requirement(
                    service_code=code,
                    name=name,
                    description=description,
                    required=required,
                    personal_data=personal,
                    sort_order=i * 10,
                )
            )
            added += 1
    if db.session.execute(db.select(ReasonTemplate.id).limit(1)).first() is None:
        for i, text in enumerate(DEFAULT_REASONS, start=1):
            db.session.add(ReasonTemplate(text=text, sort_order=i * 10))
            added += 1
    db.session.flush()
    return added


EDITABLE = ("name", "description", "required", "personal_data", "sort_order", "active")


def seen_token(requirement: Requirement) -> str:
    """The digest of the requirement's editable values an edit page carries (``concurrency``)."""
    return concurrency.row_token(requirement, EDITABLE)


def save(
    requirement: Requirement | None,
    values: dict,
    *,
    actor: User,
    service_code: str = SKT_PARPOL,
    seen: str | None = None,
) -> Requirement:
    """Create (``requirement`` None, in ``service_code``'s list) or update one requirement;
    audited. ``seen``: the edit page's digest; refused when the requirement changed since."""
    if requirement is not None:
        concurrency.check_row(seen, requirement, EDITABLE, object_type="requirement")
    if requirement is None:
        requirement = Requirement(service_code=service_code)
        db.session.add(requirement)
    was_personal = bool(requirement.personal_data)
    for key in EDITABLE:
        if key in values:
            setattr(requirement, key, values[key])
    _refuse_same_name(requirement)
    _flush_unique(requirement)
    if requirement.personal_data and not was_personal:
        _mark_copies_personal(requirement)
    audit.record(
        "requirement.save",
        actor=actor,
        object_type="requirement",
        object_id=requirement.id,
        details={
            "name": requirement.name,
            "active": requirement.active,
            "service": requirement.service_code,
        },
    )
    return requirement


def _mark_copies_personal(requirement: Requirement) -> None:
    """A requirement just marked personal data: the copies applications hold are too, so their
    views are logged and the retention purge takes them (never unmarked: a scan once called
    personal stays so)."""
    db.session.execute(
        db.update(ApplicationRequirement)
        .where(ApplicationRequirement.requirement_id == requirement.id)
        .values(personal_data=True)
        .execution_options(synchronize_session=False)
    )


NAME_TAKEN = (
    "Nama persyaratan ini sudah ada di daftar layanan ini. Ubah persyaratan yang sudah ada, "
    "atau beri nama lain."
)


def _refuse_same_name(requirement: Requirement) -> None:
    """An active requirement may not share its name (``name_key``: any case, any spacing) with
    another active one of its service: the public page and every new application would list it
    twice. Read without flushing the line: its write would meet the database's UNIQUE first."""
    if not requirement.active:
        return
    key = name_key(requirement.name)
    with db.session.no_autoflush:
        others = active_list(requirement.service_code)
    if any(other is not requirement and name_key(other.name) == key for other in others):
        raise GuardFailed(NAME_TAKEN, field="name")


def _flush_unique(requirement: Requirement) -> None:
    """Write the requirement. Another admin's line of the same name committed since
    ``_refuse_same_name`` read the list fails on UNIQUE (service_code, name_key): refused in
    the same words, beside the name, never a 500."""
    code, key = requirement.service_code, requirement.name_key

    def raced() -> bool:
        taken = db.select(Requirement.id).filter_by(service_code=code, name_key=key)
        return key is not None and db.session.execute(taken).first() is not None

    concurrency.flush_versioned(
        lambda: NAME_TAKEN, GuardFailed, also=(IntegrityError,), raced=raced, field="name"
    )


def move(requirement: Requirement, direction: int, *, actor: User) -> None:
    """Swap a requirement with its neighbour above (-1) or below (+1) in the list."""
    items = all_requirements(requirement.service_code)
    index = items.index(requirement)
    other = index + (1 if direction > 0 else -1)
    if not 0 <= other < len(items):
        raise GuardFailed("Persyaratan sudah berada di ujung daftar.")
    for position, item in enumerate(items, start=1):
        item.sort_order = position * 10
    items[index].sort_order, items[other].sort_order = (
        items[other].sort_order,
        items[index].sort_order,
    )
    db.session.flush()
    audit.record(
        "requirement.move",
        actor=actor,
        object_type="requirement",
        object_id=requirement.id,
        details={"direction": direction},
    )


def reasons(*, active_only: bool = True) -> list[ReasonTemplate]:
    """The reason catalogue, in order."""
    query = db.select(ReasonTemplate).order_by(ReasonTemplate.sort_order, ReasonTemplate.id)
    if active_only:
        query = query.where(ReasonTemplate.active.is_(True))
    return list(db.session.execute(query).scalars())


REASON_EDITABLE = ("text", "active")


def reason_token(reason: ReasonTemplate) -> str:
    """The digest of the reason's values its edit page carries (``concurrency``)."""
    return concurrency.row_token(reason, REASON_EDITABLE)


def save_reason(
    reason: ReasonTemplate | None, *, text: str, active: bool, actor: User, seen: str | None = None
):
    """Create or update a catalogue reason; a duplicate text is refused. ``seen``: the edit
    page's digest; refused when the reason changed since."""
    if reason is not None:
        concurrency.check_row(seen, reason, REASON_EDITABLE, object_type="reason_template")
    clash = db.session.execute(
        db.select(ReasonTemplate.id).where(ReasonTemplate.text == text)
    ).scalar()
    if clash is not None and (reason is None or clash != reason.id):
        raise GuardFailed("Alasan tersebut sudah ada di katalog.")
    if reason is None:
        last = db.session.execute(db.select(db.func.max(ReasonTemplate.sort_order))).scalar()
        reason = ReasonTemplate(sort_order=(last or 0) + 10)
        db.session.add(reason)
    reason.text, reason.active = text, active
    db.session.flush()
    audit.record(
        "reason.save",
        actor=actor,
        object_type="reason_template",
        object_id=reason.id,
        details={"text": text, "active": active},
    )
    return reason
