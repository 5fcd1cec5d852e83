"""The live requirement list of a service (super admin edits it) and its defaults."""

from __future__ import annotations

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.models import ORMAS_LAPOR, SKT_PARPOL, ReasonTemplate, Requirement, User
from sisakat.services import audit, catalog, concurrency

# DOMAIN.md "Requirement documents": (name, help text, required, personal data)
DEFAULTS: tuple[tuple[str, str, bool, bool], ...] = (
    (
        "Surat permohonan",
        "Di atas kop partai, ditandatangani ketua dan sekretaris, ditujukan kepada Gubernur/"
        "Bupati/Wali Kota c.q. Kepala Badan Kesbangpol.",
        True,
        False,
    ),
    ("SK kepengurusan dari DPP", "SK DPP tentang susunan pengurus ini, dilegalisir.", True, False),
    ("AD/ART partai dan SK Kemenkumham", "AD/ART dan SK badan hukum partai.", True, False),
    (
        "Surat keterangan domisili sekretariat",
        "Dari lurah/camat, bukti penguasaan kantor, dan foto depan kantor dengan papan nama.",
        True,
        False,
    ),
    ("KTP ketua, sekretaris dan bendahara", "Pindaian KTP yang terbaca jelas.", True, True),
    (
        "Surat pernyataan tidak merangkap",
        "Pengurus tidak merangkap sebagai anggota partai politik lain.",
        True,
        False,
    ),
    (
        "Bukti keterwakilan perempuan 30%",
        "Susunan pengurus yang menunjukkan paling sedikit 30% perempuan, bila ada.",
        False,
        False,
    ),
    ("NPWP kepengurusan", "Kartu NPWP atas nama kepengurusan, bila ada.", False, False),
    (
        "Rekening bank atas nama kepengurusan",
        "Halaman depan buku tabungan atau surat keterangan bank, bila ada.",
        False,
        False,
    ),
)

# DOMAIN.md, presence report of an ormas (laporan keberadaan)
ORMAS_DEFAULTS: tuple[tuple[str, str, bool, bool], ...] = (
    (
        "Surat permohonan",
        "Ditandatangani ketua dan sekretaris, ditujukan kepada Kepala Badan Kesbangpol.",
        True,
        False,
    ),
    (
        "Akta notaris pendirian beserta AD/ART",
        "Salinan akta notaris yang memuat AD/ART.",
        True,
        False,
    ),
    ("Program kerja", "Program kerja organisasi untuk masa bakti berjalan.", True, False),
    ("SK susunan pengurus", "Surat keputusan tentang susunan pengurus.", True, False),
    ("Surat keterangan domisili", "Dari lurah setempat.", True, False),
    ("NPWP organisasi", "", True, False),
    ("Surat pernyataan tidak dalam sengketa kepengurusan", "", True, False),
    ("Surat pernyataan bersedia melaporkan kegiatan", "", True, False),
    (
        "Formulir isian data ormas",
        "Formulir data organisasi dari Kesbangpol, diisi dan ditandatangani ketua dan sekretaris.",
        True,
        False,
    ),
    (
        "SK Kemenkumham atau SKT Kemendagri",
        "SK badan hukum dari Kemenkumham, atau SKT dari Kemendagri bagi ormas tidak berbadan "
        "hukum.",
        True,
        False,
    ),
    (
        "KTP, biodata dan pas foto ketua, sekretaris dan bendahara",
        "Pindaian KTP yang terbaca jelas, biodata dan pas foto.",
        True,
        True,
    ),
    ("Surat pernyataan tidak berafiliasi dengan partai politik", "", True, False),
    (
        "Surat pernyataan nama, lambang dan bendera bukan milik pihak lain",
        "",
        True,
        False,
    ),
    ("Surat persetujuan pejabat yang tercantum dalam kepengurusan", "Bila ada.", False, False),
    (
        "Bukti penguasaan kantor dan foto depan kantor",
        "Bukti kepemilikan atau sewa, dan foto kantor dengan papan nama.",
        True,
        False,
    ),
    (
        "Rekomendasi Kementerian Agama atau dinas kebudayaan",
        "Untuk ormas keagamaan (Kementerian Agama) atau ormas penghayat kepercayaan (dinas "
        "kebudayaan).",
        False,
        False,
    ),
)
DEFAULTS_BY_SERVICE = {SKT_PARPOL: DEFAULTS, ORMAS_LAPOR: ORMAS_DEFAULTS}

DEFAULT_REASONS = (
    "Belum dilegalisir",
    "Masa bakti SK sudah habis",
    "Dokumen tidak terbaca",
    "Tanda tangan ketua/sekretaris tidak lengkap",
    "Dokumen bukan untuk kepengurusan ini",
)


def active_list(service_code: str = SKT_PARPOL) -> list[Requirement]:
    """The active requirements of a service, in order."""
    query = (
        db.select(Requirement)
        .where(Requirement.service_code == service_code, Requirement.active.is_(True))
        .order_by(Requirement.sort_order, Requirement.id)
    )
    return list(db.session.execute(query).scalars())


def all_requirements(service_code: str = SKT_PARPOL) -> list[Requirement]:
    """Every requirement of a service (active or not), in order."""
    query = (
        db.select(Requirement)
        .where(Requirement.service_code == service_code)
        .order_by(Requirement.sort_order, Requirement.id)
    )
    return list(db.session.execute(query).scalars())


def ensure_defaults() -> int:
    """Seed the built-in services, their default lists and the reason catalogue when empty
    (idempotent); returns rows added."""
    added = catalog.ensure_defaults()
    for code, defaults in DEFAULTS_BY_SERVICE.items():
        if all_requirements(code):
            continue
        for i, (name, description, required, personal) in enumerate(defaults, start=1):
            db.session.add(
                Requirement(
                    service_code=code,
                    name=name,
                    description=description,
                    required=required,
                    personal_data=personal,
                    sort_order=i * 10,
                )
            )
            added += 1
    if db.session.execute(db.select(ReasonTemplate.id).limit(1)).first() is None:
        for i, text in enumerate(DEFAULT_REASONS, start=1):
            db.session.add(ReasonTemplate(text=text, sort_order=i * 10))
            added += 1
    db.session.flush()
    return added


EDITABLE = ("name", "description", "required", "personal_data", "sort_order", "active")


def seen_token(requirement: Requirement) -> str:
    """The digest of the requirement's editable values an edit page carries (``concurrency``)."""
    return concurrency.row_token(requirement, EDITABLE)


def save(
    requirement: Requirement | None,
    values: dict,
    *,
    actor: User,
    service_code: str = SKT_PARPOL,
    seen: str | None = None,
) -> Requirement:
    """Create (``requirement`` None, in ``service_code``'s list) or update one requirement;
    audited. ``seen``: the edit page's digest; refused when the requirement changed since."""
    if requirement is not None:
        concurrency.check_row(seen, requirement, EDITABLE, object_type="requirement")
    if requirement is None:
        requirement = Requirement(service_code=service_code)
        db.session.add(requirement)
    for key in EDITABLE:
        if key in values:
            setattr(requirement, key, values[key])
    _refuse_same_name(requirement)
    db.session.flush()
    audit.record(
        "requirement.save",
        actor=actor,
        object_type="requirement",
        object_id=requirement.id,
        details={
            "name": requirement.name,
            "active": requirement.active,
            "service": requirement.service_code,
        },
    )
    return requirement


def name_key(name: str) -> str:
    """A requirement name as the one-name-per-list rule compares it (any case, any spacing)."""
    return " ".join((name or "").split()).casefold()


def _refuse_same_name(requirement: Requirement) -> None:
    """An active requirement may not share its name (any case, any spacing) with another active
    one of its service: the public page and every new application would list it twice."""
    if not requirement.active:
        return
    key = name_key(requirement.name)
    for other in active_list(requirement.service_code):
        if other is not requirement and name_key(other.name) == key:
            raise GuardFailed(
                "Nama persyaratan ini sudah ada di daftar layanan ini. Ubah persyaratan yang "
                "sudah ada, atau beri nama lain.",
                field="name",
            )


def move(requirement: Requirement, direction: int, *, actor: User) -> None:
    """Swap a requirement with its neighbour above (-1) or below (+1) in the list."""
    items = all_requirements(requirement.service_code)
    index = items.index(requirement)
    other = index + (1 if direction > 0 else -1)
    if not 0 <= other < len(items):
        raise GuardFailed("Persyaratan sudah berada di ujung daftar.")
    for position, item in enumerate(items, start=1):
        item.sort_order = position * 10
    items[index].sort_order, items[other].sort_order = (
        items[other].sort_order,
        items[index].sort_order,
    )
    db.session.flush()
    audit.record(
        "requirement.move",
        actor=actor,
        object_type="requirement",
        object_id=requirement.id,
        details={"direction": direction},
    )


def reasons(*, active_only: bool = True) -> list[ReasonTemplate]:
    """The reason catalogue, in order."""
    query = db.select(ReasonTemplate).order_by(ReasonTemplate.sort_order, ReasonTemplate.id)
    if active_only:
        query = query.where(ReasonTemplate.active.is_(True))
    return list(db.session.execute(query).scalars())


REASON_EDITABLE = ("text", "active")


def reason_token(reason: ReasonTemplate) -> str:
    """The digest of the reason's values its edit page carries (``concurrency``)."""
    return concurrency.row_token(reason, REASON_EDITABLE)


def save_reason(
    reason: ReasonTemplate | None, *, text: str, active: bool, actor: User, seen: str | None = None
):
    """Create or update a catalogue reason; a duplicate text is refused. ``seen``: the edit
    page's digest; refused when the reason changed since."""
    if reason is not None:
        concurrency.check_row(seen, reason, REASON_EDITABLE, object_type="reason_template")
    clash = db.session.execute(
        db.select(ReasonTemplate.id).where(ReasonTemplate.text == text)
    ).scalar()
    if clash is not None and (reason is None or clash != reason.id):
        raise GuardFailed("Alasan tersebut sudah ada di katalog.")
    if reason is None:
        last = db.session.execute(db.select(db.func.max(ReasonTemplate.sort_order))).scalar()
        reason = ReasonTemplate(sort_order=(last or 0) + 10)
        db.session.add(reason)
    reason.text, reason.active = text, active
    db.session.flush()
    audit.record(
        "reason.save",
        actor=actor,
        object_type="reason_template",
        object_id=reason.id,
        details={"text": text, "active": active},
    )
    return reason
