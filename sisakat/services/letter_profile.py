"""The plain profiles ``letter_context.build_context`` reads, other than a submission snapshot
(``letters.profile_from_snapshot``): the fictional applicants of the letter settings' preview
(Pratinjau) and the tests (``sample_profile``, ``sample_ormas``)."""

from __future__ import annotations

import string
from datetime import date
from typing import Any

from sisakat.formatting import region_parts
from sisakat.services.letter_context import ORMAS

# The office levels a region setting starts with ("KABUPATEN MUSI BANYUASIN"), as Level values.
_LEVELS = {"Provinsi": "provinsi", "Kabupaten": "kabupaten", "Kota": "kota"}


def sample_profile(kind: Any = "parpol", office_region: str = "") -> dict[str, Any]:
    """A fictional applicant of ``kind`` (party board by default) for the settings preview
    (Pratinjau) and tests, placed in ``office_region`` when given (``in_region``)."""
    if str(getattr(kind, "value", kind)) == ORMAS:
        return in_region(sample_ormas(), office_region)
    return in_region(_sample_party(), office_region)


def in_region(profile: dict[str, Any], office_region: str) -> dict[str, Any]:
    """``profile`` moved into the office's region ("KABUPATEN MUSI BANYUASIN", "KOTA
    BALIKPAPAN", "PROVINSI ..."): a party board at that level and region, and for a regency
    or city office the secretariat there too, so a kabupaten office's preview does not print
    the seed province's board in Kota Palembang. An unreadable region leaves it as it is."""
    word, name = region_parts(office_region)
    if word not in _LEVELS:
        return profile
    name = string.capwords(name)
    moved = dict(profile)
    if "level" in moved:
        moved.update(level=_LEVELS[word], region_name=name)
    if word != "Provinsi":
        moved["city"] = f"{word} {name}"
    return moved


def _sample_party() -> dict[str, Any]:
    """The fictional party board of the preview and the tests (a provincial board)."""
    return {
        "party_name": "Partai Contoh Sejahtera",
        "abbreviation": "PCS",
        "level": "provinsi",
        "region_name": "Sumatera Selatan",
        "reporter_name": "Budi Contoh, S.H.",
        "reporter_position": "Ketua",
        "street": "Jalan Contoh Raya No. 12",
        "kelurahan": "Talang Semut",
        "kecamatan": "Bukit Kecil",
        "city": "Kota Palembang",
        "postal_code": "30135",
        "sk_number": "SKEP/012/DPP-PCS/V/2025",
        "sk_date": date(2025, 5, 2),
        "sk_issuer": "Dewan Pimpinan Pusat Partai Contoh Sejahtera",
        "officers": [
            {"position": "Ketua", "name": "Budi Contoh, S.H."},
            {"position": "Wakil Ketua", "name": "Siti Contoh"},
            {"position": "Sekretaris", "name": "Andi Teladan, S.E."},
            {"position": "Bendahara", "name": "Rina Percobaan"},
        ],
    }


def sample_ormas() -> dict[str, Any]:
    """A fictional ormas for the settings preview (Pratinjau) and tests."""
    return {
        "kind": ORMAS,
        "party_name": "Perkumpulan Pemuda Contoh Peduli",
        "abbreviation": "PPCP",
        "legal_form": "berbadan_hukum",
        "legal_number": "AHU-0001234.AH.01.07.TAHUN 2024",
        "legal_date": date(2024, 3, 4),
        "field_of_activity": "Sosial kemasyarakatan dan lingkungan hidup",
        "deed_number": "12",
        "deed_date": date(2024, 2, 1),
        "notary_name": "Sari Contoh, S.H., M.Kn.",
        "npwp": "012345678901234",
        "street": "Jalan Contoh Damai No. 8",
        "kelurahan": "Sekip Jaya",
        "kecamatan": "Kemuning",
        "city": "Kota Palembang",
        "postal_code": "30126",
        "term_start": date(2024, 3, 1),
        "term_end": date(2029, 2, 28),
        "officers": [
            {"position": "Ketua", "name": "Dedi Contoh"},
            {"position": "Sekretaris", "name": "Lina Contoh"},
            {"position": "Bendahara", "name": "Tono Contoh"},
        ],
    }
