"""The workflow's transition table as data (STYLE.md §9): for each action, the states it starts
from, the state it leads to, who may run it, its note rule, its guard and who hears about it.

``workflow.apply`` is the only code that reads the table to move an application; the guards
live in ``workflow_guards``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sisakat.models import OPEN_STATUSES, Action, Application, Role
from sisakat.models import ApplicationStatus as Status
from sisakat.services import workflow_guards as guards

Guard = Callable[[Application], list[str]]


@dataclass(frozen=True)
class Rule:
    """One row of the transition table."""

    sources: frozenset[Status]
    target: Status
    roles: frozenset[Role]
    owner_only: bool = False  # a Pemohon acting on their own party's application
    # Once a verifier took the application into review, only they may do this.
    claimer_only: bool = False
    note_required: bool = False
    # The required reason concerns the office, not the party: it is kept as the staff-only note
    # (a CHECK on application_history), never shown or sent to the party, who gets ``message``.
    reason_for_staff: bool = False
    guard: Guard | None = None
    message: str = ""  # notification text for the party ({board} is filled in)
    # The party's own next move, told in its e-mail after the note (the bell stays short);
    # worded as the dashboard's line for the target state (applications._YOUR_TURN).
    next_step: str = ""
    staff_roles: frozenset[Role] = field(default_factory=frozenset)  # who else is notified
    staff_message: str = ""
    notify_claimer: bool = False  # the verifier holding the claim hears ``staff_message``

    @property
    def staff_must_act(self) -> bool:
        """Whether the staff notices ask for work: the application enters an open state that
        staff must move on (review, signature, a re-check); one about a final state informs."""
        return self.target in OPEN_STATUSES


def _rule(sources, target, roles, **kw) -> Rule:
    return Rule(frozenset(sources), target, frozenset(roles), **kw)


PEMOHON, VERIFIKATOR = {Role.PEMOHON}, {Role.VERIFIKATOR}
RULES: dict[Action, Rule] = {
    Action.AJUKAN: _rule(
        {Status.DRAF},
        Status.DIAJUKAN,
        PEMOHON,
        owner_only=True,
        guard=guards.ready_to_submit,
        message="Permohonan Anda telah diajukan.",
        staff_roles=frozenset(VERIFIKATOR),
        staff_message="permohonan masuk antrean verifikasi",
    ),
    Action.BATALKAN: _rule(
        {Status.DRAF, Status.DIAJUKAN},
        Status.DIBATALKAN,
        PEMOHON,
        owner_only=True,
        message="Permohonan Anda dibatalkan.",
    ),
    Action.AMBIL: _rule(
        {Status.DIAJUKAN},
        Status.DIVERIFIKASI,
        VERIFIKATOR,
        message="Permohonan Anda sedang diverifikasi.",
    ),
    Action.KEMBALIKAN: _rule(
        {Status.DIVERIFIKASI},
        Status.PERLU_PERBAIKAN,
        VERIFIKATOR,
        claimer_only=True,
        note_required=True,
        guard=guards.has_rejected,
        message="Permohonan Anda perlu perbaikan.",
        next_step=(
            "Langkah berikutnya: buka permohonan ini di SISAKAT, unggah ulang dokumen yang "
            "ditandai Tidak Sesuai (alasannya tertulis di sana), lalu tekan Ajukan Ulang."
        ),
    ),
    Action.AJUKAN_ULANG: _rule(
        {Status.PERLU_PERBAIKAN},
        Status.DIAJUKAN,
        PEMOHON,
        owner_only=True,
        guard=guards.revised,
        message="Perbaikan permohonan Anda telah diajukan.",
        staff_roles=frozenset(VERIFIKATOR),
        staff_message="permohonan masuk antrean verifikasi",
    ),
    Action.TOLAK: _rule(
        {Status.DIAJUKAN, Status.DIVERIFIKASI},
        Status.DITOLAK,
        VERIFIKATOR,
        claimer_only=True,
        note_required=True,
        message="Permohonan Anda ditolak.",
    ),
    Action.SETUJUI: _rule(
        {Status.DIVERIFIKASI},
        Status.MENUNGGU_TTE,
        VERIFIKATOR,
        claimer_only=True,
        guard=guards.approvable,
        message="Permohonan Anda disetujui; surat sedang menunggu TTE.",
        staff_roles=frozenset({Role.PENANDATANGAN, Role.SUPERADMIN}),
        staff_message="permohonan disetujui, menunggu TTE",
    ),
    Action.TERBITKAN: _rule(
        {Status.MENUNGGU_TTE},
        Status.TERBIT,
        {Role.PENANDATANGAN, Role.SUPERADMIN},
        message="Surat keterangan Anda telah terbit. Buka permohonan untuk mengunduhnya.",
        # The verifier who handled it hears of it, not every verifier of the office.
        staff_roles=frozenset({Role.SUPERADMIN}),
        notify_claimer=True,
        staff_message="surat keterangan telah terbit",
    ),
    Action.CABUT: _rule(
        {Status.TERBIT},
        Status.DICABUT,
        {Role.SUPERADMIN},
        note_required=True,
        message="Surat keterangan Anda dicabut.",
    ),
    Action.GANTI: _rule(
        {Status.TERBIT},
        Status.DIGANTI,
        # The signer issuing the replacement letter supersedes the old one automatically
        # (letter_registry.supersede_previous, run from the issuing transaction).
        {Role.PENANDATANGAN, Role.SUPERADMIN},
        message="Surat keterangan Anda diganti dengan surat baru.",
    ),
    Action.KEMBALIKAN_TTE: _rule(
        # A mistake found in the letter awaiting signature: back to the verifier who claimed it
        # (the claim stays), who fixes it through the party or approves again. The letter is
        # cancelled and its number voided by the ON_RETURNED_FROM_SIGNING hooks.
        {Status.MENUNGGU_TTE},
        Status.DIVERIFIKASI,
        {Role.PENANDATANGAN, Role.SUPERADMIN},
        note_required=True,
        reason_for_staff=True,
        message="Surat Anda dikembalikan ke verifikator untuk diperiksa ulang.",
        notify_claimer=True,
        staff_message="surat dikembalikan dari meja TTE untuk diperiksa ulang",
    ),
}
