"""Party profiles (biodata partai): completeness rules shared by the profile screen and workflow."""

from __future__ import annotations

from sisakat.models import Party
from sisakat.models.party import REQUIRED_POSITIONS

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


def profile_problems(party: Party | None) -> list[str]:
    """What is still missing before the party may submit an application (Indonesian)."""
    if party is None:
        return ["Profil partai belum diisi."]
    problems = [
        f"{label} belum diisi."
        for attr, label in REQUIRED_FIELDS.items()
        if not getattr(party, attr)
    ]
    positions = {o.position.strip().lower() for o in party.officers if o.name.strip()}
    problems += [
        f"Susunan pengurus: {p} belum diisi."
        for p in REQUIRED_POSITIONS
        if p.lower() not in positions
    ]
    if party.logo_file_id is None:
        problems.append("Logo partai belum diunggah.")
    return problems
