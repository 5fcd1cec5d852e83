"""Reminders before a board's term of office or its SKT validity ends, and renewals.

``send`` is idempotent: one ``reminders_sent`` row per board, kind and end date (UNIQUE), so a
daily cron job reminds once per end date; a new SKT or a new term (new date) reminds again.
"""

from __future__ import annotations

from datetime import date, timedelta

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.formatting import tanggal, to_local
from sisakat.models import Application, ApplicationStatus, Party, ReminderSent, User
from sisakat.services import applications, audit, clock, notify, register, settings
from sisakat.services.reminder_texts import MESSAGES

PARTY_HOME = "/pemohon/"  # the party's dashboard, where "Perpanjang" is; checked in the tests


def today() -> date:
    """Today's date in the office time zone (the frozen clock in tests)."""
    return to_local(clock.now(), settings.utc_offset_hours()).date()


def due(today: date) -> list[tuple[Party, str, date]]:
    """(board, kind, end date) for every end of term or SKT validity within the window."""
    horizon = today + timedelta(days=register.days_before())
    out = []
    for row in register.rows(register.RegisterFilter(), today):
        if row.party.term_end and today <= row.party.term_end <= horizon:
            out.append((row.party, "masa_bakti", row.party.term_end))
        letter = row.letter
        valid = letter is not None and letter.effective_status(today) == "berlaku"
        if valid and letter.valid_until and today <= letter.valid_until <= horizon:
            out.append((row.party, "skt", letter.valid_until))
    return out


def send(today: date) -> int:
    """Notify each due board once per end date (in-app + e-mail outbox); returns how many."""
    done = set(
        db.session.execute(
            db.select(ReminderSent.party_id, ReminderSent.kind, ReminderSent.end_date)
        ).tuples()
    )
    count = 0
    for party, kind, end in due(today):
        if (party.id, kind, end) in done:
            continue
        db.session.add(ReminderSent(party_id=party.id, kind=kind, end_date=end))
        message = MESSAGES[kind].format(board=party.board_name, date=tanggal(end))
        notify.queue(party.account, message, PARTY_HOME, kind="reminders")
        audit.record(
            "reminder.sent",
            actor=None,
            object_type="party",
            object_id=party.id,
            details={"kind": kind, "end_date": end.isoformat()},
        )
        count += 1
    db.session.flush()
    return count


def last_issued(party: Party) -> Application | None:
    """The party's newest Terbit application (what a renewal continues)."""
    return db.session.execute(
        db.select(Application)
        .where(Application.party_id == party.id, Application.status == ApplicationStatus.TERBIT)
        .order_by(Application.id.desc())
        .limit(1)
    ).scalar()


def can_renew(party: Party, today: date) -> bool:
    """A previous SKT exists and the term or the SKT ends within the window (or has ended).
    The cheap check first: most boards on their dashboard have no SKT yet."""
    if last_issued(party) is None:
        return False
    rows = register.rows(register.RegisterFilter(party_id=party.id), today)
    return bool(rows and rows[0].state in ("segera", "kedaluwarsa"))


def renew(party: Party, *, actor: User, today: date) -> Application:
    """Start a renewal: a new Draf with today's requirement list, linked to the last issue.

    The profile is the party's current one (snapshotted again at submission); documents are
    not carried over: legalised originals are uploaded anew for each SKT.
    """
    previous = last_issued(party)
    if previous is None or not can_renew(party, today):
        raise GuardFailed("Perpanjangan hanya untuk SKT yang akan atau sudah berakhir.")
    application = applications.create(party, actor=actor, service_code=previous.service_code)
    application.renewal_of_id = previous.id
    audit.record(
        "application.renew",
        actor=actor,
        object_type="application",
        object_id=application.id,
        details={"renewal_of": previous.id},
    )
    db.session.flush()
    return application
