"""The super admin configures services (services as data): create one, change its settings.

Applications in progress are never disturbed by a change: their requirement list is a snapshot
(``application_requirements``), a prepared letter keeps its frozen wording and number
(``letters.context_json``), and deactivating a service only hides it from the public pages and
from new applications. Every change is audited; a change made by someone else since the page
was loaded is refused (optimistic locking on ``Service.version``).
"""

from __future__ import annotations

from typing import Any

from sisakat.exceptions import DomainError, StaleApplication
from sisakat.extensions import db
from sisakat.models import ApplicantKind, Service, User
from sisakat.services import audit, catalog, concurrency, number_format

CODE_RULE = "Kode layanan 2-32 karakter: huruf kecil, angka atau garis bawah, diawali huruf."
SERIES_RULE = "Seri nomor 2-32 karakter: huruf kecil, angka atau garis bawah, diawali huruf."
MAX_SLA_MINUTES = 60 * 8 * 60  # 60 working days of 8 hours
MAX_PADDING = 6
# Columns the admin may change, with their maximum length (text) or None (other types).
FIELDS: dict[str, int | None] = {
    "name": 200,
    "short_name": 60,
    "active": None,
    "sort_order": None,
    "sla_minutes": None,
    "letter_title": 200,
    "letter_opening": 1000,
    "letter_statement": 500,
    "letter_closing": 500,
    "letter_tembusan": None,
    "number_template": 120,
    "number_kode": 40,
    "number_unit": 40,
    "number_padding": None,
}
# A new service starts from the built-in service of the same applicant kind.
TEMPLATE_OF = {ApplicantKind.PARPOL: "skt_parpol", ApplicantKind.ORMAS: "lapor_ormas"}


NUMBER_FORMAT = {
    "number_template": "template",
    "number_kode": "kode",
    "number_unit": "unit",
    "number_padding": "padding",
}


def _check(values: dict[str, Any], current: Service | None = None) -> dict[str, Any]:
    """Validated, normalised values (raises DomainError with an Indonesian message); the number
    format is checked whole, ``current``'s parts filling in those not changed."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise KeyError(f"unknown service fields: {sorted(unknown)}")
    out = dict(values)
    for key, limit in FIELDS.items():
        if key in out and limit is not None:
            out[key] = str(out[key] or "").strip()
            if len(out[key]) > limit:
                raise DomainError(f"Isian terlalu panjang (paling banyak {limit} karakter).")
    if "name" in out and not out["name"]:
        raise DomainError("Nama layanan wajib diisi.")
    if "letter_title" in out and not out["letter_title"]:
        raise DomainError("Judul surat wajib diisi.")
    if "letter_tembusan" in out:
        out["letter_tembusan"] = [
            line.strip() for line in out["letter_tembusan"] or [] if line and line.strip()
        ]
    if "sla_minutes" in out and not 1 <= int(out["sla_minutes"]) <= MAX_SLA_MINUTES:
        raise DomainError("Janji layanan harus antara 1 menit dan 480 jam kerja.")
    if "number_padding" in out and not 0 <= int(out["number_padding"]) <= MAX_PADDING:
        raise DomainError("Jumlah digit nomor urut harus antara 0 dan 6.")
    if NUMBER_FORMAT.keys() & out.keys():
        fmt = number_format.service_format(current) if current is not None else {}
        fmt.update({part: out[key] for key, part in NUMBER_FORMAT.items() if key in out})
        number_format.validate_format(fmt, complete=current is not None)
        if current is not None:
            _refuse_alike(fmt, current)
    return out


def _refuse_alike(fmt: dict, current: Service) -> None:
    """Refuse a format printing the numbers of a service in another series (its own serial):
    both would print "200.1.5.3/1/BAN.KBP/2026", and the register refuses the second one."""
    if number_format.incomplete_message(fmt):
        return
    for other in catalog.all_services():
        if other.number_series == current.number_series:
            continue  # one serial: the same format prints different numbers
        theirs = number_format.service_format(other)
        alike = not number_format.incomplete_message(theirs) and number_format.prints_alike(
            fmt, theirs
        )
        if alike:
            raise number_format.NumberTemplateError(
                f"Format nomor ini mencetak nomor yang sama dengan layanan {other.name}, yang "
                f"memakai seri nomor lain dengan nomor urutnya sendiri (misalnya {alike}): "
                "nomor surat kedua layanan akan berbenturan. Bedakan kode klasifikasi, kode "
                "unit atau format nomornya."
            )


def update(
    service: Service, values: dict[str, Any], *, seen_version: int | None, actor: User | None
) -> list[str]:
    """Change some of ``FIELDS`` (flushes; audited); returns the columns that changed.

    ``seen_version`` is the version the admin's page showed: a different one means someone else
    saved in between, and nothing is stored."""
    concurrency.check_version(
        seen_version, service, lambda: stale_message(service), StaleApplication
    )
    values = _check(values, service)
    changed = [key for key, value in values.items() if getattr(service, key) != value]
    for key in changed:
        setattr(service, key, values[key])
    if not changed:
        return []
    concurrency.flush_versioned(lambda: stale_message(service), StaleApplication)
    audit.record(
        "service.update",
        actor=actor,
        object_type="service",
        object_id=service.code,
        details={"fields": changed},
    )
    return changed


def stale_message(service: Service) -> str:
    """A save from a page showing an older version of ``service``: who saved it last, when."""
    who, when = concurrency.last_audited(
        "service", service.code, ("service.create", "service.update")
    )
    return concurrency.changed_message(who, when, subject="Layanan ini sudah diubah")


def _check_new_code(code: str, series: str) -> None:
    """A new service's code and series are well-formed and its code is not taken."""
    if not catalog.is_code(code):
        raise DomainError(CODE_RULE, field="code")
    if not catalog.is_code(series):
        raise DomainError(SERIES_RULE, field="number_series")
    if catalog.get(code) is not None:
        raise DomainError(f"Kode layanan {code} sudah dipakai.", field="code")


def _starting_values(
    applicant_kind: ApplicantKind, *, name: str, short_name: str, sla_minutes: int
) -> dict:
    """A new service's checked fields: the names and SLA given, the letter wording and number
    format of the built-in service of its applicant kind (titled by its own name)."""
    base = catalog.built_in(TEMPLATE_OF[applicant_kind])
    return _check(
        {
            "name": name,
            "short_name": short_name,
            "sla_minutes": sla_minutes,
            "letter_title": (name or "").strip().upper()[:200] or base["letter_title"],
            "letter_opening": base["letter_opening"],
            "letter_statement": base["letter_statement"],
            "letter_closing": base["letter_closing"],
            "letter_tembusan": list(base["letter_tembusan"]),
            "number_template": base["number_template"],
            "number_kode": "",
            "number_unit": base["number_unit"],
            "number_padding": 0,
        }
    )


def _next_sort_order() -> int:
    """A new service goes last in display order."""
    last = db.session.execute(db.select(db.func.max(Service.sort_order))).scalar() or 0
    return last + 10


def create(
    *,
    code: str,
    name: str,
    short_name: str,
    applicant_kind: ApplicantKind,
    number_series: str = "",
    sla_minutes: int,
    actor: User | None,
) -> Service:
    """A new, active service of ``applicant_kind`` with an empty requirement list; its letter
    wording and number format start from the built-in service of the same kind (the admin edits
    them next). ``number_series`` defaults to the code; naming another service's series shares
    that series' counter."""
    code = (code or "").strip()
    series = (number_series or "").strip() or code
    _check_new_code(code, series)
    values = _starting_values(
        applicant_kind, name=name, short_name=short_name, sla_minutes=sla_minutes
    )
    tembusan = values.pop("letter_tembusan")
    service = Service(
        code=code,
        applicant_kind=applicant_kind,
        number_series=series,
        active=True,
        sort_order=_next_sort_order(),
        **values,
    )
    service.letter_tembusan = tembusan
    db.session.add(service)
    db.session.flush()
    audit.record(
        "service.create",
        actor=actor,
        object_type="service",
        object_id=code,
        details={"kind": applicant_kind.value, "series": series},
    )
    return service


def sharing_series(service: Service) -> list[Service]:
    """The other services numbering in ``service``'s series (they share its counter)."""
    return [
        s
        for s in catalog.all_services()
        if s.number_series == service.number_series and s.id != service.id
    ]
