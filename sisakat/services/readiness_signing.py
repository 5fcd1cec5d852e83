"""Office readiness of the signing paths: the trust list, an in-app path's server setting, and
a published Standar Pelayanan that promises an electronic signature the office may not give."""

from __future__ import annotations

from flask import Flask

from sisakat.models import Service
from sisakat.services import service_defaults, service_info
from sisakat.services.readiness_item import ADVICE, MUST, Item
from sisakat.services.signing import trust_admin


def _trust() -> list[Item]:
    """Electronically signed letters are validated against the trust list on every path. An
    office that accepts scans of wet signatures issues letters without it (an office without
    BSrE certificates yet), so there the list is advice; otherwise its gaps block the first
    letter, and the item names the scan option for an office without BSrE."""
    problems = trust_admin.trust_problems()
    if service_defaults.scans_allowed():
        return [
            Item(
                ADVICE,
                f"{problem} Surat pindaian tanda tangan basah tetap dapat terbit.",
                "admin.trust_settings",
            )
            for problem in problems
        ]
    hint = (
        " Kantor yang belum memakai TTE BSrE: izinkan pindaian tanda tangan basah di "
        "Cara penandatanganan."
    )
    return [
        Item(
            MUST, problem + (hint if problem == trust_admin.NO_ROOT else ""), "admin.trust_settings"
        )
        for problem in problems
    ]


def _published_standard(services: list[Service]) -> list[Item]:
    """While scans of wet signatures are allowed, a saved Standar Pelayanan that still tells
    the public its letter is signed electronically (the defaults follow the setting)."""
    if not service_defaults.scans_allowed():
        return []
    active = {service.code: service for service in services if service.active}
    return [
        Item(
            ADVICE,
            f"Standar Pelayanan layanan {service.short_name or service.name} masih menyebut "
            "surat bertanda tangan elektronik, padahal kantor menerima pindaian tanda tangan "
            "basah: sesuaikan produk pelayanan dan alurnya.",
            "admin.edit_service_standard",
            (("service_code", service.code),),
        )
        for service in map(active.get, service_info.saved_promising_electronic_only(list(active)))
    ]


def items(app: Flask, services: list[Service]) -> list[Item]:
    """The trust list, and an in-app path's certificate or service address, which live in the
    server's configuration; the published Standar Pelayanan against the scan setting."""
    from sisakat.services import letter_inapp

    items = _trust() + _published_standard(services)
    needs = {"pades": "SIGNING_P12_PATH", "bsre": "BSRE_BASE_URL"}.get(letter_inapp.backend_name())
    if needs and not app.config.get(needs):
        items.append(
            Item(
                MUST,
                f"Cara penandatanganan yang dipilih butuh SISAKAT_{needs}, yang belum disetel "
                "di server: penandatanganan dalam aplikasi gagal.",
                "signing.signing_settings",
            )
        )
    return items
