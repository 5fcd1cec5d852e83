"""Office readiness: what the super admin still has to set before letters come out right.

The built-in settings describe the first office (Kesbangpol Provinsi Sumatera Selatan) and a
fictional signatory. Another office, or the same office on day one, must replace them; until it
does, a letter would carry an example name or another region's wording. Each check here looks at
the stored data and names the page that fixes it; the admin home shows the list. Nothing here
blocks work: ``MUST`` items make wrong or unissuable letters, ``ADVICE`` items a poorer service.
"""

from __future__ import annotations

from flask import Flask

from sisakat import formatting
from sisakat.extensions import db
from sisakat.models import Requirement, Role, Service, User
from sisakat.services import (
    catalog,
    letter_settings,
    letters,
    number_format,
    numbering,
    office,
    readiness_region,
    readiness_signing,
    requirements,
    settings,
)
from sisakat.services.readiness_item import ADVICE, MUST, Item

# The agency fields printed on the letterhead; an office that changed none of them is still
# showing the built-in example. The phone is a placeholder every office replaces, so the first
# office, whose name and address the defaults are, clears the item too.
AGENCY_KEYS = (
    "agency.government",
    "agency.short_name",
    "agency.region",
    "agency.address",
    "agency.phone",
)
# The fictional signatory's name and NIP (``flask check --deploy`` refuses them too).
SIGNATORY_EXAMPLE_KEYS = ("signatory.name", "signatory.nip")


def _is_default(key: str, values: dict) -> bool:
    return values.get(key) == settings.DEFAULTS[key]


def agency_example(values: dict) -> str | None:
    """That the letterhead is still the built-in example (no agency field changed), with its
    example name and phone; None once the office changed one. ``values``: the stored settings.
    The admin home and the approve and signing screens say it in these words."""
    if not all(_is_default(key, values) for key in AGENCY_KEYS):
        return None
    return (
        "Profil instansi dan kop surat masih contoh bawaan "
        f"({settings.DEFAULTS['agency.short_name']}, telepon {settings.DEFAULTS['agency.phone']})"
    )


def _agency(values: dict) -> list[Item]:
    items = []
    example = agency_example(values)
    if example:
        items.append(
            Item(
                MUST,
                f"{example}: periksa nama pemerintah daerah, wilayah, alamat, telepon dan kota "
                "tanggal surat, lalu simpan.",
                "admin.settings_agency",
            )
        )
    agency = {key[len("agency.") :]: v for key, v in values.items() if key.startswith("agency.")}
    for problem in office.kop_problems(agency).values():  # stored before the form's rule
        items.append(Item(MUST, problem, "admin.settings_agency"))
    if not values.get("agency.emblem_file_id"):
        items.append(
            Item(
                ADVICE,
                "Lambang daerah belum diunggah: kop surat tercetak tanpa lambang.",
                "admin.settings_agency",
            )
        )
    return items


def signatory_example(values: dict) -> str | None:
    """What of the signatory is still the fictional example, the name or the NIP, each named
    with its example value (an office that replaced one must not read the other's value as if
    its save had been lost); None when neither. ``values``: the stored settings. The admin home
    and ``flask check --deploy`` say it in these words."""
    examples = {
        "signatory.name": ("nama", settings.DEFAULTS["signatory.name"]),
        "signatory.nip": ("NIP", formatting.nip(settings.DEFAULTS["signatory.nip"])),
    }
    left = [examples[key] for key in SIGNATORY_EXAMPLE_KEYS if _is_default(key, values)]
    if not left:
        return None
    what = " dan ".join(word for word, _ in left)
    return (
        f"{what[0].upper()}{what[1:]} penandatangan masih contoh "
        f"({'; '.join(value for _, value in left)}): surat akan mencetak {what} pejabat fiktif."
    )


def letter_examples() -> list[tuple[str, str]]:
    """What a letter drawn now would print from the built-in examples, each with the settings
    page that fixes it (the agency profile, the signatory): the approve step and the signing
    desk warn with it without refusing (a demo office uses the examples on purpose). Read from
    the request's settings cache: no query once the page has read a setting."""
    values = _stored("agency", "signatory")
    agency = agency_example(values)
    found = [
        (agency and f"{agency}: kop surat akan mencetak instansi contoh.", "admin.settings_agency"),
        (signatory_example(values), "admin.settings_signatory"),
    ]
    return [(text, endpoint) for text, endpoint in found if text]


def _stored(*prefixes: str) -> dict:
    """The stored settings under ``prefixes``, keyed in full (from the request's cache)."""
    return {f"{p}.{key}": value for p in prefixes for key, value in settings.group(p).items()}


def _signatory(values: dict) -> list[Item]:
    problem = signatory_example(values)
    return [Item(MUST, problem, "admin.settings_signatory")] if problem else []


def _active_names() -> dict[str, list[str]]:
    """Each service's active requirement names, in list order."""
    names: dict[str, list[str]] = {}
    for code, name in db.session.execute(
        db.select(Requirement.service_code, Requirement.name)
        .where(Requirement.active.is_(True))
        .order_by(Requirement.sort_order, Requirement.id)
    ):
        names.setdefault(code, []).append(name)
    return names


def requirement_twins(services: list[Service], names: dict[str, list[str]] | None = None):
    """(service, what to say) for each name an active service's list holds twice (stored
    before ``requirements.save`` refused it, kept by migration b3d9e5a7c2f4): it is published
    and asked twice. The admin home and ``flask check`` say it in these words."""
    names = _active_names() if names is None else names
    return [
        (service, f"Daftar persyaratan {service.short_name or service.name} {twin}")
        for service in services
        if service.active
        for twin in _twins(names.get(service.code, []))
    ]


def _requirements(services: list[Service]) -> list[Item]:
    """An active service whose list has no active requirement is announced to the public but
    refuses every application (``applications.create``); one whose list names a document twice
    publishes and asks for it twice (``requirement_twins``)."""
    names = _active_names()
    items = []
    for service in (s for s in services if s.active):
        label, where = service.short_name or service.name, (("layanan", service.code),)
        if service.code not in names:
            items.append(Item(MUST, f"Layanan {label} {NO_REQUIREMENT}", _LIST, where))
    for service, text in requirement_twins(services, names):
        items.append(Item(ADVICE, text, _LIST, (("layanan", service.code),)))
    return items


_LIST = "admin.requirement_list"
NO_REQUIREMENT = (
    "belum punya persyaratan aktif: tampil di halaman publik, tetapi pemohon belum dapat "
    "mengajukan permohonan."
)


def _twins(names: list[str]) -> list[str]:
    """What to say of each name an active list holds twice or more."""
    seen: dict[str, str] = {}
    twins = []
    for name in names:
        key = requirements.name_key(name)
        if key in seen and seen[key] not in twins:
            twins.append(seen[key])
        seen.setdefault(key, name)
    return [
        f"menyebut {name} dua kali: tampil dua kali di halaman publik dan diminta dua kali pada "
        "permohonan baru. Nonaktifkan salah satunya."
        for name in twins
    ]


def number_format_problems(services: list[Service]) -> list[tuple[Service, str]]:
    """Each active service whose stored number format is wrong, with what to say: a part
    nobody filled in (a new service starts without its classification code; its approvals are
    refused until it is), or a format the current rule would refuse (``number_format.refusal``:
    saved before that rule, it still prints numbers). The admin home and ``flask check
    --deploy`` say it in these words."""
    if letter_settings.is_srikandi_mode():
        return []  # SRIKANDI prints the numbers
    found = []
    for service in (s for s in services if s.active):
        problem = _format_problem(number_format.service_format(service))
        if problem:
            found.append((service, f"Layanan {service.short_name or service.name}: {problem}"))
    return found


def _format_problem(fmt: dict) -> str | None:
    incomplete = number_format.incomplete_message(fmt)
    if incomplete:
        return f"{incomplete} Sampai itu, persetujuan permohonannya ditolak."
    refused = number_format.refusal(fmt)
    if refused:
        return f"format nomor yang tersimpan tidak lolos aturan sekarang. {refused}"
    return None


def _number_formats(services: list[Service]) -> list[Item]:
    return [
        Item(MUST, text, "admin.numbering_settings", (("layanan", service.code),))
        for service, text in number_format_problems(services)
    ]


def _accounts() -> list[Item]:
    roles = set(
        db.session.execute(db.select(User.role).where(User.active.is_(True)).distinct()).scalars()
    )
    missing = [
        (Role.VERIFIKATOR, "Verifikator: Super Admin sendiri yang memeriksa berkas"),
        (Role.PENANDATANGAN, "Penandatangan: Super Admin sendiri yang menandatangani surat"),
    ]
    return [
        Item(ADVICE, f"Belum ada akun {text}.", "admin.user_list")
        for role, text in missing
        if role not in roles
    ]


def _office_days(values: dict) -> list[Item]:
    """Holidays of this office year, and in December of the next one too (the office enters
    them before they are needed): without them waiting times count Lebaran as work days."""
    today = numbering.office_today()
    years = [today.year] + ([today.year + 1] if today.month == 12 else [])
    holidays = [str(day) for day in values.get("office.holidays") or []]
    return [
        Item(
            ADVICE,
            f"Hari libur tahun {year} belum diisi: waktu tunggu dan janji layanan menghitung "
            "hari libur sebagai hari kerja.",
            "admin.settings_service_hours",
        )
        for year in years
        if not any(day.startswith(f"{year}-") for day in holidays)
    ]


def _installation(app: Flask) -> list[Item]:
    items = []
    if not letters.public_base_url():
        items.append(
            Item(
                MUST,
                "Alamat publik untuk kode QR (PUBLIC_BASE_URL) belum disetel: surat tidak "
                "dapat diterbitkan. Tulis PUBLIC_BASE_URL di instance/config.py atau "
                "SISAKAT_PUBLIC_BASE_URL, lalu mulai ulang aplikasi (PANDUAN §2).",
            )
        )
    if not app.config.get("SMTP_HOST"):
        items.append(
            Item(
                ADVICE,
                "Server e-mail (SISAKAT_SMTP_HOST) belum disetel: pemberitahuan hanya tampil "
                "di aplikasi.",
            )
        )
    return items


def pending(app: Flask) -> list[Item]:
    """Everything still to do, the ``MUST`` items first (empty when the office is ready)."""
    values = _stored("agency", "signatory", "office")
    services = catalog.all_services()
    items = [
        *_installation(app),
        *_agency(values),
        *_signatory(values),
        *readiness_region.items(values, services),
        *_requirements(services),
        *_number_formats(services),
        *readiness_signing.items(app, services),
        *_accounts(),
        *_office_days(values),
    ]
    return sorted(items, key=lambda item: not item.must)
