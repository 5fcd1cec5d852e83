"""What counts as an e-mail address and as an Indonesian mobile number: one rule each, for the
sign-up, the `create-admin` command, the complaint's Kontak and the reply e-mail
(``complaint_mail.reply_address``).
"""

from __future__ import annotations

import re

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
MAX_EMAIL = 254
# 08…, +62 8… or 62 8…, then 8 to 11 digits (10 to 13 in the 08 form), as people write them:
# spaces, hyphens or dots between the groups.
MOBILE = re.compile(r"(?:0|\+?62)8[0-9]{8,11}")
SEPARATORS = str.maketrans("", "", " -.")

CONTACT_PROBLEM = (
    "Isi alamat e-mail (contoh: nama@contoh.id) atau nomor HP Indonesia (contoh: "
    "0812-3456-7890 atau +62 812 3456 7890) agar petugas dapat membalas, atau kosongkan."
)


def is_plain_email(value: str) -> bool:
    """Printable ASCII only: no look-alike letters from other scripts, no invisible ones."""
    return value.isascii() and value.isprintable()


def is_email(value: str | None) -> bool:
    """An e-mail address the office can write to (the sign-up's rule, without the spaces
    around it)."""
    text = (value or "").strip()
    return len(text) <= MAX_EMAIL and bool(re.match(EMAIL_PATTERN, text)) and is_plain_email(text)


def is_mobile(value: str | None) -> bool:
    """An Indonesian mobile number: 08…, +62 8… or 62 8…, spaces, hyphens and dots allowed."""
    text = (value or "").strip()
    return text.isascii() and MOBILE.fullmatch(text.translate(SEPARATORS)) is not None


def contact_problem(value: str | None) -> str | None:
    """Why a complainant's contact cannot be answered, or None (an e-mail address, a mobile
    number, or nothing: the contact is optional)."""
    if not (value or "").strip() or is_email(value) or is_mobile(value):
        return None
    return CONTACT_PROBLEM
