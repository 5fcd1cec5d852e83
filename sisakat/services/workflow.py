"""The application state machine: the one place where status changes (STYLE.md §9).

``RULES`` is the transition table as data (``workflow_rules``); ``apply`` checks version, state,
role, ownership, note and guard, then moves the application, writes one history row, one audit
row and the notifications, and flushes. Routes and the CLI commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sisakat.exceptions import GuardFailed, InvalidTransition, StaleApplication
from sisakat.extensions import db
from sisakat.models import Action, Application, ApplicationHistory, AuditEvent, User, utcnow
from sisakat.models import ApplicationStatus as Status
from sisakat.services import audit, concurrency, notify, settings
from sisakat.services import workflow_guards as guards
from sisakat.services.workflow_rules import RULES, Rule

log = logging.getLogger(__name__)

# fn(application, actor, reason): runs inside the transition's transaction, after its checks and
# before the state moves (``reason``: the note, or the staff-only reason of ``reason_for_staff``).
Hook = Callable[[Application, User, str], None]

# Hooks run inside the transition's transaction, after the guard, before the state moves.
# The letters service appends its steps here: on approval, number the letter, render it, store
# it; on a return from the signing desk, cancel the pending letter and void its number. Without
# them the state alone moves.
ON_APPROVED: list[Hook] = []
ON_RETURNED_FROM_SIGNING: list[Hook] = []
BEFORE_HOOKS: dict[Action, list[Hook]] = {
    Action.SETUJUI: ON_APPROVED,
    Action.KEMBALIKAN_TTE: ON_RETURNED_FROM_SIGNING,
}


def _enter(application: Application, action: Action, actor: User) -> None:
    """Side effects of entering the target state (claim, snapshot, open marker)."""
    if action in (Action.AJUKAN, Action.AJUKAN_ULANG):
        application.profile_snapshot = guards.snapshot_profile(application)
        application.submitted_at = utcnow()
        application.claimed_by_id = None
    elif action == Action.AMBIL:
        application.claimed_by_id = actor.id


def last_change(application: Application) -> ApplicationHistory | None:
    """The newest history row of an application."""
    return db.session.execute(
        db.select(ApplicationHistory)
        .where(ApplicationHistory.application_id == application.id)
        .order_by(ApplicationHistory.id.desc())
        .limit(1)
    ).scalar()


def stale_message(application: Application, subject: str = "Permohonan") -> str:
    """ "Permohonan sudah diubah oleh <nama> pada <waktu>. <concurrency.SHOWN_NOW>"
    (``subject``: "Surat" for a page about the application's letter)."""
    return f"{subject} sudah diubah {changed_by(application)}. {concurrency.SHOWN_NOW}"


def changed_by(application: Application) -> str:
    """ "oleh <nama> pada <waktu>" of the application's newest step ("oleh pengguna lain"
    when it has none)."""
    last = last_change(application)
    taken = _last_take_over(application)  # no history row: the status stays
    if taken is not None and (last is None or taken.created_at >= last.at):
        actor = db.session.get(User, taken.actor_id) if taken.actor_id else None
        who, at = (actor.display_name if actor else "sistem"), taken.created_at
    elif last is None:
        return "oleh pengguna lain"
    else:
        who, at = (last.actor.display_name if last.actor else "sistem"), last.at
    return f"oleh {who} pada {settings.office_time(at)}"


def _last_take_over(application: Application) -> AuditEvent | None:
    """The newest "Ambil Alih Verifikasi" of the application (``takeover``), which changes the
    application row (the claimer) but writes no history row."""
    return db.session.execute(
        db.select(AuditEvent)
        .where(
            AuditEvent.action == "application.take_over",
            AuditEvent.object_type == "application",
            AuditEvent.object_id == str(application.id),
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).scalar()


def claimed_by_other(application: Application) -> str:
    """ "Permohonan ini sedang diverifikasi oleh <nama>." (the review belongs to another
    verifier)."""
    who = application.claimed_by.display_name if application.claimed_by else "petugas lain"
    # A name with a degree ("Rina, S.H.") already ends the sentence: no second period.
    end = "" if who.endswith(".") else "."
    return f"Permohonan ini sedang diverifikasi oleh {who}{end}"


def check_allowed(application: Application, action: Action, actor: User) -> Rule:
    """State, role, ownership and claim checks (InvalidTransition); returns the rule."""
    rule = RULES[action]
    if application.status not in rule.sources or actor.role not in rule.roles:
        raise InvalidTransition(
            f"Tindakan ini tidak dapat dilakukan pada permohonan berstatus "
            f"{application.status.label}."
        )
    if rule.owner_only and (actor.party is None or actor.party.id != application.party_id):
        raise InvalidTransition("Permohonan ini bukan milik Anda.")
    if rule.claimer_only and application.claimed_by_id not in (None, actor.id):
        raise InvalidTransition(claimed_by_other(application))
    return rule


def can(application: Application, action: Action, actor: User) -> bool:
    """Whether ``actor`` may start ``action`` now (guards aside): for showing buttons."""
    try:
        check_allowed(application, action, actor)
    except InvalidTransition:
        return False
    return True


def available_actions(application: Application, actor: User) -> dict[str, bool]:
    """``{"ajukan": True, ...}`` for every action in RULES: which buttons to show."""
    return {action.value: can(application, action, actor) for action in RULES}


def _already_done(
    application: Application, action: Action, actor: User, note: str, internal_note: str
) -> bool:
    """A double submit: the same actor's same action, with the same notes, is already the
    latest step. The same action from a second tab with other notes is not a repeat: it is
    refused as stale, so the notes typed there are shown unsaved instead of silently dropped."""
    last = last_change(application)
    return (
        last is not None
        and last.actor_id == actor.id
        and last.action == action
        and application.status == RULES[action].target
        and (last.note, last.internal_note) == _stored_notes(RULES[action], note, internal_note)
    )


def _stored_notes(rule: Rule, note: str, internal_note: str) -> tuple[str, str]:
    """``(note, internal_note)`` as the history row keeps them: stripped; a staff-only reason
    (``reason_for_staff``) keeps all the text in the internal note."""
    note, internal_note = (note or "").strip(), (internal_note or "").strip()
    if rule.reason_for_staff:
        note, internal_note = "", "\n".join(part for part in (note, internal_note) if part)
    return note, internal_note


def _split_notes(rule: Rule, note: str, internal_note: str) -> tuple[str, str, str]:
    """``(note, internal_note, reason)`` as stored (``_stored_notes``); ``GuardFailed`` when a
    required reason is missing."""
    note, internal_note = _stored_notes(rule, note, internal_note)
    reason = internal_note if rule.reason_for_staff else note
    if rule.note_required and not reason:
        raise GuardFailed("Alasan wajib diisi.")
    return note, internal_note, reason


def _record(
    application: Application,
    action: Action,
    actor: User,
    source: Status,
    target: Status,
    note: str,
    internal_note: str,
) -> ApplicationHistory:
    """The transition's history row (the applicant's timeline, the SLA data) and audit row."""
    row = ApplicationHistory(
        application_id=application.id,
        actor_id=actor.id,
        action=action,
        from_status=source,
        to_status=target,
        note=note,
        internal_note=internal_note,
    )
    db.session.add(row)
    audit.record(
        f"application.{action.value}",
        actor=actor,
        object_type="application",
        object_id=application.id,
        details={"from": source.value, "to": target.value},
    )
    return row


def apply(
    application: Application,
    action: Action,
    *,
    actor: User,
    seen_version: int | None,
    note: str = "",
    internal_note: str = "",
) -> ApplicationHistory | None:
    """Run one transition; returns the history row (None for a repeated double submit)."""
    if seen_version != application.version and _already_done(
        application, action, actor, note, internal_note
    ):
        return None  # the same click arrived twice: do nothing twice
    concurrency.check_version(
        seen_version, application, lambda: stale_message(application), StaleApplication
    )
    rule = check_allowed(application, action, actor)
    # The guard first: a return without any document Tidak Sesuai has no note to fill in, and
    # "Alasan wajib diisi." would send the verifier to the wrong box.
    problems = rule.guard(application) if rule.guard else []
    if problems:
        raise GuardFailed("Belum dapat diproses: " + " ".join(problems))
    note, internal_note, reason = _split_notes(rule, note, internal_note)
    for hook in BEFORE_HOOKS.get(action, []):
        hook(application, actor, reason)
    source = application.status
    _enter(application, action, actor)
    application.status = rule.target
    application.status_changed_at = utcnow()
    application.open_party_id = application.party_id if application.is_open else None
    flush_or_stale(application)
    row = _record(application, action, actor, source, rule.target, note, internal_note)
    # The state the earlier "please act" notices asked about is left: close them for everyone.
    notify.close_action_notices(application.id)
    _notify(application, rule, note, reason)
    log.info("application %s: %s -> %s by user %s", application.id, source, rule.target, actor.id)
    db.session.flush()
    return row


def flush_or_stale(application: Application) -> None:
    """Write the pending changes now (``concurrency.flush_versioned``); a concurrent winner
    makes a versioned UPDATE (of the application, or of its letter) match no row:
    ``StaleApplication``, naming who won (read after the rollback)."""
    concurrency.flush_versioned(lambda: stale_message(application), StaleApplication)


def _notify(application: Application, rule: Rule, note: str, reason: str) -> None:
    """The party hears about every change (with the note meant for it); named staff roles about
    new work; the claiming verifier about work coming back to them (with the reason)."""
    board = application.party.board_name
    text = rule.message + (f" Catatan: {note}" if note else "")
    # The e-mail subject is the change alone; a note or reason goes in the body only.
    notify.queue_many(
        [application.party.account],
        text,
        application.id,
        subject=rule.message,
        next_step=rule.next_step,
    )
    if rule.staff_roles:
        staff_text = f"{board}: {rule.staff_message}."
        staff = notify.users_with_role(*rule.staff_roles)
        notify.queue_many(staff, staff_text, application.id, asks_action=rule.staff_must_act)
    claimer = application.claimed_by
    if rule.notify_claimer and claimer is not None and claimer.active:
        staff_subject = f"{board}: {rule.staff_message}."
        staff_text = staff_subject + (f" Alasan: {reason}" if reason else "")
        notify.queue_many(
            [claimer],
            staff_text,
            application.id,
            subject=staff_subject,
            asks_action=rule.staff_must_act,
        )


def record_creation(application: Application, *, actor: User) -> ApplicationHistory:
    """The first timeline row (Draf); not a transition, so not in RULES."""
    row = ApplicationHistory(
        application_id=application.id,
        actor_id=actor.id,
        action=Action.BUAT,
        from_status=None,
        to_status=Status.DRAF,
    )
    db.session.add(row)
    db.session.flush()
    return row
