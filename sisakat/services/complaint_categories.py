"""Complaint categories and their time limits: the defaults the public form offers until the
office stores its own, the choice a complaint names, and the admin's edits (audited)."""

from __future__ import annotations

from sqlalchemy import Select
from sqlalchemy.exc import IntegrityError

from sisakat.converters import parse_int
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import ComplaintCategory, User
from sisakat.services import audit, concurrency

# Service-neutral: one office serves party boards (SKT) and ormas (Surat Keterangan Melapor).
DEFAULT_CATEGORIES = (
    ("Pelayanan permohonan", 5),
    ("Sistem/aplikasi", 3),
    ("Saran dan masukan", 14),
)


def categories(*, include_inactive: bool = False) -> list[ComplaintCategory]:
    """Categories in order; the defaults are shown until the admin saves some."""
    query = db.select(ComplaintCategory).order_by(
        ComplaintCategory.sort_order, ComplaintCategory.id
    )
    if not include_inactive:
        query = query.where(ComplaintCategory.active.is_(True))
    return list(db.session.execute(query).scalars())


def category_choices() -> list[tuple[str, str]]:
    """Choices for the public form; the defaults (``d<i>``) until any category is stored."""
    rows = categories()
    if rows or db.session.execute(db.select(ComplaintCategory.id).limit(1)).first():
        return [(str(c.id), c.name) for c in rows]
    return [(f"d{i}", name) for i, (name, _days) in enumerate(DEFAULT_CATEGORIES)]


def resolve(choice: str) -> ComplaintCategory | None:
    """The chosen category; a default choice stores the defaults first (GET never writes)."""
    category_id = parse_int(choice, low=1)
    if category_id is not None:
        category = db.session.get(ComplaintCategory, category_id)
        return category if category is not None and category.active else None
    index = parse_int(choice[1:], high=len(DEFAULT_CATEGORIES) - 1)
    if not choice.startswith("d") or index is None:
        return None
    store_defaults_if_none()  # the form offered the defaults; someone may have stored them
    named = db.select(ComplaintCategory).where(
        ComplaintCategory.name == DEFAULT_CATEGORIES[index][0], ComplaintCategory.active.is_(True)
    )
    return db.session.execute(_as_committed(named)).scalar_one_or_none()


def _as_committed(query: Select) -> Select:
    """``query`` as a locking read (``FOR SHARE``), which sees the rows committed by now: on
    MariaDB a plain read keeps the snapshot of the transaction's first read, which lacks the
    defaults another first complaint stored meanwhile (SQLite ignores the lock)."""
    return query.with_for_update(read=True)


def store_defaults_if_none() -> bool:
    """Store the default categories while none is stored (the public form offers them until
    then); True when it stored them. The first complaint and the admin's first own category
    both store them, so adding a category never makes the defaults vanish.

    Two first complaints at once on PostgreSQL or MariaDB both find none; the second INSERT
    waits for the first transaction, then fails on the unique name. Only its savepoint is
    undone, and when the other's defaults are there now it goes on with them; any other
    IntegrityError is raised as before."""
    any_stored = db.select(ComplaintCategory.id).limit(1)
    if db.session.execute(any_stored).first() is not None:
        return False
    try:
        with db.session.begin_nested():
            for i, (name, days) in enumerate(DEFAULT_CATEGORIES):
                db.session.add(ComplaintCategory(name=name, limit_days=days, sort_order=i))
    except IntegrityError:
        if db.session.execute(_as_committed(any_stored)).first() is None:
            raise
        return False
    return True


CATEGORY_EDITABLE = ("name", "limit_days", "active")


def category_token(category: ComplaintCategory) -> str:
    """The digest of the category's values its row on the admin page carries (``concurrency``)."""
    return concurrency.row_token(category, CATEGORY_EDITABLE)


NAME_TAKEN_KEPT = (
    "Isian Anda belum tersimpan dan masih ada di formulir ini: pilih nama lain, atau ubah "
    "kategori itu di daftar."
)


def _same_name(name: str):
    """The condition "this category is called ``name``", in any case: 'lain-lain' beside
    'Lain-lain' would read as two equal choices on the public form (and MariaDB's collation
    refuses it anyway), so every backend compares names case-insensitively."""
    return db.func.lower(ComplaintCategory.name) == name.lower()


def _named(name: str) -> bool:
    """Whether a category called ``name`` is stored (read after a refused write)."""
    query = db.select(ComplaintCategory.id).where(_same_name(name))
    return db.session.execute(query).first() is not None


def _write(category: ComplaintCategory | None, *, name: str, limit_days: int, active: bool):
    """Store the category (a new one last in order) under a name no other category has; another
    admin's row of the same name committed meanwhile is refused in words, not a 500."""
    others = db.select(ComplaintCategory.id).where(_same_name(name))
    if category is not None:
        others = others.where(ComplaintCategory.id != category.id)
    if db.session.execute(others).first() is not None:
        raise DomainError("Nama kategori sudah ada.", field="name")
    category = category or ComplaintCategory(sort_order=len(categories(include_inactive=True)))
    category.name, category.limit_days, category.active = name, limit_days, active
    db.session.add(category)
    concurrency.flush_versioned(  # another admin's row of the same name committed meanwhile
        lambda: f"Kategori {name} baru saja ditambahkan admin lain. {NAME_TAKEN_KEPT}",
        DomainError,
        also=(IntegrityError,),
        raced=lambda: _named(name),
    )
    return category


def save_category(
    category: ComplaintCategory | None,
    *,
    name: str,
    limit_days: int,
    active: bool,
    actor: User,
    seen: str | None = None,
) -> ComplaintCategory:
    """Create or update a category and its time limit (audited). ``seen``: the row's digest; a
    row another admin saved since is refused (``StaleRecord``)."""
    if category is not None:
        concurrency.check_row(
            seen,
            category,
            CATEGORY_EDITABLE,
            object_type="complaint_category",
            subject=f"Kategori {category.name} sudah diubah",
        )
    if not 1 <= limit_days <= 365:
        raise DomainError("Batas waktu harus 1 sampai 365 hari kerja.", field="limit_days")
    if category is None:
        store_defaults_if_none()
    category = _write(category, name=name, limit_days=limit_days, active=active)
    audit.record(
        "complaint.category_save",
        actor=actor,
        object_type="complaint_category",
        object_id=category.id,
        details={"limit_days": limit_days},
    )
    return category
