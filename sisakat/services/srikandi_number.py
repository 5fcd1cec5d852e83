"""SRIKANDI's number and date on a letter signed outside SISAKAT (SIGNING.md §7): a regex for the
numbers of a service's format, the number and date printed in a signed revision, and a typed
number and date checked against the printed ones, and what a second click on the confirm page is
told. Used by the upload-back path (``letter_signing``).
"""

from __future__ import annotations

import dataclasses
import re
import string
from datetime import date

from sisakat.exceptions import DomainError, GuardFailed, UploadRejected
from sisakat.formatting import tanggal
from sisakat.models import Letter, LetterStatus, StoredFile
from sisakat.pdf.context import NOMOR_NASKAH, TGL_NASKAH
from sisakat.services import catalog, letters, number_format, number_register, numbering, storage
from sisakat.services.signing import trust as trust_service
from sisakat.services.signing.validation import (
    DATE_RE,
    MONTH_WORDS,
    check,
    extract_number_and_date,
    signed_revision_text,
)

TOKEN_RE = {
    "nomor": r"[0-9]{1,6}",  # ASCII digits: \d would take "٧٧" into the register
    "tahun": r"[0-9]{4}",
    "bulan": r"[0-9]{2}",
    "bulan_romawi": r"[IVX]{1,4}",
}


def _format(service_code: str | None) -> dict:
    """The service's number format; without a service, the party SKT's series format."""
    service = catalog.get(service_code)
    if service:
        return number_format.service_format(service)
    return number_format.series_format(numbering.SKT)


def _spaced(fmt: dict) -> bool:
    """Can a number in ``fmt`` print a space (in its template, kode or unit)?"""
    return any(ch.isspace() for key in ("template", "kode", "unit") for ch in str(fmt[key]))


def number_pattern(service_code: str | None = None) -> str:
    """A regex for numbers in the service's format (whitespace tolerated between the parts);
    without a service, the party SKT's series format."""
    fmt = _format(service_code)
    parts = []
    for literal, name, _spec, _conv in string.Formatter().parse(fmt["template"]):
        parts.append(r"\s*".join(re.escape(ch) for ch in literal.strip()))
        if name:
            parts.append(TOKEN_RE.get(name) or r"\s*".join(re.escape(ch) for ch in fmt[name]))
    return r"\s*".join(p for p in parts if p)


def refuse_unfilled(text: str) -> None:
    """Signed before SRIKANDI put in its number and date: the letter SISAKAT drew still prints
    the placeholders, and issuing it would give the party a letter with neither."""
    squeezed = "".join(text.split())
    left = [mark for mark in (NOMOR_NASKAH, TGL_NASKAH) if mark in squeezed]
    if left:
        raise UploadRejected(
            f"Surat bertanda tangan ini masih memuat {' dan '.join(left)}: nomor dan tanggal "
            "surat belum diisi SRIKANDI. Di SRIKANDI, perbarui PDF naskah sampai nomor dan "
            "tanggalnya tampil, tandatangani lagi, lalu unggah ulang."
        )


def signed_text(data: bytes) -> str:
    """The signed revision's text (signature validated first), refused while it still prints
    SRIKANDI's number or date placeholder (``refuse_unfilled``)."""
    verdict = check(data, trust_service.load_trust_config())
    text = signed_revision_text(data, verdict.byte_range)
    refuse_unfilled(text)
    return text


def _read(letter: Letter, data: bytes) -> tuple[str, str]:
    """(the signed revision's text, the city the letter is dated in): what both checks read."""
    return signed_text(data), letters.context_of(letters.inputs_of(letter), draft=True).place


def found_number(letter: Letter, data: bytes, read: tuple[str, str] | None = None):
    """The SRIKANDI number and date printed in the signed revision (``signed_text``; ``read``:
    already read by ``_read``). Spaces in the number are text extraction's ("BAN. KBP") when the
    format prints none: dropped, so the confirm form does not offer them for the register."""
    code = letter.application.service_code
    text, place = read or _read(letter, data)
    found = extract_number_and_date(text, number_pattern(code), place)
    if found.number and not _spaced(_format(code)):
        found = dataclasses.replace(found, number="".join(found.number.split()))
    return found


def printed_number_and_date(letter: Letter):
    """What the upload waiting for review prints as SRIKANDI's number and date (to pre-fill the
    review form), or None: not SRIKANDI-numbered, no upload, or nothing readable."""
    if letter.number_id is not None or letter.candidate_file is None:
        return None
    try:
        return found_number(letter, storage.read_bytes(letter.candidate_file))
    except (DomainError, ValueError):
        return None


def as_printed(letter: Letter, data: bytes, typed: str, found=None) -> str:
    """The number to issue for ``typed`` (checked, collapsed): the signed letter's own when it
    is the same number (``number_register.number_key``), so the register and the public check show
    the case the letter prints, not a typed "ban.kbp"; otherwise ``typed`` (the match decides).
    Typed without any space, the printed one loses its spaces too: text extraction inserts
    them between glyphs ("BAN. KBP"), while SRIKANDI's number, copied by the user, had none.
    Refuses an upload still printing the placeholders (``signed_text``)."""
    found = found or found_number(letter, data)
    printed = " ".join((found.number or "").split())
    if not printed or number_register.number_key(printed) != number_register.number_key(typed):
        return typed
    return printed if any(ch.isspace() for ch in typed) else "".join(printed.split())


def refuse_mistyped_number(letter: Letter, data: bytes, typed: str) -> None:
    """The match failed with the typed number while the signed letter prints another one: a
    typing slip, not a case for manual review. Ask again (the upload stays attached). The same
    number spaced or cased otherwise (``number_register.number_key``) is no slip."""
    found = found_number(letter, data)
    printed = " ".join((found.number or "").split()) if found else ""
    if printed and number_register.number_key(printed) != number_register.number_key(typed):
        raise DomainError(
            f"Nomor {typed} tidak sama dengan nomor pada surat bertanda tangan ({printed}). "
            "Periksa lagi nomornya, atau bila nomor di SRIKANDI yang keliru, perbaiki di "
            "SRIKANDI lalu unggah ulang.",
            field="number",
        )


def place_line_date(text: str, place: str) -> date | None:
    """The date on the letter's place-and-date line (``Palembang, 13 Juni 2025``) alone: None
    when that line is not found or names no real day (never a guess from other dates)."""
    line = re.escape(place.strip()) + r"\s*,\s*" + DATE_RE.pattern
    found = re.search(line, text, re.IGNORECASE) if place.strip() else None
    if found is None:
        return None
    day, month_name, year = found.groups()[-3:]
    try:
        return date(int(year), MONTH_WORDS[month_name.lower()], int(day))
    except ValueError:
        return None


def checked(letter: Letter, data: bytes, typed: str, letter_date: date) -> str:
    """The confirm page's number and date against the signed letter: the number as printed
    (``as_printed``), and ``DomainError`` beside the date field when the letter's
    place-and-date line prints another date (the public check would show a date the signed
    PDF does not). A letter whose place-and-date line cannot be read is not judged here."""
    read = _read(letter, data)  # once: the PDF's text and the letter's city
    printed = place_line_date(*read)
    if printed is not None and printed != letter_date:
        raise DomainError(
            f"Tanggal {tanggal(letter_date)} tidak sama dengan tanggal pada surat bertanda tangan "
            f"({tanggal(printed)}). Periksa lagi tanggalnya, atau bila tanggal di SRIKANDI yang "
            "keliru, perbaiki di SRIKANDI lalu unggah ulang.",
            field="letter_date",
        )
    return as_printed(letter, data, typed, found_number(letter, data, read))


IN_REVIEW = (
    "Berkas unggahan surat ini sudah menunggu tinjauan manual oleh super admin. Konfirmasinya "
    "sudah diterima; tidak ada yang perlu dikonfirmasi lagi."
)


NUMBERED = (
    "Surat ini sudah bernomor dari SISAKAT, sehingga tidak ada nomor SRIKANDI untuk "
    "dikonfirmasi. Unggah kembali surat bertanda tangan yang memuat nomor itu."
)


def candidate(letter: Letter, candidate_id: int) -> StoredFile:
    """The upload a SRIKANDI number confirmation names, when it is ``letter``'s pending one.
    A SISAKAT-numbered letter has no confirm page: its PDF must print the register's number."""
    if letter.number_id is not None:
        raise GuardFailed(NUMBERED)
    if letter.candidate_file_id is None or candidate_id != letter.candidate_file_id:
        raise DomainError("Berkas unggahan tidak ditemukan. Unggah ulang berkasnya.")
    return letter.candidate_file


def in_review(letter: Letter, candidate_id: int | None, *, scan: bool = False) -> bool:
    """Whether ``letter``'s upload ``candidate_id`` already waits for the super admin's manual
    review (a first confirmation sent it there): a second one changes nothing. Never for a
    scan's confirmation, which cannot send an upload to review: it is refused as ever."""
    return (
        not scan
        and candidate_id is not None
        and letter.status == LetterStatus.PERLU_TINJAUAN
        and letter.candidate_file_id == candidate_id
    )


def issued_note(letter: Letter, candidate_id: int | None, *, scan: bool = False) -> str:
    """What a second confirmation of ``letter``'s upload ``candidate_id`` is told when the
    first (a double click, another tab) already settled it: issued the letter from that very
    upload, or sent the upload to manual review (``IN_REVIEW``). "" for any other refusal."""
    if in_review(letter, candidate_id, scan=scan):
        return IN_REVIEW
    if candidate_id is None or letter.signed_file_id != candidate_id:
        return ""
    number = f" dengan nomor {letter.number_text}" if letter.number_text else ""
    return (
        f"Surat untuk {letter.application.party.board_name} sudah terbit{number}. "
        "Konfirmasinya sudah diterima; tidak ada yang perlu dikonfirmasi lagi."
    )
