"""Reminders before a board's term of office or its letter's validity ends, and renewals.

``send`` is idempotent: one ``reminders_sent`` row per board, kind and end date (UNIQUE), so a
daily cron job reminds once per end date; a new letter or a new term (new date) reminds again.
The texts follow the kind of applicant and name the letter by its title (``reminder_texts``): a
party board's SKT, an ormas's Surat Keterangan Melapor. The kind key ``skt`` (letter validity)
stays as stored in ``reminders_sent``.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.formatting import tanggal
from sisakat.models import (
    Application,
    ApplicationStatus,
    Letter,
    Party,
    ReminderSent,
    Service,
    User,
)
from sisakat.services import (
    applications,
    audit,
    catalog,
    expiry,
    letters,
    notify,
    numbering,
    parties,
    register,
)
from sisakat.services import reminder_texts as texts

PARTY_HOME = "/pemohon/"  # the party's dashboard, where "Perpanjang" is; checked in the tests


def today() -> date:
    """Today's date in the office time zone (the frozen clock in tests)."""
    return numbering.office_today()


class Due(NamedTuple):
    """One reminder to send: the board, the kind of end date, the date, its newest letter."""

    party: Party
    kind: str  # masa_bakti | skt (the letter's validity)
    end: date
    letter: Letter | None


def due(today: date) -> list[Due]:
    """Every end of term or letter validity within the window."""
    days = expiry.days_before()
    out = []
    for row in register.rows(register.RegisterFilter(), today):
        if expiry.ends_soon(row.party.term_end, today, days):
            out.append(Due(row.party, "masa_bakti", row.party.term_end, row.letter))
        letter = row.letter
        valid = letter is not None and letter.effective_status(today) == "berlaku"
        if valid and expiry.ends_soon(letter.valid_until, today, days):
            out.append(Due(row.party, "skt", letter.valid_until, letter))
    return out


def letter_title(party: Party, letter: Letter | None, services: list[Service]) -> str:
    """The title of the board's letter: as frozen in its newest letter, else the letter title of
    that letter's service or, without a letter, of the first service for the board's kind."""
    inputs = letters.inputs_of(letter) if letter is not None else {}
    frozen = letters.frozen_title(inputs)
    if frozen:
        return frozen
    by_code = [s for s in services if s.code == inputs.get("service_code")]
    candidates = by_code or catalog.for_kind(
        parties.kind_of(party), active_only=False, among=services
    )
    return candidates[0].letter_title if candidates else ""


def text(item: Due, services: list[Service]) -> str:
    """The reminder's message in the words of the board's kind and letter."""
    kind = parties.kind_of(item.party)
    return texts.message(
        kind,
        item.kind,
        board=item.party.board_name,
        date=tanggal(item.end),
        letter=texts.letter_name(letter_title(item.party, item.letter, services), kind),
    )


def send(today: date) -> int:
    """Notify each due board once per end date (in-app + e-mail outbox); returns how many."""
    done = set(
        db.session.execute(
            db.select(ReminderSent.party_id, ReminderSent.kind, ReminderSent.end_date)
        ).tuples()
    )
    count, services = 0, catalog.all_services()
    for item in due(today):
        party, kind, end = item.party, item.kind, item.end
        if (party.id, kind, end) in done:
            continue
        db.session.add(ReminderSent(party_id=party.id, kind=kind, end_date=end))
        notify.queue(party.account, text(item, services), PARTY_HOME, kind="reminders")
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
    """A previous letter exists and the term or the letter ends within the window (or has
    ended). The cheap check first: most boards on their dashboard have no letter yet."""
    if last_issued(party) is None:
        return False
    rows = register.rows(register.RegisterFilter(party_id=party.id), today)
    return bool(rows and rows[0].state in ("segera", "kedaluwarsa", "dicabut"))


def _nothing_to_renew(party: Party, previous: Application | None) -> str:
    """The refusal, naming the letter the board holds (its newest letter's frozen title)."""
    letter = None
    if previous is not None:
        query = db.select(Letter).where(Letter.application_id == previous.id)
        letter = db.session.execute(query.order_by(Letter.id.desc()).limit(1)).scalar()
    title = letter_title(party, letter, catalog.all_services())
    return texts.NOTHING_TO_RENEW.format(letter=texts.letter_name(title, parties.kind_of(party)))


def renew(party: Party, *, actor: User, today: date) -> Application:
    """Start a renewal: a new Draf with today's requirement list, linked to the last issue.

    The profile is the party's current one (snapshotted again at submission); documents are
    not carried over: legalised originals are uploaded anew for each letter.
    """
    previous = last_issued(party)
    if previous is None or not can_renew(party, today):
        raise GuardFailed(_nothing_to_renew(party, previous))
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
