"""The FAQ the public pages show and the super admin edits (office-wide, not per service).

Answers are sanitised rich text (``richtext``); an edit page carries a digest of the entry it
showed (``concurrency``), so a save from an out-of-date page is refused.
"""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import FaqEntry, User
from sisakat.services import audit, concurrency, richtext

FAQ_EDITABLE = ("question", "answer", "sort_order", "active")


def faq_entries(*, include_inactive: bool = False) -> list[FaqEntry]:
    """FAQ entries in order (only active ones for the public)."""
    query = db.select(FaqEntry).order_by(FaqEntry.sort_order, FaqEntry.id)
    if not include_inactive:
        query = query.where(FaqEntry.active.is_(True))
    return list(db.session.execute(query).scalars())


def faq_token(entry: FaqEntry) -> str:
    """The digest of the entry's values its edit page carries (``concurrency``)."""
    return concurrency.row_token(entry, FAQ_EDITABLE)


def save_faq(
    entry: FaqEntry | None,
    *,
    question: str,
    answer: str,
    sort_order: int,
    active: bool,
    actor: User,
    seen: str | None = None,
) -> FaqEntry:
    """Create or update one FAQ entry (answer sanitised). ``seen``: the edit page's digest;
    refused when the entry changed since."""
    if entry is not None:
        concurrency.check_row(seen, entry, FAQ_EDITABLE, object_type="faq")
    entry = entry or FaqEntry()
    entry.question = question
    entry.answer = richtext.sanitise(answer)
    entry.sort_order = sort_order
    entry.active = active
    db.session.add(entry)
    db.session.flush()
    audit.record("faq.save", actor=actor, object_type="faq", object_id=entry.id)
    return entry


def delete_faq(entry: FaqEntry, *, actor: User) -> None:
    """Remove one FAQ entry."""
    audit.record("faq.delete", actor=actor, object_type="faq", object_id=entry.id)
    db.session.delete(entry)
    db.session.flush()
