"""Plain factories with valid defaults; fictional people only."""

from __future__ import annotations

import itertools
from datetime import date

from sisakat.extensions import db
from sisakat.models import Level, Party, PartyOfficer, Role, User
from sisakat.services.passwords import hash_password

_seq = itertools.count(1)
PASSWORD = "kata-sandi-uji-123"
_HASH: str | None = None


def _password_hash() -> str:
    global _HASH
    if _HASH is None:
        _HASH = hash_password(PASSWORD)
    return _HASH


def user(role: Role = Role.PEMOHON, *, commit: bool = True, **fields) -> User:
    """A user with password ``PASSWORD``."""
    n = next(_seq)
    values = {
        "username": f"pengguna{n}",
        "email": f"pengguna{n}@contoh.test",
        "full_name": f"Pengguna Contoh {n}",
        "role": role,
        "password_hash": _password_hash(),
    }
    values.update(fields)
    obj = User(**values)
    db.session.add(obj)
    if commit:
        db.session.commit()
    return obj


def party(
    account: User | None = None, *, complete: bool = True, commit: bool = True, **fields
) -> Party:
    """A party profile (complete by default) owned by a new or given Pemohon account."""
    account = account or user(Role.PEMOHON, commit=False)
    n = next(_seq)
    values = {"account": account, "board_name": f"DPW Partai Contoh {n} Provinsi Sumatera Selatan"}
    if complete:
        values.update(
            party_name=f"Partai Contoh {n}",
            abbreviation=f"PC{n}",
            level=Level.PROVINSI,
            region_name="Sumatera Selatan",
            reporter_name="Budi Contoh",
            reporter_position="Ketua",
            street="Jalan Merdeka No. 1",
            kelurahan="Talang Semut",
            kecamatan="Bukit Kecil",
            city="Kota Palembang",
            postal_code="30135",
            sk_number=f"SK-{n}/DPP/2025",
            sk_date=date(2025, 1, 15),
            sk_issuer="DPP Partai Contoh",
            term_start=date(2025, 1, 15),
            term_end=date(2030, 1, 14),
            phone="081200000000",
            contact_email=f"partai{n}@contoh.test",
        )
    values.update(fields)
    obj = Party(**values)
    if complete:
        for i, (pos, name) in enumerate(
            [("Ketua", "Budi Contoh"), ("Sekretaris", "Siti Contoh"), ("Bendahara", "Andi Contoh")]
        ):
            obj.officers.append(PartyOfficer(position=pos, name=name, sort_order=i))
    db.session.add(obj)
    if commit:
        db.session.commit()
    return obj
