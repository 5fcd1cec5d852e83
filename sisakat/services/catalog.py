"""The services the office offers (services as data): lookups and the built-in defaults.

Every other module asks this one for a service (name, applicant kind, letter wording, number
series, SLA) by its code. The built-in rows are created by the migration that introduced the
table and again, when missing, by ``ensure_defaults`` (``flask init-data``).
"""

from __future__ import annotations

import re

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.models import ORMAS_LAPOR, SKT_PARPOL, ApplicantKind, Service

# A service code or number series: what URLs, forms and the admin may carry.
CODE_RE = re.compile(r"[a-z][a-z0-9_]{1,31}")
CLOSING = "Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya."
# DOMAIN.md: an ormas has 15 working days to complete what the office returned (the legal rhythm
# of presence reports); parties have no such period.
REPAIR_WORKING_DAYS = {ApplicantKind.ORMAS: 15}
BUILT_IN: tuple[dict, ...] = (
    {
        "code": SKT_PARPOL,
        "name": "Surat Keterangan Terdaftar (SKT) Partai Politik",
        "short_name": "SKT Partai Politik",
        "applicant_kind": ApplicantKind.PARPOL,
        "sort_order": 10,
        "sla_minutes": 60,
        "letter_title": "SURAT KETERANGAN TERDAFTAR",
        "letter_opening": (
            "Kepala Badan Kesatuan Bangsa dan Politik Provinsi Sumatera Selatan dengan ini "
            "menerangkan bahwa kepengurusan partai politik sebagaimana tercantum di bawah ini "
            "adalah benar telah dilaporkan kepada kami oleh:"
        ),
        "letter_statement": (
            "Surat Pernyataan pengurus bahwa tidak merangkap sebagai anggota partai politik lain."
        ),
        "letter_closing": CLOSING,
        "letter_tembusan": [
            "Gubernur Sumatera Selatan (sebagai laporan)",
            "Dewan Pimpinan Pusat partai yang bersangkutan",
            "Ketua KPU Provinsi Sumatera Selatan",
            "Ketua Bawaslu Provinsi Sumatera Selatan",
        ],
        "number_series": "skt",
        "number_template": "{kode}/{nomor}/{unit}/{tahun}",
        "number_kode": "200.1.5.3",
        "number_unit": "BAN.KBP",
        "number_padding": 0,
    },
    {
        "code": ORMAS_LAPOR,
        "name": "Surat Keterangan Melapor Keberadaan Organisasi Kemasyarakatan (Ormas)",
        "short_name": "Laporan Keberadaan Ormas",
        "applicant_kind": ApplicantKind.ORMAS,
        "sort_order": 20,
        "sla_minutes": 15 * 8 * 60,  # DOMAIN.md: 15 working days to verify (8-hour days)
        "letter_title": "SURAT KETERANGAN MELAPOR",
        "letter_opening": (
            "Kepala Badan Kesatuan Bangsa dan Politik Provinsi Sumatera Selatan dengan ini "
            "menerangkan bahwa organisasi kemasyarakatan sebagaimana tercantum di bawah ini "
            "telah melaporkan keberadaannya kepada kami:"
        ),
        # The numbered last line is a statement the ormas reports, as a party's is; that the
        # letter is neither a licence nor a legal-entity approval closes the letter.
        "letter_statement": (
            "Surat pernyataan pengurus bahwa organisasi tidak dalam sengketa kepengurusan dan "
            "bersedia melaporkan kegiatannya."
        ),
        "letter_closing": (
            "Surat keterangan ini bukan izin dan bukan pengesahan badan hukum. Organisasi "
            "kemasyarakatan wajib melaporkan kegiatan dan perubahan kepengurusannya. " + CLOSING
        ),
        "letter_tembusan": [
            "Gubernur Sumatera Selatan (sebagai laporan)",
            "Direktur Jenderal Politik dan Pemerintahan Umum Kementerian Dalam Negeri",
        ],
        "number_series": "ormas",
        "number_template": "{kode}/{nomor}/{unit}/{tahun}",
        "number_kode": "200.1.4.4",
        "number_unit": "BAN.KBP",
        "number_padding": 0,
    },
)


def get(code: str | None) -> Service | None:
    """The service with this code (active or not), or None (also for a malformed code, which
    never reaches the database: a NUL byte there is an error on PostgreSQL)."""
    if not code or not is_code(code):
        return None
    return db.session.execute(db.select(Service).filter_by(code=code)).scalar()


def is_code(text: str) -> bool:
    """True for a well-formed service code or series name."""
    return CODE_RE.fullmatch(text) is not None


# Built once: the staff queue reads the catalogue on every request, and building the SELECT
# (and its cache key) costs more Python than running it. Each call still reads the table.
_ALL_SERVICES = db.select(Service).order_by(Service.sort_order, Service.id)
_ACTIVE_SERVICES = _ALL_SERVICES.where(Service.active.is_(True))


def all_services(*, active_only: bool = False) -> list[Service]:
    """Every service in display order, read from the table at each call (no cache: an admin's
    change in another process is seen by the next request)."""
    query = _ACTIVE_SERVICES if active_only else _ALL_SERVICES
    return list(db.session.execute(query).scalars())


def for_kind(
    kind: ApplicantKind, *, active_only: bool = True, among: list[Service] | None = None
) -> list[Service]:
    """The services an applicant of ``kind`` may apply for, in display order; ``among``: the
    catalogue the caller already loaded (read here otherwise)."""
    services = all_services(active_only=active_only) if among is None else among
    return [s for s in services if s.applicant_kind == kind and (s.active or not active_only)]


def by_series(series: str) -> Service | None:
    """The first service numbering in ``series`` (its format is the series' format)."""
    if not series or not is_code(series):
        return None
    query = db.select(Service).filter_by(number_series=series).order_by(Service.sort_order)
    return db.session.execute(query.limit(1)).scalar()


def ensure_defaults() -> int:
    """Create the built-in services that are missing (idempotent); returns rows added."""
    have = set(db.session.execute(db.select(Service.code)).scalars())
    added = 0
    for spec in BUILT_IN:
        if spec["code"] in have:
            continue
        values = dict(spec)
        tembusan = values.pop("letter_tembusan")
        service = Service(**values)
        service.letter_tembusan = tembusan
        db.session.add(service)
        added += 1
    db.session.flush()
    return added


def letter_wording(service: Service | dict) -> dict:
    """The service's letter group (title, opening, statement, closing, tembusan) as
    ``letter_context.build_context`` reads it; ``service`` may be a row or a ``BUILT_IN`` spec."""
    if isinstance(service, dict):
        return {
            "title": service["letter_title"],
            "opening": service["letter_opening"],
            "statement": service["letter_statement"],
            "closing": service["letter_closing"],
            "tembusan": list(service["letter_tembusan"]),
        }
    return {
        "title": service.letter_title,
        "opening": service.letter_opening,
        "statement": service.letter_statement,
        "closing": service.letter_closing,
        "tembusan": service.letter_tembusan,
    }


def built_in(code: str) -> dict:
    """The built-in default values of ``code`` (pure data, no database)."""
    return next(spec for spec in BUILT_IN if spec["code"] == code)


def require(code: str | None) -> Service:
    """The service of an application; a missing row is a configuration error, said plainly."""
    service = get(code)
    if service is None:
        raise GuardFailed(f"Layanan {code} tidak ditemukan. Hubungi admin.")
    return service


def repair_working_days(service_code: str) -> int | None:
    """Working days the applicant has to complete a returned application, or None."""
    service = get(service_code)
    return REPAIR_WORKING_DAYS.get(service.applicant_kind) if service else None
