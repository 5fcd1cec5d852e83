"""Seed a benchmark database through tests/factories.py, so the data is fictional and valid."""

from __future__ import annotations

from dataclasses import dataclass, field

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Role


@dataclass
class Seeded:
    """Usernames to log in with and what was created."""

    pemohon: list[str] = field(default_factory=list)
    verifikator: list[str] = field(default_factory=list)
    superadmin: list[str] = field(default_factory=list)
    applications: int = 0
    letter_tokens: list[str] = field(default_factory=list)  # public tokens of issued letters


def seed(*, parties: int, staff: int = 2, letters: int = 0, batch: int = 200) -> Seeded:
    """``parties`` party boards (each with a Pemohon account and one application: every fourth
    a draft, the others submitted), ``staff`` Verifikator accounts and one Super admin. The
    last ``letters`` boards also hold an SKT issued earlier (a Terbit application, its letter
    in force and the stored signed PDF), which their dashboard offers for download."""
    from tests import factories

    out = Seeded()
    for i in range(parties):
        party = factories.party(commit=False)
        out.pemohon.append(party.account.username)
        if i >= parties - letters:
            out.letter_tokens.append(factories.issued_letter(party, commit=False).token)
        status = ApplicationStatus.DIAJUKAN if i % 4 else ApplicationStatus.DRAF
        factories.application(party, status=status, documents=False, commit=False)
        out.applications += 1
        if i % batch == batch - 1:
            db.session.commit()
    out.verifikator = [factories.user(Role.VERIFIKATOR).username for _ in range(staff)]
    out.superadmin = [factories.user(Role.SUPERADMIN).username]
    db.session.commit()
    return out
