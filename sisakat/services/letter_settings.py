"""Super admin changes to numbering and letter-wording settings (validated, audited)."""

from __future__ import annotations

from typing import Any

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import StoredFile, User
from sisakat.pdf.context import PAGE_SIZES
from sisakat.services import numbering, settings, storage

MODES = ("sisakat", "srikandi")


def save_numbering(
    series: str, *, values: dict[str, Any], year: int, next_value: int | None, actor: User | None
) -> list[str]:
    """Store template/kode/unit/padding/mode of ``series`` and, when given and changed, the next
    serial of ``year``. Refuses a malformed template, an unknown mode or a lowered serial."""
    numbering.validate_template(values["template"])
    if values["mode"] not in MODES:
        raise DomainError("Mode penomoran tidak dikenal.")
    if not 0 <= int(values["padding"]) <= 6:
        raise DomainError("Jumlah digit nomor urut harus antara 0 dan 6.")
    prefix = f"numbering.{series}."
    changed = settings.update(
        {
            prefix + "template": values["template"],
            prefix + "kode": values["kode"],
            prefix + "unit": values["unit"],
            prefix + "padding": int(values["padding"]),
            "numbering.mode": values["mode"],
        },
        actor=actor,
    )
    if next_value is not None and next_value != numbering.next_serial(series, year):
        numbering.set_next_serial(series, year, next_value, actor=actor)
        changed.append(f"{prefix}next_serial")
    return changed


def save_letter(values: dict[str, Any], *, actor: User | None) -> list[str]:
    """Store the letter wording (opening, statement, closing, BSrE footer, tembusan, page size)."""
    if values["page_size"] not in PAGE_SIZES:
        raise DomainError("Ukuran kertas harus A4 atau F4.")
    tembusan = [line.strip() for line in values["tembusan"] if line.strip()]
    return settings.update(
        {
            "letter.opening": values["opening"],
            "letter.statement": values["statement"],
            "letter.closing": values["closing"],
            "letter.footer_bsre": values["footer_bsre"],
            "letter.tembusan": tembusan,
            "letter.page_size": values["page_size"],
        },
        actor=actor,
    )


def letter_groups() -> dict[str, dict[str, Any]]:
    """The settings groups ``build_context`` needs: agency, signatory and letter."""
    return {name: settings.group(name) for name in ("agency", "signatory", "letter")}


def emblem_png() -> bytes | None:
    """The uploaded regional emblem's bytes, or None when none is set or the file is missing."""
    file_id = settings.get("agency.emblem_file_id")
    row = db.session.get(StoredFile, file_id) if isinstance(file_id, int) else None
    if row is None:
        return None
    try:
        return storage.read_bytes(row)
    except OSError:
        return None


def is_srikandi_mode() -> bool:
    """True when SRIKANDI numbers, dates and signs the letter (SIGNING.md §10)."""
    return settings.get("numbering.mode") == "srikandi"
