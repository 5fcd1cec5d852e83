"""Letter number formats: the template tokens, printing a number from a format, the checks a
format must pass before the office saves it, and the format of a service or a series.

``format_number`` is pure; ``numbering`` takes the serials and keeps the register.
"""

from __future__ import annotations

import re
import string

from sisakat.exceptions import DomainError
from sisakat.formatting import romawi
from sisakat.services import catalog, number_register

TOKENS = frozenset({"kode", "nomor", "unit", "tahun", "bulan", "bulan_romawi"})
MAX_TEXT = 120  # letter_numbers.number_text and letters.number_text
MAX_SERIAL = 999_999  # the highest serial the admin may set; six digits a year is plenty
# What a number from SRIKANDI is made of: ASCII letters and digits, spaces, and the separators
# regional numbers use (000.1.2.3/123/BAN.KBP/2025, B-123/KBP/XII/2025, 400.14/1234/KESBANGPOL).
NUMBER_SEPARATORS = "./-_()"
_NUMBER_CHARS = re.compile(r"[A-Za-z0-9 ./\-_()]")
ALLOWED = f"Nomor hanya berisi huruf, angka, spasi dan tanda {' '.join(NUMBER_SEPARATORS)}."


class NumberTemplateError(DomainError):
    """The number template is malformed or uses an unknown token."""


def _tokens(template: str) -> list[str]:
    """The field names in ``template``; refuses format specs, conversions and bad braces."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise NumberTemplateError(
            "Format nomor tidak valid: kurung kurawal tidak seimbang."
        ) from exc
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in TOKENS or spec or conversion:
            # named as typed: "{nomor:05}", not "{nomor}", which the same message allows
            typed = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise NumberTemplateError(
                f"Format nomor memuat penanda tidak dikenal: {{{typed}}}. "
                "Gunakan {kode}, {nomor}, {unit}, {tahun}, {bulan} atau {bulan_romawi}."
            )
        names.append(name)
    return names


def validate_template(template: str) -> None:
    """A template the office may save: known tokens only, exactly one ``{nomor}``, and the
    year: the serial starts again at 1 every year, so a number without ``{tahun}`` comes back
    next year, the register refuses it and every approval of the new year fails."""
    tokens = _tokens(template)
    if tokens.count("nomor") != 1:
        raise NumberTemplateError("Format nomor harus memuat {nomor} tepat satu kali.")
    if "tahun" not in tokens:
        raise NumberTemplateError(
            "Format nomor harus memuat {tahun}: nomor urut mulai lagi dari 1 setiap tahun, "
            "jadi tanpa tahun nomor tahun depan sama dengan nomor tahun ini."
        )


# The tokens whose value the office types on the numbering page, with their names there.
TYPED_PARTS = {"kode": "kode klasifikasi", "unit": "kode unit"}


def missing_parts(fmt: dict) -> list[str]:
    """The typed parts ``fmt``'s template prints but which are empty (a new service starts with
    no classification code): its numbers would print ``/1/BAN.KBP/2026``."""
    used = set(_tokens(fmt["template"]))
    return [label for token, label in TYPED_PARTS.items() if token in used and not fmt[token]]


def incomplete_message(fmt: dict) -> str | None:
    """Why no number may be printed in ``fmt`` yet, or None."""
    missing = missing_parts(fmt)
    if not missing:
        return None
    return (
        f"Format nomor memakai {' dan '.join(missing)}, tetapi isinya masih kosong: nomor "
        "akan tercetak tanpa bagian itu."
    )


def longest_number(fmt: dict) -> str:
    """The longest number ``fmt`` (template, kode, unit, padding) can print, by
    ``format_number`` itself: the highest serial (``MAX_SERIAL``, or wider padding), a four-digit
    year and August, the longest Roman month (VIII)."""
    longest_month = max(range(1, 13), key=lambda m: len(romawi(m)))
    return number_in(fmt, MAX_SERIAL, year=9999, month=longest_month)


def number_in(fmt: dict, serial: int, *, year: int, month: int) -> str:
    """The number ``fmt`` (template, kode, unit, padding) prints for ``serial`` in ``month`` of
    ``year`` (``format_number`` with the format's parts)."""
    return format_number(
        fmt["template"],
        kode=fmt["kode"],
        serial=serial,
        unit=fmt["unit"],
        year=year,
        month=month,
        padding=fmt["padding"] or 0,
    )


def validate_format(fmt: dict, *, complete: bool = True) -> None:
    """A format the office may save: ``validate_template``, every typed part it prints filled
    in (``complete``; off only for a new service, which starts without its own code), and its
    longest number fits the register's column (SQLite would store a longer one; PostgreSQL and
    MariaDB refuse it)."""
    validate_template(fmt["template"])
    problem = incomplete_message(fmt) if complete else None
    if problem:
        raise NumberTemplateError(f"{problem} Isi bagian itu atau hapus penandanya dari format.")
    longest = longest_number(fmt)
    if len(longest) > MAX_TEXT:
        raise NumberTemplateError(
            f"Format nomor terlalu panjang: nomor terpanjang yang dihasilkan {len(longest)} "
            f"karakter, paling banyak {MAX_TEXT}. Perpendek format, kode klasifikasi atau kode "
            "unit."
        )
    odd = odd_signs(longest)
    if odd:
        raise NumberTemplateError(
            f"Format nomor memuat tanda yang tidak dipakai dalam nomor surat ({odd}). {ALLOWED} "
            "Periksa format, kode klasifikasi dan kode unit."
        )


def refusal(fmt: dict) -> str | None:
    """Why ``validate_format`` would refuse ``fmt`` if the office saved it now, or None. A
    format stored before a rule came (odd signs such as ``&``) still prints numbers: the admin
    home and ``flask check --deploy`` name it (``readiness.number_format_problems``)."""
    try:
        validate_format(fmt)
    except NumberTemplateError as exc:
        return exc.message
    return None


def odd_signs(text: str) -> str | None:
    """The signs in ``text`` a letter number never has (markup, ``&``, control characters),
    shown one by one, or None: the one character rule of a printed and a typed number."""
    odd = sorted({ch for ch in text if not _NUMBER_CHARS.fullmatch(ch)})
    if not odd:
        return None
    return " ".join(ch for ch in odd if ch.isprintable()) or "karakter tak terlihat"


def check_typed_number(number_text: str | None) -> str:
    """A letter number typed in (or read from a signed PDF) in SRIKANDI mode, whitespace
    collapsed; ``DomainError`` on the number field when it cannot be a letter number: empty, too
    long, without a digit, with characters a number never has (markup, control characters) or
    starting or ending with a separator. Every path that registers such a number uses this."""
    text = " ".join((number_text or "").split())
    if not text:
        raise DomainError("Nomor surat wajib diisi.", field="number")
    if len(text) > MAX_TEXT:
        raise DomainError(
            f"Nomor surat terlalu panjang: {len(text)} karakter, paling banyak {MAX_TEXT}.",
            field="number",
        )
    shown = odd_signs(text)
    if shown:
        raise DomainError(
            f"Nomor surat memuat tanda yang tidak dipakai dalam nomor surat ({shown}). {ALLOWED}",
            field="number",
        )
    if not any(ch.isdigit() for ch in text):
        raise DomainError(
            "Nomor surat harus memuat angka, misalnya 000.1.2.3/123/BAN.KBP/2025. Salin nomor "
            "dari SRIKANDI.",
            field="number",
        )
    if not (text[0].isalnum() and text[-1].isalnum()):
        raise DomainError(
            "Nomor surat tidak boleh diawali atau diakhiri tanda baca. Periksa awal dan akhir "
            "nomor dari SRIKANDI.",
            field="number",
        )
    return text


def format_number(
    template: str, *, kode: str, serial: int, unit: str, year: int, month: int, padding: int = 0
) -> str:
    """Pure: ``{kode}/{nomor}/{unit}/{tahun}`` -> ``200.1.5.3/1436/BAN.KBP/2025``."""
    _tokens(template)
    return template.format(
        kode=kode,
        nomor=str(serial).zfill(max(0, int(padding))),
        unit=unit,
        tahun=year,
        bulan=f"{month:02d}",
        bulan_romawi=romawi(month),
    )


# Serials and months sampled to find two formats printing one number (padding 3 against 0
# still prints 123 alike; Roman and two-digit months of several lengths).
_SAMPLE_SERIALS = (1, 9, 12, 123, 1234, 99999)
_SAMPLE_MONTHS = (1, 4, 9, 12)


def prints_alike(a: dict, b: dict, *, year: int = 2026) -> str | None:
    """Pure: a number complete formats ``a`` and ``b`` both print for the same serial and month
    (spaces and letter case aside, as the register compares them), or None. Two series with
    such formats would give one letter number twice."""
    for month in _SAMPLE_MONTHS:
        for serial in _SAMPLE_SERIALS:
            first = number_in(a, serial, year=year, month=month)
            second = number_in(b, serial, year=year, month=month)
            if number_register.number_key(first) == number_register.number_key(second):
                return first
    return None


def service_format(service) -> dict:
    """The template, kode, unit and padding of a ``Service`` row."""
    return {
        "template": str(service.number_template or "{nomor}"),
        "kode": str(service.number_kode or ""),
        "unit": str(service.number_unit or ""),
        "padding": int(service.number_padding or 0),
    }


def series_format(series: str) -> dict:
    """The format of a series: that of the (first, by display order) service numbering in it.

    Two services may share a series: they then share its yearly counter (one run of serials),
    while each prints its own format (``allocate(..., fmt=service_format(service))``)."""
    service = catalog.by_series(series)
    if service is None:
        return {"template": "{nomor}", "kode": "", "unit": "", "padding": 0}
    return service_format(service)
