"""The satisfaction survey (SKM): the official questions, storing answers, the period report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import ELEMENT_COLUMNS, SKT_PARPOL, SurveyResponse
from sisakat.services import audit, catalog, ikm, settings

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


@dataclass(frozen=True)
class SurveyInput:
    """One respondent's answers (validated by the form)."""

    answers: tuple[int, ...]
    age_group: str = ""
    sex: str = ""
    education: str = ""
    occupation: str = ""
    suggestion: str = ""


def submit(
    data: SurveyInput, *, service_code: str = SKT_PARPOL, application_id: int | None = None
) -> SurveyResponse:
    """Store one response rating ``service_code`` (after issue: the application's service);
    one per issued application (UNIQUE backs the check)."""
    if catalog.get(service_code) is None:
        raise DomainError("Pilih layanan yang Anda gunakan.")
    if len(data.answers) != len(ELEMENT_COLUMNS) or any(
        a not in (1, 2, 3, 4) for a in data.answers
    ):
        raise DomainError("Jawab kesembilan pertanyaan.")
    if application_id is not None and has_answered(application_id):
        raise DomainError("Survei untuk permohonan ini sudah diisi. Terima kasih.")
    row = SurveyResponse(
        application_id=application_id,
        service_code=service_code,
        age_group=data.age_group,
        sex=data.sex,
        education=data.education,
        occupation=data.occupation,
        suggestion=data.suggestion,
        **dict(zip(ELEMENT_COLUMNS, data.answers, strict=True)),
    )
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError as exc:  # a second tab submitted first
        raise DomainError("Survei untuk permohonan ini sudah diisi. Terima kasih.") from exc
    audit.record(
        "survey.submit",
        actor=None,
        object_type="survey",
        object_id=row.id,
        details={"application_id": application_id, "service": service_code},
    )
    return row


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


def _utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    offset = timedelta(hours=settings.utc_offset_hours())
    return datetime.combine(start, time()) - offset, datetime.combine(
        end + timedelta(days=1), time()
    ) - offset


def report(start: date, end: date, service_code: str | None = None) -> Report:
    """NRR per element, IKM and band of the responses in [start, end] (of one service, or all),
    with the suggestions."""
    low, high = _utc_bounds(start, end)
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
    )
