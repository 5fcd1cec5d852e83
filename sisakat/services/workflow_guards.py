"""Guards of the workflow's transitions (each returns the Indonesian problems, empty when fine)
and the profile snapshot taken at submission. Only services/workflow_rules.RULES refers to the
guards; the party's application page reads ``outstanding()``, the same check as lists; the
review page and the signing desk read ``term_over()``, the rule the approval guard applies, and
``term_ends_soon()``, the notice (never a refusal) for a term ending within the register's
"segera berakhir" window."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sisakat import formatting
from sisakat.models import (
    PENDING_STATUSES,
    ApplicantKind,
    Application,
    ApplicationStatus,
    Letter,
)
from sisakat.services import documents, expiry, numbering, parties, party_level

# Who holds the term, and what the applicant must do about it, per kind of applicant.
_TERM_WORDS = {
    ApplicantKind.PARPOL: ("kepengurusan", "memperbarui SK kepengurusan"),
    ApplicantKind.ORMAS: ("pengurus", "melaporkan susunan pengurus yang baru"),
}


def _listed(what: str, names: list[str]) -> list[str]:
    """One sentence for all the documents (names may hold commas, so semicolons part them)."""
    return [f"{what}: {'; '.join(names)}."] if names else []


@dataclass(frozen=True)
class Outstanding:
    """What an application's owner must still do before Ajukan (or Ajukan Ulang) succeeds."""

    to_replace: list[str]  # requirement names judged Tidak Sesuai, no newer version yet
    profile: list[str]  # the profile's gaps ("Nama partai belum diisi.")
    missing: list[str]  # required documents never uploaded

    @property
    def done(self) -> bool:
        """Nothing left for the guard to refuse."""
        return not (self.to_replace or self.profile or self.missing)

    def problems(self) -> list[str]:
        """The guard's sentences, in this order."""
        return (
            _listed("Dokumen perlu diunggah ulang", self.to_replace)
            + self.profile
            + _listed("Dokumen wajib belum diunggah", self.missing)
        )


def _outstanding(
    application: Application, states: list[documents.RequirementState], *, revising: bool
) -> Outstanding:
    """The three lists; documents to replace only while ``revising`` (Perlu Perbaikan)."""
    return Outstanding(
        to_replace=[s.requirement.name for s in documents.rejected(states)] if revising else [],
        profile=parties.profile_problems(application.party),
        missing=documents.missing_required(states),
    )


def outstanding(
    application: Application, states: list[documents.RequirementState] | None = None
) -> Outstanding:
    """The check its next submission will meet (``ready_to_submit`` for a Draf, ``revised``
    for Perlu Perbaikan), as lists; ``states``: the checklist when the caller has it."""
    states = documents.checklist(application) if states is None else states
    revising = application.status == ApplicationStatus.PERLU_PERBAIKAN
    return _outstanding(application, states, revising=revising)


def ready_to_submit(application: Application) -> list[str]:
    """Profile complete and every required document uploaded."""
    states = documents.checklist(application)
    return _outstanding(application, states, revising=False).problems()


def revised(application: Application) -> list[str]:
    """Every Tidak Sesuai document has a new version (and nothing required is missing)."""
    states = documents.checklist(application)
    return _outstanding(application, states, revising=True).problems()


def has_rejected(application: Application) -> list[str]:
    """At least one document judged Tidak Sesuai."""
    if documents.rejected(documents.checklist(application)):
        return []
    return ["Tandai minimal satu dokumen Tidak Sesuai beserta alasannya."]


def all_accepted(application: Application) -> list[str]:
    """Every required document's newest version is Sesuai."""
    names = documents.not_accepted_required(documents.checklist(application))
    return _listed("Dokumen wajib belum dinyatakan Sesuai", names)


def term_ended(term_end: date | None, kind: ApplicantKind, *, at_signing: bool = False) -> str:
    """The one rule for a board whose term of office is over: its letter, valid until the
    term's last day (``Letter.valid_until``), would be expired the day it is issued. The
    Indonesian refusal, or "" while the term runs through the office's today (or is unknown)."""
    if term_end is None or term_end >= numbering.office_today():
        return ""
    board, renew = _TERM_WORDS[kind]
    then = (
        "Kembalikan surat ke verifikator agar permohonan dikembalikan kepada pemohon untuk "
        f"{renew}."
        if at_signing
        else f"Kembalikan permohonan agar pemohon {renew}."
    )
    ended = formatting.tanggal(term_end)
    return f"Masa bakti {board} berakhir {ended}; surat keterangan tidak dapat diterbitkan. {then}"


def term_ends_soon(term_end: date | None, kind: ApplicantKind, *, short: bool = False) -> str:
    """The notice for a board whose term still runs but ends within the days the register calls
    "segera berakhir" (``expiry.days_before``): the letter is valid only until then. "" when
    the term is unknown, over (``term_ended`` refuses) or further off; ``short``: the date only."""
    today = numbering.office_today()
    if not expiry.ends_soon(term_end, today):
        return ""
    board, renew = _TERM_WORDS[kind]
    left = (term_end - today).days
    when = {0: "hari ini", 1: "besok"}.get(left, f"{left} hari lagi")
    ends = f"Masa bakti {board} berakhir {formatting.tanggal(term_end)} ({when})"
    if short:
        return f"{ends}; surat berlaku sampai tanggal itu."
    return (
        f"{ends}; surat keterangan akan berlaku sampai tanggal itu. Setelah itu pemohon perlu "
        f"{renew}."
    )


def letter_term_end(application: Application) -> date | None:
    """The term end its letter would carry: the submission snapshot's (the profile's before)."""
    if not application.profile_snapshot:
        return application.party.term_end
    text = str(json.loads(application.profile_snapshot).get("term_end") or "")
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def term_over(application: Application) -> str:
    """``term_ended`` for the letter an approval would draw up ("" while the term runs)."""
    return term_ended(letter_term_end(application), parties.kind_of(application.party))


def letter_term_over(letter: Letter) -> str:
    """``term_ended`` for a letter awaiting its signature or its manual review (the term ended
    since approval); "" for any other letter."""
    if letter.status not in PENDING_STATUSES:
        return ""
    kind = parties.kind_of(letter.application.party)
    return term_ended(letter.valid_until, kind, at_signing=True)


def term_soon(application: Application) -> str:
    """``term_ends_soon`` for the letter an approval would draw up (its submitted term)."""
    return term_ends_soon(letter_term_end(application), parties.kind_of(application.party))


def letter_term_soon(letter: Letter) -> str:
    """``term_ends_soon``, short, for a letter still waiting to be issued; "" for any other."""
    if letter.status not in PENDING_STATUSES:
        return ""
    return term_ends_soon(letter.valid_until, parties.kind_of(letter.application.party), short=True)


def approvable(application: Application) -> list[str]:
    """Every required document Sesuai, and the board's term not over."""
    return all_accepted(application) + [p for p in (term_over(application),) if p]


def snapshot_profile(application: Application) -> str:
    """The applicant's profile as JSON text, frozen at submission (party board or ormas): the
    values as typed; the address and level lines are made from them when shown
    (``letter_context``), so the letter and the review page cannot differ."""
    p = application.party
    data = {
        attr: str(getattr(p, attr) or "")
        for attr in parties.REQUIRED_FIELDS.keys()
        | parties.ORMAS_REQUIRED_FIELDS.keys()
        | {"board_name", "abbreviation", "postal_code", "contact_email", *parties.ORMAS_OPTIONAL}
    }
    data["kind"] = parties.kind_of(p).value
    level = party_level.board_level(p)
    data["level"] = level.value if level else ""
    data["legal_form"] = p.legal_form.value if p.legal_form else ""
    data["legal_form_label"] = p.legal_form.label if p.legal_form else ""
    data["npwp_text"] = formatting.npwp(p.npwp)
    for attr in ("sk_date", "term_start", "term_end", "legal_date", "deed_date"):
        data[f"{attr}_text"] = formatting.tanggal(getattr(p, attr))
    data["officers"] = [{"position": o.position, "name": o.name} for o in p.officers]
    data["logo_file_id"] = p.logo_file_id
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
