"""Guards of the workflow's transitions (each returns the Indonesian problems, empty when fine)
and the profile snapshot taken at submission. Only services/workflow_rules.RULES refers to the
guards; the party's application page reads ``outstanding()``, the same check as lists."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sisakat import formatting
from sisakat.models import Application, ApplicationStatus
from sisakat.services import documents, parties


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
    data["level"] = p.level.value if p.level else ""
    data["legal_form"] = p.legal_form.value if p.legal_form else ""
    data["legal_form_label"] = p.legal_form.label if p.legal_form else ""
    data["npwp_text"] = formatting.npwp(p.npwp)
    for attr in ("sk_date", "term_start", "term_end", "legal_date", "deed_date"):
        data[f"{attr}_text"] = formatting.tanggal(getattr(p, attr))
    data["officers"] = [{"position": o.position, "name": o.name} for o in p.officers]
    data["logo_file_id"] = p.logo_file_id
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
