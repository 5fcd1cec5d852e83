"""Form data for the super admin's signatory settings page (a fictional official)."""

from __future__ import annotations

SIGNATORY = {  # as the page posts it: the NIP grouped as people type it
    "prefix": "",
    "on_behalf_of": "",
    "position": "KEPALA BADAN KESATUAN BANGSA DAN POLITIK",
    "region_line": "KOTA CONTOH,",
    "name": "Dr. Contoh Pejabat, M.Si.",
    "rank": "Pembina Utama Muda (IV/c)",
    "nip": "19700101 199501 1 001",
}


def signatory_values(**overrides: str) -> dict[str, str]:
    """``SIGNATORY`` as the form hands it to ``office.update_signatory``: the NIP's 18 digits
    without spaces."""
    return {**SIGNATORY, "nip": SIGNATORY["nip"].replace(" ", ""), **overrides}
