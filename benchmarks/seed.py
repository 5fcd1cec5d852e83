"""Seed a benchmark database with what the models offer today, through tests/factories.py.

Tolerant on purpose: parties and users always; applications only when ``factories.application``
exists (the workflow feature), so the same scripts measure more as features land.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sisakat.extensions import db
from sisakat.models import Role


@dataclass
class Seeded:
    """Usernames to log in with and what was created."""

    pemohon: list[str] = field(default_factory=list)
    verifikator: list[str] = field(default_factory=list)
    superadmin: list[str] = field(default_factory=list)
    applications: int = 0
    letter_tokens: list[str] = field(default_factory=list)  # public tokens of issued letters
    note: str = ""


def has_applications() -> bool:
    """True once the workflow feature's factory exists."""
    from tests import factories

    return hasattr(factories, "application")


def _application(factories, owner, status_name: str) -> None:
    from sisakat import models

    status = getattr(getattr(models, "ApplicationStatus", None), status_name, None)
    factories.application(owner, status=status, documents=False, commit=False)


def seed(
    *,
    parties: int,
    staff: int = 2,
    applications: bool = True,
    letters: int = 0,
    batch: int = 200,
) -> Seeded:
    """``parties`` party boards (each with a Pemohon account and, when possible, one submitted
    application), ``staff`` Verifikator accounts and one Super admin. The first ``letters``
    boards also hold an SKT issued earlier (a Terbit application, its letter in force and the
    stored signed PDF), which their dashboard offers for download."""
    from tests import factories

    out = Seeded()
    with_apps = applications and has_applications()
    for i in range(parties):
        party = factories.party(commit=False)
        out.pemohon.append(party.account.username)
        if i < letters:
            out.letter_tokens.append(factories.issued_letter(party, commit=False).token)
        if with_apps:
            _application(factories, party, "DIAJUKAN" if i % 4 else "DRAF")
            out.applications += 1
        if i % batch == batch - 1:
            db.session.commit()
    out.verifikator = [factories.user(Role.VERIFIKATOR).username for _ in range(staff)]
    out.superadmin = [factories.user(Role.SUPERADMIN).username]
    db.session.commit()
    if not with_apps:
        out.note = "no Application model yet: seeded parties and users only"
    return out
