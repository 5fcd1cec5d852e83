"""The office's follow-up of the survey results per period (PermenPANRB 14/2017 asks a unit to
report what it did about each survey period), shown under that period on ``/ikm``.

Stored in one setting, ``survey.follow_up_periods``: a dict from a period key (``"2026"`` for the
whole year, ``"2026-1"`` and ``"2026-2"`` for its semesters) to plain text; a period without its
own text has no key and shows none. The older single text, ``survey.follow_up``, written before
periods existed, cannot be dated: it stays a general note, edited on the contacts page and shown
once below the periods, rather than being pinned to a period it may not describe.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sisakat.exceptions import DomainError
from sisakat.models import User
from sisakat.services import concurrency, settings

SETTING = "survey.follow_up_periods"
MAX_LENGTH = 2000
PARTS = {"tahun": "Tahun", "1": "Semester I", "2": "Semester II"}  # query value -> label
SEMESTER_STARTS = {"1": (1, 1), "2": (7, 1)}


@dataclass(frozen=True)
class Period:
    """One survey period the office may write a follow-up for: a year, or one of its semesters."""

    year: int
    part: str  # a key of PARTS

    @property
    def key(self) -> str:
        """The key in the setting's dict."""
        return str(self.year) if self.part == "tahun" else f"{self.year}-{self.part}"

    @property
    def label(self) -> str:
        """``Semester I 2026`` or ``Tahun 2026``."""
        return f"{PARTS[self.part]} {self.year}"


def current(today: date) -> Period:
    """The period a follow-up is most likely written for now: this year's running semester."""
    return Period(today.year, "1" if today.month < 7 else "2")


def period(
    year: int | None, part: str | None, today: date, offered: tuple[int, ...]
) -> Period | None:
    """The period asked for: the current one when nothing is asked, None when the year is not
    one of ``offered`` (the years ``/ikm`` shows) or the part is unknown."""
    if year is None and part is None:
        return current(today)
    if year not in offered or part not in PARTS:
        return None
    return Period(year, part)


def _texts(stored) -> dict[str, str]:
    return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def _all() -> dict[str, str]:
    return _texts(settings.get(SETTING))


def text(chosen: Period) -> str:
    """The follow-up of ``chosen`` ("" when it has none)."""
    return _all().get(chosen.key, "")


def of_year(year: int) -> dict[str, str]:
    """The year's follow-ups by part (``tahun``, ``1``, ``2``); parts without text are absent."""
    stored = _all()
    found = {part: stored.get(Period(year, part).key, "") for part in PARTS}
    return {part: value for part, value in found.items() if value}


def written(offered: tuple[int, ...]) -> list[Period]:
    """The periods of the ``offered`` years that have a follow-up, newest year first (the year
    before its semesters)."""
    found = []
    for key in _all():
        year, _, part = key.partition("-")
        if year.isdigit() and int(year) in offered and (part or "tahun") in PARTS:
            found.append(Period(int(year), part or "tahun"))
    order = list(PARTS)
    return sorted(found, key=lambda p: (-p.year, order.index(p.part)))


def token(chosen: Period, texts: dict[str, str] | None = None) -> str:
    """The digest of the one text the edit page shows (other periods may change meanwhile)."""
    value = (_all() if texts is None else texts).get(chosen.key, "")
    return concurrency.fingerprint({"period": chosen.key, "text": value})


def _check(chosen: Period, value: str, today: date) -> None:
    start = SEMESTER_STARTS.get(chosen.part)
    if start and date(chosen.year, *start) > today:
        raise DomainError(
            f"{chosen.label} belum dimulai; tindak lanjutnya belum dapat ditulis.", field="text"
        )
    if len(value) > MAX_LENGTH:
        raise DomainError("Paling banyak 2.000 karakter.", field="text")


def save(chosen: Period, value: str | None, *, today: date, actor: User, seen: str | None) -> bool:
    """Store (or, when empty, remove) the follow-up of ``chosen``; True when it changed.
    ``seen``: the digest of the text the page showed; refused when another admin saved it since."""
    value = (value or "").strip()
    _check(chosen, value, today)
    texts = _texts(settings.lock(SETTING))  # as stored now: another period saved meanwhile stays
    if seen is not None and seen != token(chosen, texts):
        concurrency.refuse_settings((SETTING,))
    if value:
        texts[chosen.key] = value
    else:
        texts.pop(chosen.key, None)
    return bool(settings.update({SETTING: texts}, actor=actor))
