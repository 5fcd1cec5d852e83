"""The same complaint sent again: a second tap, or a reload that resends the form after the
first answer was lost on a slow connection. It is recognised by the same rendered form (its
one-time ``form_key``) with the same category, name, contact, text and attachment (none, or the
same bytes) within ``REPEAT_WINDOW`` and gets the first ticket back (nothing stored twice), so
the office does not answer it twice and the complainant is not left holding a second link.
Another attachment makes a complaint of its own: nothing the complainant sent is dropped. The
same words from another form (another person: a short anonymous complaint, a shared text) are
a complaint of their own too: content alone once handed the second person the first one's
private link.

The form is recognised without a column of its own: the ticket's secret is derived from the
form key (``secret_for``, an HMAC under the app's secret key, still 128 unguessable bits as the
key is random and only in that person's page), so the same form gives the same secret."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from flask import current_app

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


def secret_for(form_key: str | None) -> str:
    """The ticket secret (32 hex digits) of a complaint sent from the form with ``form_key``;
    a fresh random one without a key (such a send is never taken for a repeat)."""
    if not form_key:
        return secrets.token_hex(16)
    key = current_app.secret_key
    key = key if isinstance(key, bytes) else str(key).encode()
    message = f"complaint-secret:{form_key}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def earlier_copy(
    category_id: int,
    secret: str,
    *,
    name: str,
    contact: str,
    body: str,
    upload,
    moment: datetime,
) -> Complaint | None:
    """The complaint with exactly this content, sent from the same form (the same ``secret``),
    filed within the window before ``moment``."""
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
            if hmac.compare_digest(row.secret, secret)
            and row.body == body
            and (row.attachment.sha256 if row.attachment else None) == sha
        ),
        None,
    )
