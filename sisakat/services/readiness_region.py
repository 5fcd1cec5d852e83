"""Office readiness after a change of region: texts and codes still the built-in office's.

The built-in services were written for the first office (Kesbangpol Provinsi Sumatera
Selatan): their opening and tembusan name its region, and their number format prints its unit
code. An office whose region differs would print them on its letters until it rewrites them.
"""

from __future__ import annotations

from sisakat.models import Service
from sisakat.services import catalog, letter_settings, number_format, settings
from sisakat.services.readiness_item import ADVICE, MUST, Item


def items(values: dict, services: list[Service]) -> list[Item]:
    """After the region changed, texts and unit codes still word for word the built-in
    region's (``values``: the agency, signatory and office settings by dotted key)."""
    if values.get("agency.region") == settings.DEFAULTS["agency.region"]:
        return []
    region = str(values.get("agency.region") or "")
    active = [service for service in services if service.active]
    found = [_service_wording(service, region) for service in active]
    found += _unit_codes(active, region)
    if values.get("signatory.region_line") == settings.DEFAULTS["signatory.region_line"]:
        found.append(
            Item(
                MUST,
                "Baris wilayah di bawah jabatan penandatangan masih "
                f'"{settings.DEFAULTS["signatory.region_line"]}", sedangkan wilayah instansi '
                f"{region}.",
                "admin.settings_signatory",
            )
        )
    return [item for item in found if item is not None]


def _service_wording(service: Service, region: str) -> Item | None:
    """A service whose opening or tembusan is still a built-in one (the office's own services
    start from the built-in wording of their kind, ``service_config.create``)."""
    stale = [
        label
        for label, field in (("kalimat pembuka", "letter_opening"), ("tembusan", "letter_tembusan"))
        if getattr(service, field) in [_as_stored(row[field]) for row in catalog.BUILT_IN]
    ]
    if not stale:
        return None
    return Item(
        MUST,
        f"Isi surat layanan {service.short_name or service.name}: {' dan '.join(stale)} masih "
        f"bawaan untuk {settings.DEFAULTS['agency.short_name']}, sedangkan wilayah instansi "
        f"{region}.",
        "admin.letter_settings_edit",
        (("layanan", service.code),),
    )


def _as_stored(value):
    """A built-in value as the service row hands it back (tembusan: a list)."""
    return list(value) if isinstance(value, (list, tuple)) else value


def _unit_codes(services: list[Service], region: str) -> list[Item]:
    """A service whose number format prints the built-in office's unit code: its letter
    numbers would carry another office's code (SISAKAT numbering only; SRIKANDI prints its
    own numbers). Advice, not a must: many Kesbangpol write the same BAN.KBP, and an office
    whose code it is cannot clear a must."""
    if letter_settings.is_srikandi_mode():
        return []
    built_in = {row["number_unit"] for row in catalog.BUILT_IN}
    return [
        Item(
            ADVICE,
            f"Format nomor layanan {service.short_name or service.name} masih memakai kode unit "
            f"bawaan {service.number_unit} milik {settings.DEFAULTS['agency.short_name']}, "
            f"sedangkan wilayah instansi {region}: isi kode unit kantor ini bila berbeda.",
            "admin.numbering_settings",
            (("layanan", service.code),),
        )
        for service in services
        if service.number_unit in built_in
        and "{unit}" in number_format.service_format(service)["template"]
    ]
