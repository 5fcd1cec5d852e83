"""The office's contact channels (phone, e-mail, address, hours, WhatsApp, SP4N-LAPOR!) shown on
the public pages, and their save from the super admin's contacts page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sisakat.formatting import HARI
from sisakat.models import User
from sisakat.services import concurrency, public_limits, settings
from sisakat.services.working_time import OfficeHours


@dataclass(frozen=True)
class Contacts:
    """Contact channels for the public pages."""

    phone: str
    email: str
    address: str
    hours: str
    whatsapp_display: str
    whatsapp_url: str
    lapor_url: str


CONTACT_FIELDS = ("whatsapp", "whatsapp_message", "email", "hours", "lapor_url")
# The contacts page's fields and the settings they hold; its digest guards them all.
PAGE_FIELDS = {
    **{k: f"contact.{k}" for k in CONTACT_FIELDS},
    "name_required": "complaint.name_required",
    "publish_results": "survey.publish_results",
    "follow_up": "survey.follow_up",
    "post_limit": public_limits.LIMIT_KEY,
    "post_exempt": public_limits.EXEMPT_KEY,
}
CONTACT_PAGE = tuple(PAGE_FIELDS.values())


def page_data() -> dict:
    """The contacts page's values by field name (the exempt addresses one per line)."""
    data = {name: settings.get(key) for name, key in PAGE_FIELDS.items()}
    data["post_exempt"] = public_limits.exempt_text(data["post_exempt"])
    return data


def settings_from(fields: dict) -> dict:
    """The settings the contacts page saves, from its field values (empty text as ""; an empty
    limit as the default; the exempt addresses as their list, checked by the form)."""
    values = {
        key: value if isinstance(value := fields.get(name), bool) else (value or "")
        for name, key in PAGE_FIELDS.items()
    }
    values[public_limits.LIMIT_KEY] = public_limits.stored_limit(fields.get("post_limit"))
    values[public_limits.EXEMPT_KEY] = public_limits.parse_exempt(fields.get("post_exempt"))
    return values


def save_contacts(values: dict, *, actor: User, seen: str | None = None) -> list[str]:
    """Store the contact settings (keys of ``CONTACT_PAGE``); returns the changed keys.
    ``seen``: the page's digest; refused when another admin saved since."""
    concurrency.check_settings(seen, CONTACT_PAGE)
    return settings.update(values, actor=actor)


def _day_words(days: list[int]) -> str:
    """ISO weekdays in words: three or more in a row as a range ("Senin–Kamis"), others named
    ("Senin, Rabu")."""
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    words = []
    for run in runs:
        if len(run) > 2:
            words.append(f"{HARI[run[0] - 1]}–{HARI[run[-1] - 1]}")
        else:
            words.extend(HARI[d - 1] for d in run)
    return ", ".join(words)


def _clock_words(periods: tuple, zone: str) -> str:
    """One day's hours: "07.30–16.30 WIB (istirahat 11.30–13.00)"."""
    text = f"{periods[0][0]:%H.%M}–{periods[-1][1]:%H.%M} {zone}".strip()
    breaks = [f"{a[1]:%H.%M}–{b[0]:%H.%M}" for a, b in zip(periods, periods[1:], strict=False)]
    return f"{text} (istirahat {', '.join(breaks)})" if breaks else text


def office_hours_text() -> str:
    """The Jam layanan page's days and hours in words, days with the same hours together:
    "Senin–Kamis 07.30–16.00 WIB; Jumat 07.30–16.30 WIB (istirahat 11.30–13.00)". What the
    public pages say while the contacts page leaves its hours empty, so the hours the queue and
    the SLA count by and the hours the public reads are one setting."""
    zone = str(settings.get("agency.timezone") or "")
    same: dict[tuple, list[int]] = {}
    for number, periods in enumerate(OfficeHours.from_settings().week, start=1):
        if periods:
            same.setdefault(periods, []).append(number)
    return "; ".join(f"{_day_words(days)} {_clock_words(p, zone)}" for p, days in same.items())


def hours_override() -> str:
    """The hours typed by hand on the contacts page, which the public pages show instead of
    ``office_hours_text()``; "" when that field is empty (the Jam layanan page's hours show)."""
    return str(settings.get("contact.hours") or "")


def contacts() -> Contacts:
    """Office contact channels; the WhatsApp click-to-chat link carries a prefilled message."""
    values = settings.group("contact")
    agency = settings.group("agency")
    digits = "".join(ch for ch in str(values.get("whatsapp") or "") if ch.isdigit())
    if digits.startswith("0"):  # a local number: wa.me wants the country code
        digits = "62" + digits[1:]
    message = quote(str(values.get("whatsapp_message") or ""))
    wa_url = f"https://wa.me/{digits}?text={message}" if digits else ""
    lapor = str(values.get("lapor_url") or "")
    return Contacts(
        phone=str(agency.get("phone") or ""),
        email=str(values.get("email") or agency.get("email") or ""),
        address=str(agency.get("address") or ""),
        hours=hours_override() or office_hours_text(),
        whatsapp_display=f"+{digits}" if digits else "",
        whatsapp_url=wa_url,
        lapor_url=lapor if lapor.startswith("https://") else "https://www.lapor.go.id",
    )
