"""The satisfaction survey (SKM): the official questions, storing answers, the period report."""

from __future__ import annotations

import re
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import ELEMENT_COLUMNS, SKT_PARPOL, SurveyResponse
from sisakat.services import audit, catalog, clock, ikm, settings

# PermenPANRB 14/2017 questions; answers 1-4 with the official wording per element.
QUESTIONS = (
    (
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
        "pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    (
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    (
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    (
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    (
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum "
        "dalam standar pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    (
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    (
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan "
        "dan keramahan?",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
    ),
    (
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
    ),
    (
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
)
AGE_GROUPS = ("< 25 tahun", "25-34 tahun", "35-44 tahun", "45-54 tahun", ">= 55 tahun")
SEXES = ("Laki-laki", "Perempuan")
EDUCATIONS = ("SD", "SMP", "SMA/SMK", "D1-D3", "D4/S1", "S2", "S3")
OCCUPATIONS = (
    "PNS/TNI/Polri",
    "Pegawai swasta",
    "Wiraswasta",
    "Pengurus partai/ormas",
    "Pelajar/mahasiswa",
    "Lainnya",
)

# The respondent profile the SKM report carries (PermenPANRB 14/2017): heading, the stored
# column, and the choices the form offers.
PROFILE = (
    ("Usia", "age_group", AGE_GROUPS),
    ("Jenis kelamin", "sex", SEXES),
    ("Pendidikan", "education", EDUCATIONS),
    ("Pekerjaan", "occupation", OCCUPATIONS),
)
NOT_GIVEN = "Tidak diisi"


ALREADY_ANSWERED = "Survei untuk permohonan ini sudah diisi. Terima kasih."
# A form key as ``new_form_key`` makes it: 24 random bytes, URL-safe base64 (32 characters).
_FORM_KEY = re.compile(r"[A-Za-z0-9_-]{32}")


def new_form_key() -> str:
    """The one-time key of a freshly rendered survey form (a hidden field)."""
    return secrets.token_urlsafe(24)


def usable_form_key(value: str | None) -> str:
    """The key a sent form carried, or a fresh one when it carried none or not one of ours (a
    page from before keys existed, a forged value): such a send counts as a fresh answer.
    Refusing it would stop no one (anyone can make a well-formed key; the address's rate limit
    is what bounds answers) and would make a respondent with an old page send again."""
    return value if isinstance(value, str) and _FORM_KEY.fullmatch(value) else new_form_key()


@dataclass(frozen=True)
class SurveyInput:
    """One respondent's answers (validated by the form) and the key of the form they came in."""

    answers: tuple[int, ...]
    age_group: str = ""
    sex: str = ""
    education: str = ""
    occupation: str = ""
    suggestion: str = ""
    form_key: str | None = None


def received(form_key: str | None, *, locked: bool = False) -> SurveyResponse | None:
    """The answer already stored from the form carrying ``form_key`` (a second send), or None.
    ``locked``: read the latest committed row (after losing the race on the key, MariaDB's
    plain read may still see the transaction's older snapshot)."""
    if not form_key:
        return None
    query = db.select(SurveyResponse).where(SurveyResponse.form_key == form_key)
    return db.session.execute(query.with_for_update() if locked else query).scalar_one_or_none()


def submit(
    data: SurveyInput, *, service_code: str = SKT_PARPOL, application_id: int | None = None
) -> SurveyResponse:
    """Store one response rating ``service_code`` (after issue: the application's service);
    one per issued application (UNIQUE backs the check). A form sent again (its ``form_key``
    stored already, found by the UNIQUE key even when both sends arrive at once) gets the first
    answer back: nothing stored, nothing audited."""
    if catalog.get(service_code) is None:
        raise DomainError("Pilih layanan yang Anda gunakan.")
    if len(data.answers) != len(ELEMENT_COLUMNS) or any(
        a not in (1, 2, 3, 4) for a in data.answers
    ):
        raise DomainError("Jawab kesembilan pertanyaan.")
    if application_id is not None and has_answered(application_id):
        raise DomainError(ALREADY_ANSWERED)
    row = _response(data, service_code=service_code, application_id=application_id)
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError as exc:  # this form sent before, or a second tab submitted first
        earlier = received(data.form_key, locked=True)
        if earlier is not None:
            return earlier
        raise DomainError(ALREADY_ANSWERED) from exc
    audit.record(
        "survey.submit",
        actor=None,
        object_type="survey",
        object_id=row.id,
        details={"application_id": application_id, "service": service_code},
    )
    return row


def _response(data: SurveyInput, *, service_code: str, application_id: int | None):
    """The row ``submit`` stores."""
    return SurveyResponse(
        application_id=application_id,
        service_code=service_code,
        age_group=data.age_group,
        sex=data.sex,
        education=data.education,
        occupation=data.occupation,
        suggestion=data.suggestion,
        form_key=data.form_key,
        **dict(zip(ELEMENT_COLUMNS, data.answers, strict=True)),
    )


def answered(application_ids: list[int]) -> set[int]:
    """The applications among ``application_ids`` that already have their response (one query)."""
    if not application_ids:
        return set()
    query = db.select(SurveyResponse.application_id).where(
        SurveyResponse.application_id.in_(application_ids)
    )
    return set(db.session.execute(query).scalars())


def has_answered(application_id: int) -> bool:
    """True when the application already has its response."""
    return (
        db.session.execute(
            db.select(SurveyResponse.id).where(SurveyResponse.application_id == application_id)
        ).first()
        is not None
    )


@dataclass(frozen=True)
class Report:
    """The IKM report of one period (dates in the office time zone, inclusive)."""

    start: date
    end: date
    result: ikm.IkmResult
    suggestions: list[tuple[datetime, str]]
    unit: str
    service_code: str | None = None
    service_name: str = "Semua layanan"
    # Per PROFILE heading, (choice, respondents) in the form's order, then NOT_GIVEN.
    profile: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = ()


def respondent_profile(rows) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """How many respondents chose each answer of the optional questions; an empty answer (or
    one no longer offered) counts as NOT_GIVEN, so each heading adds up to the respondents."""
    out = []
    for heading, column, choices in PROFILE:
        counts = Counter(getattr(r, column) or "" for r in rows)
        given = tuple((choice, counts.pop(choice, 0)) for choice in choices)
        out.append((heading, (*given, (NOT_GIVEN, sum(counts.values())))))
    return tuple(out)


def report(start: date, end: date, service_code: str | None = None) -> Report:
    """NRR per element, IKM and band of the responses in [start, end] (of one service, or all),
    with the suggestions."""
    low, high = clock.office_days_utc(start, end, settings.utc_offset_hours())
    query = db.select(SurveyResponse).where(
        sa.and_(SurveyResponse.created_at >= low, SurveyResponse.created_at < high)
    )
    if service_code:
        query = query.where(SurveyResponse.service_code == service_code)
    rows = list(db.session.execute(query.order_by(SurveyResponse.created_at)).scalars())
    service = catalog.get(service_code) if service_code else None
    return Report(
        start=start,
        end=end,
        result=ikm.compute(r.answers() for r in rows),
        suggestions=[(r.created_at, r.suggestion) for r in rows if r.suggestion],
        unit=settings.get("agency.short_name"),
        service_code=service.code if service else None,
        service_name=service.name if service else "Semua layanan",
        profile=respondent_profile(rows),
    )
