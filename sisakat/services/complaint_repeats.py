"""The same complaint sent again: a second tap, or a reload that resends the form after the
first answer was lost on a slow connection. It is recognised by the same category, name, contact
and text within ``REPEAT_WINDOW`` and gets the first ticket back (nothing stored twice), so the
office does not answer it twice and the complainant is not left holding a second link."""

from __future__ import annotations

from datetime import datetime, timedelta

from sisakat.extensions import db
from sisakat.models import Complaint

REPEAT_WINDOW = timedelta(minutes=10)


def earlier_copy(
    *, category_id: int, name: str, contact: str, body: str, moment: datetime
) -> Complaint | None:
    """The complaint with exactly this content filed within the window before ``moment``."""
    rows = db.session.execute(
        db.select(Complaint)
        .where(
            Complaint.category_id == category_id,
            Complaint.name == name,
            Complaint.contact == contact,
            Complaint.created_at >= moment - REPEAT_WINDOW,
        )
        .order_by(Complaint.id)
    ).scalars()
    return next((row for row in rows if row.body == body), None)
