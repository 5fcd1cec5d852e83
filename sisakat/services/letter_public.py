"""What the public verification page may show of a letter, and nothing more (SIGNING.md §5).

``public_view`` copies an explicit allow-list of fields into a frozen dataclass, so the template
cannot reach NIK, addresses, phone numbers, e-mail, documents, internal notes or any officer other
than the signer, even by accident.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, SigningMethod
from sisakat.services import letter_download, letters, numbering, party_level, settings
from sisakat.services.letter_context import level_text
from sisakat.services.signing.trust import name_text

LETTER_TYPE = "Surat Keterangan Terdaftar"  # letters frozen before services had titles
APPLICANT_LABELS = {"parpol": "Partai politik", "ormas": "Organisasi kemasyarakatan"}
SHORT_REASON = 200
# The Cabut form's hint: the reason is public, cut as ``_short`` cuts it.
REVOKE_REASON_HINT = (
    f"Ditampilkan di halaman verifikasi publik ({SHORT_REASON} karakter pertama). Jangan tulis "
    "NIK, alamat, nomor telepon atau data pribadi lain."
)
BANNERS = {
    "berlaku": ("BERLAKU", "success"),
    "dicabut": ("DICABUT", "danger"),
    "diganti": ("DIGANTI", "warning"),
    "kedaluwarsa": ("KEDALUWARSA", "secondary"),
}


def _context(letter: Letter) -> dict[str, Any]:
    try:
        data = json.loads(letter.context_json or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def snapshot_profile(letter: Letter) -> dict[str, Any]:
    """The party profile frozen when the letter was made (the live party when absent)."""
    profile = _context(letter).get("profile")
    if isinstance(profile, dict) and profile.get("party_name"):
        return profile
    party = letter.application.party
    level = party_level.board_level(party)
    return {
        "kind": party.kind.value,
        "party_name": party.party_name,
        "abbreviation": party.abbreviation,
        "level": level.value if level else "",
        "region_name": party.region_name,
        "city": party.city,
    }


def _letter_type(letter: Letter) -> str:
    """The title the letter was printed with ("Surat Keterangan Melapor"), as frozen."""
    title = letters.frozen_title(_context(letter))
    return title.title() if title else LETTER_TYPE


def _agency(letter: Letter) -> str:
    """The issuing agency as frozen in the letter; the settings only for a letter that froze no
    agency at all (an empty frozen value stays empty: a region set later is not this letter's)."""
    frozen = (_context(letter).get("settings") or {}).get("agency")
    if not isinstance(frozen, dict) or not frozen:
        frozen = {"name": settings.get("agency.name"), "region": settings.get("agency.region")}
    return " ".join(str(x) for x in (frozen.get("name"), frozen.get("region")) if x)


@dataclass(frozen=True)
class ValidationSummary:
    """The stored signature check in a few lines."""

    signer: str
    issuer: str
    signing_time: datetime | None  # naive UTC, shown in the office zone
    revocation_checked: bool
    accepted: bool


@dataclass(frozen=True)
class PublicLetter:
    """Public facts of one issued letter."""

    token: str
    status: str  # berlaku, dicabut, diganti, kedaluwarsa
    banner: str
    colour: str
    letter_type: str
    number: str
    letter_date: date | None
    valid_until: date | None
    party_name: str
    abbreviation: str
    level: str
    agency: str
    applicant_label: str  # "Partai politik" or "Organisasi kemasyarakatan"
    signer_name: str
    signer_position: str
    signing_method: str
    electronically_signed: bool
    validation: ValidationSummary | None
    sha256: str
    downloadable: bool = False  # the file is handed out (letter_download.party_may_download)
    revoked_on: date | None = None
    revoked_reason: str = ""
    replacement_token: str | None = None
    replacement_number: str | None = None
    replaces: tuple[tuple[str, str], ...] = ()  # (token, number) of letters this one replaced


def _validation(letter: Letter) -> ValidationSummary | None:
    try:
        report = json.loads(letter.validation_report or "null")
    except ValueError:
        return None
    if not isinstance(report, dict):
        return None
    return ValidationSummary(
        signer=str(report.get("signer_common_name") or ""),
        issuer=name_text(str(report.get("signer_issuer") or "")),  # old reports: English
        signing_time=_utc(report.get("timestamp_time") or report.get("signing_time"))
        or letter.signed_at,
        revocation_checked=bool(report.get("revocation_checked")),
        accepted=bool(report.get("accepted")),
    )


def _utc(value: Any) -> datetime | None:
    """An ISO time from the report as naive UTC (None when absent or unreadable)."""
    try:
        moment = datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SHORT_REASON else text[: SHORT_REASON - 1] + "…"


def _links(letter: Letter) -> dict[str, Any]:
    """Both directions of a supersession: the replacement, and what this letter replaced."""
    links: dict[str, Any] = {}
    if letter.superseded_by_id:
        new = db.session.get(Letter, letter.superseded_by_id)
        if new is not None:
            links.update(replacement_token=new.token, replacement_number=new.number_text)
    older = db.session.execute(
        db.select(Letter.token, Letter.number_text).where(Letter.superseded_by_id == letter.id)
    ).all()
    links["replaces"] = tuple((t, n or "") for t, n in older)
    return links


def public_view(letter: Letter, today: date | None = None) -> PublicLetter:
    """The allow-listed public facts of an issued letter as of ``today`` (office zone)."""
    status = letter.effective_status(today or numbering.office_today())
    banner, colour = BANNERS[status]
    profile = snapshot_profile(letter)
    method = letter.signing_method
    electronic = method is not None and method != SigningMethod.SCAN
    extra: dict[str, Any] = _links(letter)
    if letter.status == LetterStatus.DICABUT and letter.revoked_at:
        extra["revoked_on"] = numbering.office_date(letter.revoked_at, settings.utc_offset_hours())
        extra["revoked_reason"] = _short(letter.revoked_reason)
    return PublicLetter(
        token=letter.token,
        status=status,
        banner=banner,
        colour=colour,
        letter_type=_letter_type(letter),
        number=letter.number_text or "",
        letter_date=letter.letter_date,
        valid_until=letter.valid_until,
        party_name=str(profile.get("party_name") or ""),
        abbreviation=str(profile.get("abbreviation") or ""),
        level=level_text(profile),
        agency=_agency(letter),
        applicant_label=APPLICANT_LABELS.get(str(profile.get("kind") or ""), "Partai politik"),
        signer_name=letter.signer_name,
        signer_position=letter.signer_position,
        signing_method=method.label if method else "",
        electronically_signed=electronic,
        # A wet-signed scan has no certificate to summarise: its report only marks the scan.
        validation=_validation(letter) if electronic else None,
        sha256=letter.signed_file.sha256 if letter.signed_file else "",
        downloadable=letter_download.party_may_download(letter),
        **extra,
    )
