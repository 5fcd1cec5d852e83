"""The party's applications: create one (snapshotting the requirement list), load, timeline."""

from __future__ import annotations

import json

from sqlalchemy.exc import IntegrityError

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.models import (
    Application,
    ApplicationHistory,
    ApplicationRequirement,
    ApplicationStatus,
    Party,
    Role,
    User,
)
from sisakat.services import audit, requirements, workflow


def open_application(party: Party) -> Application | None:
    """The party's application still in the pipeline, if any."""
    return db.session.execute(
        db.select(Application).where(Application.open_party_id == party.id)
    ).scalar()


def create(party: Party, *, actor: User) -> Application:
    """A new Draf application with a copy of today's active requirement list."""
    if open_application(party) is not None:
        raise GuardFailed("Masih ada permohonan yang berjalan. Selesaikan atau batalkan dahulu.")
    items = requirements.active_list()
    if not items:
        raise GuardFailed("Daftar persyaratan belum disiapkan oleh admin.")
    application = Application(
        party_id=party.id,
        open_party_id=party.id,
        status=ApplicationStatus.DRAF,
        created_by_id=actor.id,
    )
    db.session.add(application)
    try:
        db.session.flush()
    except IntegrityError:  # a concurrent create won the UNIQUE(open_party_id) race
        db.session.rollback()
        raise GuardFailed("Masih ada permohonan yang berjalan. Muat ulang halaman.") from None
    for item in items:
        db.session.add(
            ApplicationRequirement(
                application_id=application.id,
                requirement_id=item.id,
                name=item.name,
                description=item.description,
                required=item.required,
                personal_data=item.personal_data,
                sort_order=item.sort_order,
            )
        )
    workflow.record_creation(application, actor=actor)
    audit.record(
        "application.buat", actor=actor, object_type="application", object_id=application.id
    )
    return application


def get_for_user(application_id: int, user: User) -> Application | None:
    """The application if ``user`` may see it: staff see all, a Pemohon only their party's."""
    application = db.session.get(Application, application_id)
    if application is None or user.is_staff:
        return application
    party = user.party if user.role == Role.PEMOHON else None
    return application if party is not None and application.party_id == party.id else None


def for_party(party: Party) -> list[Application]:
    """The party's applications, newest first."""
    return list(
        db.session.execute(
            db.select(Application)
            .where(Application.party_id == party.id)
            .order_by(Application.id.desc())
        ).scalars()
    )


def timeline(application: Application) -> list[ApplicationHistory]:
    """Every step, oldest first (templates show ``internal_note`` to staff only)."""
    return list(
        db.session.execute(
            db.select(ApplicationHistory)
            .where(ApplicationHistory.application_id == application.id)
            .order_by(ApplicationHistory.id)
        ).scalars()
    )


def snapshot(application: Application) -> dict:
    """The profile snapshot taken at (re)submission, or an empty dict before."""
    return json.loads(application.profile_snapshot) if application.profile_snapshot else {}
