"""Helpers for workflow tests: actors, counting history rows, the expected transition table."""

from __future__ import annotations

from dataclasses import dataclass

from sisakat.extensions import db
from sisakat.models import Action, Application, ApplicationHistory, Role, User
from sisakat.models import ApplicationStatus as S

ACTORS = ("owner", "other_pemohon", "claimer", "verifikator2", "penandatangan", "superadmin")

# The table of STYLE.md §9, written out independently of services/workflow_rules.RULES.
ALLOWED: dict[tuple[S, Action], set[str]] = {
    (S.DRAF, Action.AJUKAN): {"owner"},
    (S.DRAF, Action.BATALKAN): {"owner"},
    (S.DIAJUKAN, Action.BATALKAN): {"owner"},
    (S.DIAJUKAN, Action.AMBIL): {"claimer", "verifikator2"},
    (S.DIAJUKAN, Action.TOLAK): {"claimer", "verifikator2"},
    (S.DIVERIFIKASI, Action.KEMBALIKAN): {"claimer"},
    (S.DIVERIFIKASI, Action.TOLAK): {"claimer"},
    (S.DIVERIFIKASI, Action.SETUJUI): {"claimer"},
    (S.PERLU_PERBAIKAN, Action.AJUKAN_ULANG): {"owner"},
    (S.MENUNGGU_TTE, Action.TERBITKAN): {"penandatangan", "superadmin"},
    # A mistake found at the signing desk: back to the verifier (the letter is cancelled).
    (S.MENUNGGU_TTE, Action.KEMBALIKAN_TTE): {"penandatangan", "superadmin"},
    (S.TERBIT, Action.CABUT): {"superadmin"},
    # The signer issuing a replacement supersedes the old letter (letter_registry).
    (S.TERBIT, Action.GANTI): {"penandatangan", "superadmin"},
}
TARGET = {
    Action.AJUKAN: S.DIAJUKAN,
    Action.BATALKAN: S.DIBATALKAN,
    Action.AMBIL: S.DIVERIFIKASI,
    Action.KEMBALIKAN: S.PERLU_PERBAIKAN,
    Action.AJUKAN_ULANG: S.DIAJUKAN,
    Action.TOLAK: S.DITOLAK,
    Action.SETUJUI: S.MENUNGGU_TTE,
    Action.TERBITKAN: S.TERBIT,
    Action.CABUT: S.DICABUT,
    Action.GANTI: S.DIGANTI,
    Action.KEMBALIKAN_TTE: S.DIVERIFIKASI,
}
TRANSITIONS = [a for a in Action if a != Action.BUAT]


@dataclass
class Cast:
    """One user per actor kind (the owner is per application)."""

    other_pemohon: User
    claimer: User
    verifikator2: User
    penandatangan: User
    superadmin: User


def cast(make) -> Cast:
    """Staff and a second party."""
    return Cast(
        other_pemohon=make.party().account,
        claimer=make.user(Role.VERIFIKATOR),
        verifikator2=make.user(Role.VERIFIKATOR),
        penandatangan=make.user(Role.PENANDATANGAN),
        superadmin=make.user(Role.SUPERADMIN),
    )


def actor_for(who: str, application: Application, people: Cast) -> User:
    """The user behind an actor kind."""
    return application.party.account if who == "owner" else getattr(people, who)


def history_count(application: Application) -> int:
    """How many history rows the application has."""
    return db.session.execute(
        db.select(db.func.count(ApplicationHistory.id)).where(
            ApplicationHistory.application_id == application.id
        )
    ).scalar_one()
