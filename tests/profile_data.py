"""Form data for the party profile screen (fictional party and people)."""

from __future__ import annotations

import io

OFFICERS = [("Ketua", "Rina Contoh"), ("Sekretaris", "Dodi Contoh"), ("Bendahara", "Maya Contoh")]


def profile_form(version: int | None = None, officers=OFFICERS, **overrides) -> dict:
    """A complete, valid profile form as the browser posts it."""
    data = {
        "party_name": "Partai Contoh Sejahtera",
        "abbreviation": "PCS",
        "board_name": "DPW Partai Contoh Sejahtera Provinsi Sumatera Selatan",
        "level": "provinsi",
        "region_name": "Sumatera Selatan",
        "reporter_name": "Rina Contoh",
        "reporter_position": "Ketua",
        "street": "Jalan Contoh No. 5",
        "kelurahan": "Sekip Jaya",
        "kecamatan": "Kemuning",
        "city": "Kota Palembang",
        "postal_code": "30126",
        "sk_number": "SKEP/01/DPP-PCS/2025",
        "sk_date": "2025-02-01",
        "sk_issuer": "DPP Partai Contoh Sejahtera",
        "term_start": "2025-02-01",
        "term_end": "2030-01-31",
        "phone": "+62 812 0000 1111",
        "contact_email": "dpw@partai-contoh.example.com",
        "version": "" if version is None else str(version),
    }
    for i, (position, name) in enumerate(officers):
        data[f"officers-{i}-position"] = position
        data[f"officers-{i}-name"] = name
    data.update(overrides)
    return data


def with_file(data: dict, content: bytes, name: str = "logo.png") -> dict:
    """The form data plus an uploaded logo."""
    return {**data, "new_logo": (io.BytesIO(content), name)}


def ormas_form(version: int | None = None, officers=OFFICERS, **overrides) -> dict:
    """A complete, valid ormas profile form as the browser posts it."""
    data = {
        "party_name": "Perkumpulan Pemuda Peduli Sungai",
        "abbreviation": "P3S",
        "field_of_activity": "Lingkungan hidup",
        "legal_form": "tidak_berbadan_hukum",
        "legal_number": "01-00-00/0123/D.III.4/IV/2024",
        "legal_date": "2024-04-10",
        "deed_number": "15",
        "deed_date": "2024-01-20",
        "notary_name": "Sari Contoh, S.H., M.Kn.",
        "npwp": "01.234.567.8-901.234",
        "street": "Jalan Contoh Sungai No. 9",
        "kelurahan": "Sekip Jaya",
        "kecamatan": "Kemuning",
        "city": "Kota Palembang",
        "postal_code": "30126",
        "term_start": "2024-04-01",
        "term_end": "2029-03-31",
        "phone": "0812 0000 2222",
        "contact_email": "sekretariat@p3s.example.com",
        "version": "" if version is None else str(version),
    }
    for i, (position, name) in enumerate(officers):
        data[f"officers-{i}-position"] = position
        data[f"officers-{i}-name"] = name
    data.update(overrides)
    return data
