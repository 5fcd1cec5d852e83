"""The same complaint sent again: a second tap, or a reload that resends the form after the
first answer was lost on a slow connection. It is recognised by the same category, name,
contact, text and attachment (none, or the same bytes) within ``REPEAT_WINDOW`` and gets the
first ticket back (nothing stored twice), so the office does not answer it twice and the
complainant is not left holding a second link. Another attachment makes a complaint of its own:
nothing the complainant sent is dropped."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sisakat.extensions import db
from sisakat.models import Complaint

REPEAT_WINDOW = timedelta(minutes=10)
CHUNK = 64 * 1024


def _sha256(upload) -> str | None:
    """The attachment's digest (None without one); the stream is rewound for the real check."""
    if upload is None or not upload.filename:
        return None
    digest, stream = hashlib.sha256(), upload.stream
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def earlier_copy(
    *, category_id: int, name: str, contact: str, body: str, upload, moment: datetime
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
    sha = _sha256(upload)
    return next(
        (
            row
            for row in rows
            if row.body == body and (row.attachment.sha256 if row.attachment else None) == sha
        ),
        None,
    )
