"""Similar ormas: the one rule behind the sign-up warning and the reviewer's "Mirip dengan" hint.

Two ormas look alike when their names are (nearly) the same once case, punctuation, spacing and
common words ("organisasi", "perkumpulan", "yayasan", "ormas", ...) are set aside (difflib ratio
of at least ``NAME_RATIO``), when their abbreviations are equal, or when the same person chairs
both (the Ketua's name, compared the same normalised way). Only names, abbreviations and cities
leave this module: no personal data beyond what the registry already shows staff.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from sisakat.extensions import db
from sisakat.models import ApplicantKind, Party, PartyOfficer
from sisakat.services.board_positions import fills, fills_sql

NAME_RATIO = 0.85
CHAIR = "Ketua"  # the required position whose holder chairs the ormas (``board_positions``)
COMMON_WORDS = frozenset(
    {
        "organisasi",
        "kemasyarakatan",
        "perkumpulan",
        "yayasan",
        "ormas",
        "dan",
    }
)
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
REASON_NAME, REASON_ABBREVIATION, REASON_CHAIR = (
    "nama mirip",
    "singkatan sama",
    "ketua sama",
)


def _words(text: str | None) -> list[str]:
    folded = unicodedata.normalize("NFKD", text or "")
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return [w for w in _NOT_WORD.split(folded) if w]


def name_key(name: str | None) -> str:
    """The name for comparison: lower case, no punctuation, no common words, single spaces.
    A name made only of common words keeps them (so "Perkumpulan" still compares)."""
    words = _words(name)
    kept = [w for w in words if w not in COMMON_WORDS]
    return " ".join(kept or words)


def person_key(name: str | None) -> str:
    """A person's name for comparison (case, punctuation and spacing set aside)."""
    return " ".join(_words(name))


def abbreviation_key(abbreviation: str | None) -> str:
    """An abbreviation for comparison: letters and digits only, lower case."""
    return "".join(_words(abbreviation))


def names_alike(a: str | None, b: str | None) -> bool:
    """Equal or nearly equal normalised names (``NAME_RATIO``)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    return ka == kb or SequenceMatcher(None, ka, kb).ratio() >= NAME_RATIO


@dataclass(frozen=True)
class SimilarOrmas:
    """One existing ormas that looks like the one being checked, and why."""

    party_id: int
    name: str
    abbreviation: str
    city: str
    reasons: tuple[str, ...]

    @property
    def reason_text(self) -> str:
        """``nama mirip, ketua sama``."""
        return ", ".join(self.reasons)


def similar_ormas(
    *, name: str, abbreviation: str = "", chair: str = "", exclude_party_id: int | None = None
) -> list[SimilarOrmas]:
    """Every ormas (other than ``exclude_party_id``) alike by name, abbreviation or chair.

    Two queries whatever the number of ormas: the names, then the chairs' names.
    """
    rows = db.session.execute(
        db.select(Party.id, Party.party_name, Party.abbreviation, Party.city)
        .where(Party.kind == ApplicantKind.ORMAS)
        .order_by(Party.party_name, Party.id)
    ).all()
    chairs: dict[int, set[str]] = {}
    chair_key = person_key(chair)
    if chair_key:
        officers = db.session.execute(
            db.select(PartyOfficer.party_id, PartyOfficer.name)
            .join(Party, Party.id == PartyOfficer.party_id)
            .where(Party.kind == ApplicantKind.ORMAS, fills_sql(PartyOfficer.position, CHAIR))
        ).all()
        for party_id, officer in officers:
            chairs.setdefault(party_id, set()).add(person_key(officer))
    abbr_key = abbreviation_key(abbreviation)
    found = []
    for party_id, other_name, other_abbr, city in rows:
        if party_id == exclude_party_id:
            continue
        reasons = []
        if names_alike(name, other_name):
            reasons.append(REASON_NAME)
        if abbr_key and abbr_key == abbreviation_key(other_abbr):
            reasons.append(REASON_ABBREVIATION)
        if chair_key and chair_key in chairs.get(party_id, ()):
            reasons.append(REASON_CHAIR)
        if reasons:
            found.append(SimilarOrmas(party_id, other_name, other_abbr, city, tuple(reasons)))
    return found


def similar_to(party: Party) -> list[SimilarOrmas]:
    """Other ormas alike ``party`` (the reviewer's hint); empty for a party board."""
    if party.kind != ApplicantKind.ORMAS:
        return []
    chair = next((o.name for o in party.officers if fills(o.position, CHAIR) and o.name), "")
    return similar_ormas(
        name=party.party_name,
        abbreviation=party.abbreviation,
        chair=chair,
        exclude_party_id=party.id,
    )
