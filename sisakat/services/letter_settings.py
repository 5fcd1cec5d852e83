"""Super admin changes to numbering and letter wording: per service (the ``services`` row) plus
the few letter settings every service shares (validated, audited)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import Service, StoredFile, User
from sisakat.pdf.context import PAGE_SIZES
from sisakat.services import (
    catalog,
    concurrency,
    letter_fit,
    number_format,
    numbering,
    service_config,
    settings,
    storage,
)

MODES = ("sisakat", "srikandi")
# Settings every service shares, shown on each service's page: the page carries their digest, so
# a save from one service's page cannot put back what another admin changed on any page.
NUMBERING_SHARED = ("numbering.mode",)
LETTER_SHARED = ("letter.footer_bsre", "letter.page_size")


def save_numbering(
    service: Service,
    *,
    values: dict[str, Any],
    year: int,
    next_value: int | None,
    seen_version: int | None,
    actor: User | None,
    shown: tuple[int | None, int | None] = (None, None),
    seen: str | None = None,
) -> list[str]:
    """Store the template/kode/unit/padding of ``service``, the global mode and, when changed
    from what the page showed, the next serial of ``year`` in the service's series. Refuses a
    malformed template, an unknown mode, a lowered serial, a service changed by someone else
    meanwhile or a mode changed since the page showed it (``seen``, the digest of
    ``NUMBERING_SHARED``). ``shown``: the year and next serial the page showed
    (``_serial_to_store``)."""
    concurrency.check_settings(seen, NUMBERING_SHARED)
    if values["mode"] not in MODES:
        raise DomainError("Mode penomoran tidak dikenal.")
    next_value = _serial_to_store(service.number_series, year, next_value, *shown)
    changed = service_config.update(
        service,
        {
            "number_template": values["template"],
            "number_kode": values["kode"],
            "number_unit": values["unit"],
            "number_padding": int(values["padding"]),
        },
        seen_version=seen_version,
        actor=actor,
    )
    changed += settings.update({"numbering.mode": values["mode"]}, actor=actor)
    series = service.number_series
    if next_value is not None and next_value != numbering.next_serial(series, year):
        numbering.set_next_serial(series, year, next_value, actor=actor)
        changed.append(f"numbering.{series}.next_serial")
    return changed


def _serial_to_store(
    series: str, year: int, value: int | None, shown_year: int | None, shown_serial: int | None
) -> int | None:
    """The next serial to store for ``year``, or None to leave the series alone.

    The field left as the page showed it (``shown_serial``, the next serial of ``shown_year``)
    means "leave it": letters issued since the page opened took serials (comparing the field
    with today's next serial would refuse it as lowered, or put back a serial another admin
    raised), and a page opened before the office's new year does not carry the old year's serial
    into the new one (which starts at 1, no gap). A changed serial is for ``year``
    (``numbering.set_next_serial`` refuses it at or below a used one), refused when the year
    turned since the page opened rather than guessed to be for either year. A request that
    carries no shown serial (a script) is compared with the shown year's next serial."""
    if value is None:
        return None
    shown_year = shown_year or year
    if shown_serial is None:
        shown_serial = numbering.next_serial(series, shown_year)
    if value == shown_serial:
        return None
    if shown_year == year:
        return value
    raise DomainError(
        f"Tahun sudah berganti menjadi {year} sejak halaman ini dibuka; nomor urut yang diisi "
        f"tadi untuk tahun {shown_year}. Nomor urut berikutnya tahun {year} adalah "
        f"{numbering.next_serial(series, year)}. Periksa lalu simpan lagi.",
        field="next_serial",
    )


def save_letter(
    service: Service,
    values: dict[str, Any],
    *,
    seen_version: int | None,
    actor: User | None,
    seen: str | None = None,
) -> list[str]:
    """Store the service's wording (title, opening, statement, closing, tembusan) and the letter
    settings every service shares (BSrE footer, page size; ``seen`` is the digest of
    ``LETTER_SHARED`` the page showed). A change leaving a tembusan that pushes the signature
    block off page one (a longer list, a smaller page) is refused (``check_tembusan``)."""
    concurrency.check_settings(seen, LETTER_SHARED)
    if values["page_size"] not in PAGE_SIZES:
        raise DomainError("Ukuran kertas harus A4 atau F4.")
    changed = service_config.update(
        service,
        {
            "letter_title": values["title"],
            "letter_opening": values["opening"],
            "letter_statement": values["statement"],
            "letter_closing": values["closing"],
            "letter_tembusan": values["tembusan"],
        },
        seen_version=seen_version,
        actor=actor,
    )
    changed += settings.update(
        {"letter.footer_bsre": values["footer_bsre"], "letter.page_size": values["page_size"]},
        actor=actor,
    )
    if changed:
        check_tembusan(service, field="tembusan")
    return changed


# The service columns a letter is drawn from: a change to any may move its signature block.
LETTER_COLUMNS = frozenset(
    ("letter_title", "letter_opening", "letter_statement", "letter_closing", "letter_tembusan")
)


def update_service(
    service: Service, values: dict[str, Any], *, seen_version: int | None, actor: User | None
) -> list[str]:
    """``service_config.update`` (the service screen), refusing letter wording whose tembusan
    would push the signature block off the letter's first page (``check_tembusan``)."""
    changed = service_config.update(service, values, seen_version=seen_version, actor=actor)
    if LETTER_COLUMNS.intersection(changed):
        check_tembusan(service, field="letter_tembusan")
    return changed


def check_tembusan(service: Service, *, field: str) -> None:
    """Refuse (beside the form's ``field``) the service's letter as it now stands (wording and
    shared settings, saved but not committed) when its tembusan pushes the signature block
    and QR off page one of the letter its fictional applicant would get
    (``letter_fit.tembusan_refusal``)."""
    ctx = letter_fit.sample_letter(
        letter_groups(service), service.applicant_kind, srikandi=is_srikandi_mode()
    )
    message = letter_fit.tembusan_refusal(ctx)
    if message:
        settings.clear_cache()  # the refused page reads what is stored, not what was rolled back
        raise DomainError(message, field=field)


def letter_groups(service: Service) -> dict[str, dict[str, Any]]:
    """The groups ``build_context`` needs: agency, signatory, and letter (the global page size
    and BSrE footer with ``service``'s title and wording)."""
    groups = {name: settings.group(name) for name in ("agency", "signatory", "letter")}
    groups["letter"].update(catalog.letter_wording(service))
    return groups


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


def number_example(service: Service, today: date, serial: int) -> str | None:
    """The number the service's next letter would get today (the numbering page's example), or
    None in SRIKANDI mode: SRIKANDI gives the number at signing and SISAKAT prints none (the
    format then only helps read SRIKANDI's number from the signed PDF)."""
    if is_srikandi_mode():
        return None
    fmt = number_format.service_format(service)
    try:
        return number_format.number_in(fmt, serial, year=today.year, month=today.month)
    except DomainError as exc:
        return exc.message
