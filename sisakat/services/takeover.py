"""Taking over a claimed review ("Ambil Alih Verifikasi"): another Verifikator continues a
Diverifikasi application whose claimer can no longer act on it (deactivated, or no longer a
Verifikator) or has done nothing on it for ``IDLE_WORKING_DAYS`` whole working days (on leave
but still active, while the service promise runs). The state stays Diverifikasi and the
verdicts given so far stay; the audit row names both verifiers and why; the earlier claimer,
when still active, is told who took it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sisakat.exceptions import InvalidTransition, StaleApplication
from sisakat.extensions import db
from sisakat.models import (
    Application,
    ApplicationDocument,
    ApplicationRequirement,
    AuditEvent,
    Role,
    User,
)
from sisakat.models import ApplicationStatus as Status
from sisakat.services import audit, clock, concurrency, notify, settings, workflow
from sisakat.services.working_time import OfficeHours, after_working_days

log = logging.getLogger(__name__)

IDLE_WORKING_DAYS = 2
REFUSED = (
    "Permohonan ini hanya dapat diambil alih bila verifikatornya sudah tidak aktif atau tidak "
    f"bertindak atas permohonan ini selama {IDLE_WORKING_DAYS} hari kerja."
)


def claim_is_orphaned(application: Application) -> bool:
    """Diverifikasi, claimed by an account that can no longer act on it (deactivated, or no
    longer a Verifikator): nobody could finish the review until another verifier takes it."""
    claimer = application.claimed_by
    return (
        application.status == Status.DIVERIFIKASI
        and claimer is not None
        and (not claimer.active or claimer.role != Role.VERIFIKATOR)
    )


def last_activity(application: Application) -> datetime:
    """The claimer's newest act on the application (naive UTC): an audit row on it by them (the
    claim, a take-over, a transition) or a verdict of theirs on one of its documents; without
    either (data from before the audit trail), the moment it entered its state. Two indexed
    lookups: the audit trail by actor, the documents by their application's requirements."""
    claimer_id = application.claimed_by_id
    audited = db.session.execute(
        db.select(db.func.max(AuditEvent.created_at)).where(
            AuditEvent.actor_id == claimer_id,
            AuditEvent.object_type == "application",
            AuditEvent.object_id == str(application.id),
        )
    ).scalar()
    judged = db.session.execute(
        db.select(db.func.max(ApplicationDocument.judged_at))
        .join(ApplicationDocument.requirement)
        .where(
            ApplicationRequirement.application_id == application.id,
            ApplicationDocument.judged_by_id == claimer_id,
        )
    ).scalar()
    return max(m for m in (audited, judged, application.status_changed_at) if m is not None)


def idle_since(application: Application) -> datetime | None:
    """When the claimer last acted on a Diverifikasi application, if ``IDLE_WORKING_DAYS``
    whole working days (``working_time``: closed days and holidays skipped) have passed since
    without an act of theirs (acting on a Monday, it is open from Thursday); else None."""
    if application.status != Status.DIVERIFIKASI or application.claimed_by_id is None:
        return None
    last = last_activity(application)
    hours = OfficeHours.from_settings()
    today = (clock.now() + timedelta(hours=hours.offset_hours)).date()
    return last if today > after_working_days(last, IDLE_WORKING_DAYS, hours) else None


def review_offer(application: Application, actor: User) -> tuple[bool, str]:
    """For the review page, from one reading of ``idle_since``: whether ``actor`` may take
    over the review (the button), and the line on an idle claim ("" when it is not idle)."""
    orphaned = claim_is_orphaned(application)
    since = None if orphaned else idle_since(application)
    may = (
        actor.role == Role.VERIFIKATOR
        and application.claimed_by_id != actor.id
        and (orphaned or since is not None)
    )
    if since is None:
        return may, ""
    name = application.claimed_by.display_name
    return may, (
        f"Tidak ada tindakan dari {name} pada permohonan ini sejak "
        f"{settings.office_time(since)} ({IDLE_WORKING_DAYS} hari kerja atau lebih); "
        "verifikator lain dapat mengambil alih."
    )


def take_over(application: Application, *, actor: User, seen_version: int | None) -> None:
    """``actor`` continues the review; the audit row names both verifiers and the reason."""
    if application.claimed_by_id == actor.id:
        return  # the same click arrived twice: already theirs
    concurrency.check_version(
        seen_version, application, lambda: workflow.stale_message(application), StaleApplication
    )
    if actor.role != Role.VERIFIKATOR:
        raise InvalidTransition("Hanya Verifikator yang dapat mengambil alih verifikasi.")
    orphaned = claim_is_orphaned(application)
    since = None if orphaned else idle_since(application)
    if not orphaned and since is None:
        raise InvalidTransition(REFUSED)
    previous = application.claimed_by
    application.claimed_by_id = actor.id
    workflow.flush_or_stale(application)
    audit.record(
        "application.take_over",
        actor=actor,
        object_type="application",
        object_id=application.id,
        details={
            "from_user": previous.id,
            "from_name": previous.display_name,
            "to_name": actor.display_name,
            "reason": "tidak_bertindak" if since else "tidak_aktif",
            **({"idle_since": since.isoformat(timespec="seconds")} if since else {}),
        },
    )
    _tell_previous(application, previous, actor, since)
    log.info("application %s: review taken over by user %s", application.id, actor.id)


def _tell_previous(
    application: Application, previous: User, actor: User, since: datetime | None
) -> None:
    """The earlier claimer, still active, hears who continues their review and why."""
    if not previous.active:
        return
    why = f"tidak ada tindakan Anda sejak {settings.office_time(since)}" if since else ""
    message = f"Verifikasi diambil alih oleh {actor.display_name}" + (
        f" karena {why}." if why else "."
    )
    notify.queue_many([previous], message, application.id)
