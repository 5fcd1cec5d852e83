"""Letter lists for staff: the signing queue and what its upload-back heading offers, the letter
search (number, party, dates) with the matching the admin register's search shares, and the day
a letter is filed under and shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import Application, Letter, LetterStatus, Party
from sisakat.services import letters, settings, text_match, workflow_guards

PER_PAGE = 25


def awaiting() -> list[Letter]:
    """Letters waiting for a signature or a manual review, oldest first."""
    query = (
        db.select(Letter)
        .where(Letter.status.in_(letters.PENDING))
        .order_by(Letter.created_at, Letter.id)
    )
    return list(db.session.execute(query).unique().scalars())


@dataclass(frozen=True)
class UploadSlot:
    """One letter under the signing desk's upload-back heading."""

    letter: Letter
    refusal: str = ""  # why an upload would be refused, shown instead of the form; "" offers it


def upload_slots(pending: list[Letter]) -> list[UploadSlot]:
    """The letters of ``pending`` (``awaiting``) the desk offers an upload-back for, in its
    order: those waiting for their signature (an upload under review waits for the super
    admin's decision, not for another upload). One whose board's term of office ended since
    approval carries the refusal an upload would meet (``letters.require_pending``) instead."""
    return [
        UploadSlot(letter, workflow_guards.letter_term_over(letter))
        for letter in pending
        if letter.status == LetterStatus.MENUNGGU_TTE
    ]


@dataclass(frozen=True)
class LetterFilter:
    """Search terms (all optional)."""

    number: str = ""
    party: str = ""
    date_from: date | None = None
    date_to: date | None = None


def filed_between(start: date | None, end: date | None) -> sa.ColumnElement[bool]:
    """The letters filed under the office days ``start`` to ``end`` (either end open): a letter
    under its letter date; one SRIKANDI has not dated yet (waiting for its signature, or returned
    to the verifier before it was) under the office day it was drawn up at approval, the
    earliest date SRIKANDI may give it (``letters.check_srikandi_date``). The one rule of the
    letter search's date range and the admin register's year."""
    offset = timedelta(hours=settings.utc_offset_hours())
    dated, drawn = [Letter.letter_date.is_not(None)], [Letter.letter_date.is_(None)]
    if start:
        dated.append(Letter.letter_date >= start)
        drawn.append(Letter.created_at >= datetime.combine(start, time()) - offset)
    if end:
        dated.append(Letter.letter_date <= end)
        after = datetime.combine(end + timedelta(days=1), time()) - offset
        drawn.append(Letter.created_at < after)
    return sa.or_(sa.and_(*dated), sa.and_(*drawn))


def date_text(letter: Letter) -> str:
    """A letter's date as every staff list shows it: its letter date; for one SRIKANDI has not
    dated yet, that it is not dated and the office day it was drawn up at approval, the day
    ``filed_between`` files it under (so a letter listed under Desember says why it has no
    date)."""
    if letter.letter_date is not None:
        return settings.office_day(letter.letter_date)
    return f"Belum bertanggal (disusun {settings.office_day(letter.created_at)})"


def date_cell(letter: Letter) -> date | str:
    """The export cell of ``date_text``: the letter date as a date (a real date cell in XLSX),
    the words when it has none."""
    return letter.letter_date or date_text(letter)


def number_matches(text: str) -> sa.ColumnElement[bool]:
    """Letters whose number holds ``text`` as typed (its slashes and dots too, never read as
    wildcards), in any case. The one rule of the letter search's and the register's number."""
    return text_match.contains(Letter.number_text, text)


def party_matches(text: str) -> sa.ColumnElement[bool]:
    """Letters whose applicant's party or board name holds ``text``, in any case (the query
    joins ``Party``)."""
    return text_match.contains_any((Party.party_name, Party.board_name), text)


def text_matches(text: str) -> sa.ColumnElement[bool]:
    """The admin register's one search box: the number or the applicant's name holds ``text``
    (``number_matches``, ``party_matches``; the query joins ``Party``)."""
    return db.or_(number_matches(text), party_matches(text))


def search(filters: LetterFilter, *, page_no: int = 1):
    """A page of letters, newest first (issued or not)."""
    query = (
        db.select(Letter)
        .join(Application, Application.id == Letter.application_id)
        .join(Party, Party.id == Application.party_id)
        .order_by(Letter.id.desc())
    )
    if filters.number:
        query = query.where(number_matches(filters.number))
    if filters.party:
        query = query.where(party_matches(filters.party))
    if filters.date_from or filters.date_to:
        query = query.where(filed_between(filters.date_from, filters.date_to))
    return db.paginate(query, page=max(page_no, 1), per_page=PER_PAGE, error_out=False)


STATUS_LABELS = {s: s.label for s in LetterStatus}
