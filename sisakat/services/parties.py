"""Applicant profiles (biodata partai / ormas): completeness rules shared by the profile screen
and workflow, and saving the profile (fields, board composition, logo) with optimistic locking.

Both kinds of applicant (``ApplicantKind``) share the board composition, term, secretariat,
contact and logo; each kind has its own required fields (``REQUIRED_BY_KIND``) and the columns its
form may set (``profile_fields(kind)``)."""

from __future__ import annotations

from datetime import date
from typing import Any, BinaryIO

from sqlalchemy.exc import IntegrityError

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import (
    ApplicantKind,
    FileKind,
    LegalForm,
    Level,
    Party,
    PartyOfficer,
    StoredFile,
    User,
    utcnow,
)
from sisakat.services import audit, board_positions, concurrency, images, office
from sisakat.services.party_level import board_level, region_problem

REQUIRED_FIELDS = {
    "party_name": "Nama partai",
    "level": "Tingkat kepengurusan",
    "region_name": "Nama wilayah",
    "reporter_name": "Nama pelapor",
    "reporter_position": "Jabatan pelapor",
    "street": "Alamat sekretariat",
    "kelurahan": "Kelurahan",
    "kecamatan": "Kecamatan",
    "city": "Kabupaten/Kota sekretariat",
    "sk_number": "Nomor SK kepengurusan",
    "sk_date": "Tanggal SK",
    "sk_issuer": "Penerbit SK",
    "term_start": "Awal masa bakti",
    "term_end": "Akhir masa bakti",
    "phone": "Nomor telepon/WhatsApp",
}

# DOMAIN.md, ormas presence report: what the letter and the registry need.
ORMAS_REQUIRED_FIELDS = {
    "party_name": "Nama ormas",
    "legal_form": "Bentuk ormas (berbadan hukum atau tidak)",
    "legal_number": "Nomor SK Kemenkumham / SKT Kemendagri",
    "legal_date": "Tanggal SK Kemenkumham / SKT Kemendagri",
    "field_of_activity": "Bidang kegiatan",
    "street": "Alamat sekretariat",
    "kelurahan": "Kelurahan",
    "kecamatan": "Kecamatan",
    "city": "Kabupaten/Kota sekretariat",
    "term_start": "Awal masa bakti",
    "term_end": "Akhir masa bakti",
}
REQUIRED_BY_KIND = {
    ApplicantKind.PARPOL: REQUIRED_FIELDS,
    ApplicantKind.ORMAS: ORMAS_REQUIRED_FIELDS,
}
ORMAS_OPTIONAL = ("deed_number", "deed_date", "notary_name", "npwp", "phone")
# Columns the profile form may set; anything else a client posts is never read.
PROFILE_FIELDS = ("board_name", "abbreviation", "postal_code", "contact_email", *REQUIRED_FIELDS)
ORMAS_PROFILE_FIELDS = (
    "abbreviation",
    "postal_code",
    "contact_email",
    *ORMAS_OPTIONAL,
    *ORMAS_REQUIRED_FIELDS,
)
NPWP_MESSAGE = "NPWP harus 15 atau 16 angka (titik, tanda hubung dan spasi boleh)."
_NPWP_PUNCTUATION = ".- "
MAX_OFFICERS = 100
TERM_MESSAGE = "Akhir masa bakti harus sesudah awal masa bakti."


class StaleProfile(DomainError):
    """Someone saved the profile after this user loaded it."""


class ProfileInvalid(DomainError):
    """The profile breaks a rule (board composition, term of office)."""


def kind_of(party: Party | None) -> ApplicantKind:
    """The applicant kind (a party board unless the row says otherwise)."""
    kind = getattr(party, "kind", None)
    return kind if isinstance(kind, ApplicantKind) else ApplicantKind.PARPOL


def noun(party: Party | None) -> str:
    """``partai`` or ``ormas``: how messages and headings name the applicant."""
    return "ormas" if kind_of(party) == ApplicantKind.ORMAS else "partai"


def profile_fields(kind: ApplicantKind) -> tuple[str, ...]:
    """The columns the profile form of ``kind`` may set."""
    return ORMAS_PROFILE_FIELDS if kind == ApplicantKind.ORMAS else PROFILE_FIELDS


def normalise_npwp(text: str | None) -> str:
    """The NPWP as digits only; empty stays empty. ``ProfileInvalid`` when it is not 15 or 16
    digits with at most dots, hyphens and spaces between them."""
    raw = (text or "").strip()
    if not raw:
        return ""
    digits = "".join(ch for ch in raw if ch not in _NPWP_PUNCTUATION)
    if not (digits.isascii() and digits.isdigit() and len(digits) in (15, 16)):
        raise ProfileInvalid(NPWP_MESSAGE)
    return digits


def _filled(party: Party, attr: str) -> bool:
    """A required profile field has a value (the level as ``party_level.board_level`` reads it)."""
    return bool(board_level(party) if attr == "level" else getattr(party, attr))


def profile_problems(party: Party | None) -> list[str]:
    """What is still missing before the applicant may submit an application (Indonesian)."""
    if party is None:
        return ["Profil partai belum diisi."]
    problems = [
        f"{label} belum diisi."
        for attr, label in REQUIRED_BY_KIND[kind_of(party)].items()
        if not _filled(party, attr)
    ]
    named = (o.position for o in party.officers if o.name.strip())
    problems += [
        f"Susunan pengurus: {board_positions.ACCEPTED[p]} belum diisi."
        for p in board_positions.missing(named)
    ]
    if party.logo_file_id is None and kind_of(party) == ApplicantKind.PARPOL:
        problems.append("Logo partai belum diunggah.")
    region = region_problem(board_level(party), party.region_name)  # stored before the check
    if region:
        problems.append(region)
    return problems


def officer_problems(rows: list[tuple[str, str]]) -> list[str]:
    """Board-composition rules: Ketua, Sekretaris and Bendahara named (``board_positions``);
    at most 100 rows."""
    problems = []
    if len(rows) > MAX_OFFICERS:
        problems.append(f"Susunan pengurus paling banyak {MAX_OFFICERS} baris.")
    named = (position for position, name in rows if name.strip())
    problems += [
        f"Jabatan {board_positions.ACCEPTED[p]} wajib diisi beserta namanya."
        for p in board_positions.missing(named)
    ]
    return problems


def term_problem(start: date | None, end: date | None) -> str | None:
    """The term of office must end after it starts."""
    if start is not None and end is not None and end <= start:
        return TERM_MESSAGE
    return None


def _apply_officers(party: Party, rows: list[tuple[str, str]]) -> None:
    """Update the composition in place: reuse rows by order, add new ones, drop the rest."""
    current = list(party.officers)
    for i, (position, name) in enumerate(rows):
        if i < len(current):
            officer = current[i]
            officer.position, officer.name, officer.sort_order = position, name, i
        else:
            party.officers.append(PartyOfficer(position=position, name=name, sort_order=i))
    for extra in current[len(rows) :]:
        party.officers.remove(extra)


def _check(party: Party | None, values: dict[str, Any], rows, seen_version: int | None) -> None:
    """Refuse a stale save and rule breaks before anything is written (logo included)."""
    if party is not None:
        concurrency.check_version(seen_version, party, lambda: stale_message(party), StaleProfile)
    problems = officer_problems(rows)
    if problems:
        raise ProfileInvalid(problems[0])
    term = term_problem(values.get("term_start"), values.get("term_end"))
    if term:
        raise ProfileInvalid(term)
    if values.get("level") is not None:
        problem = office.level_problem(values["level"])
        if problem:
            raise ProfileInvalid(problem, field="level")
        values["level"] = Level(getattr(values["level"], "value", values["level"]))
    if "region_name" in values:
        level = values.get("level") or board_level(party)
        problem = region_problem(level, values["region_name"])
        if problem:
            raise ProfileInvalid(problem, field="region_name")
    if values.get("legal_form") is not None and not isinstance(values["legal_form"], LegalForm):
        try:
            values["legal_form"] = LegalForm(values["legal_form"])
        except ValueError:
            raise ProfileInvalid("Bentuk ormas tidak valid.") from None
    if "npwp" in values:
        values["npwp"] = normalise_npwp(values["npwp"])


def stale_message(party: Party | None) -> str:
    """A save from a page showing an older version of the profile (another tab, or a colleague
    using the same account): who saved it last and when, from the audit trail."""
    if party is None:  # lost a first save to another tab, whose profile is not readable yet
        return concurrency.changed_message(None, None, subject="Profil sudah disimpan")
    who, when = concurrency.last_audited("party", party.id, ("party.profile_update",))
    return concurrency.changed_message(who, when, subject="Profil ini sudah diubah")


def _store_logo(logo: BinaryIO | None, logo_name: str, actor: User) -> StoredFile | None:
    """Check and keep a new logo before anything else changes (``UploadRejected`` if bad)."""
    if logo is None:
        return None
    return images.store_image(
        logo, kind=FileKind.LOGO, display_name=logo_name or "logo.png", uploaded_by=actor
    )


def _apply_fields(party: Party, values: dict[str, Any]) -> list[str]:
    """Set the profile fields of the party's kind that changed and name them; an ormas's
    ``board_name`` (its display name everywhere) follows its name."""
    fields = profile_fields(kind_of(party))
    if kind_of(party) == ApplicantKind.ORMAS and values.get("party_name"):
        values["board_name"] = values["party_name"]
        fields = ("board_name", *fields)
    changed = [f for f in fields if f in values and getattr(party, f) != values[f]]
    for field in changed:
        setattr(party, field, values[field])
    return changed


def _write(account: User, *, creating: bool) -> None:
    """Flush the profile (``concurrency.flush_versioned``). An IntegrityError is a lost race
    only when this save creates the row and another tab's first save of the account's profile
    won (its row is there after the rollback: ``StaleProfile``); anything else (a foreign key:
    the account or the new logo's row gone meanwhile) is ``concurrency.NotStored``."""
    account_id = account.id  # read now: the rollback expires the account
    other_tab = db.select(Party.id).filter_by(account_id=account_id)
    concurrency.flush_versioned(
        lambda: stale_message(account.party),
        StaleProfile,
        also=(IntegrityError,),
        raced=lambda: creating and db.session.execute(other_tab).first() is not None,
    )


def save_profile(
    account: User,
    values: dict[str, Any],
    officers: list[tuple[str, str]],
    *,
    actor: User,
    seen_version: int | None,
    logo: BinaryIO | None = None,
    logo_name: str = "",
) -> Party:
    """Save the account's applicant profile (created on first save) and optionally a new logo.

    Only ``profile_fields(kind)`` are read from ``values``; an optional board row without a
    name is left out (``board_positions.kept``); an ormas's ``board_name`` (its display
    name everywhere) follows its name. A stale ``seen_version`` raises
    ``StaleProfile``; a bad logo raises ``UploadRejected``; nothing is changed in either case.
    """
    party = account.party
    values, officers = dict(values), board_positions.kept(officers)
    _check(party, values, officers, seen_version)
    logo_row = _store_logo(logo, logo_name, actor)
    if party is None:
        party = Party(account=account, board_name=values.get("board_name") or "")
        db.session.add(party)
    changed = _apply_fields(party, values)
    _apply_officers(party, officers)
    if logo_row is not None:
        party.logo_file_id = logo_row.id  # the old logo row and file stay (files are immutable)
    party.updated_at = utcnow()  # always an UPDATE, so the version moves even for officer edits
    _write(account, creating=party.id is None)
    audit.record(
        "party.profile_update",
        actor=actor,
        object_type="party",
        object_id=party.id,
        details={"fields": changed, "officers": len(officers), "logo_file_id": party.logo_file_id},
    )
    return party
