"""Indonesian formatting without ``locale`` (process-wide, not thread-safe, missing on Windows)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# The word a region is printed with, by what people type for it (any case; "Kab." or "Kab").
# Letters write the word in full, as the Kemendagri region code list does.
PREFIX_WORDS = {
    "provinsi": "Provinsi",
    "prov": "Provinsi",
    "kabupaten": "Kabupaten",
    "kab": "Kabupaten",
    "kota": "Kota",
    "kecamatan": "Kecamatan",
    "kec": "Kecamatan",
    "distrik": "Distrik",  # Papua's kecamatan
    "kelurahan": "Kelurahan",
    "kel": "Kelurahan",
    "desa": "Desa",
    "ds": "Desa",
}
FIRST_WORD = re.compile(r"([A-Za-z]+)(?:\.\s*|\s+)(\S.*)\Z", re.DOTALL)


def region_parts(region: str | None) -> tuple[str | None, str]:
    """A region split after its region word, written in full: ``("Kabupaten", "MUSI BANYUASIN")``
    from "KABUPATEN MUSI BANYUASIN" or "Kab. MUSI BANYUASIN"; ``(None, region)`` when it starts
    with no such word. Whitespace is collapsed."""
    text = " ".join((region or "").split())
    found = FIRST_WORD.match(text)
    word = PREFIX_WORDS.get(found[1].casefold()) if found else None
    return (word, found[2]) if word else (None, text)


def tanggal(d: date | datetime | None) -> str:
    """``13 Juni 2025``; empty for None."""
    if d is None:
        return ""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def hari_tanggal(d: date | datetime) -> str:
    """``Jumat, 13 Juni 2025``."""
    return f"{HARI[d.weekday()]}, {tanggal(d)}"


def to_local(moment: datetime, offset_hours: int) -> datetime:
    """A naive UTC datetime moved into the office zone (still naive)."""
    return moment + timedelta(hours=offset_hours)


def jam(moment: datetime, zone: str = "WIB") -> str:
    """``14.05 WIB`` for a datetime already in the office zone."""
    return f"{moment:%H.%M} {zone}"


def tanggal_jam(moment: datetime | None, offset_hours: int = 7, zone: str = "WIB") -> str:
    """``13 Juni 2025 14.05 WIB`` for a naive UTC datetime."""
    if moment is None:
        return ""
    local = to_local(moment, offset_hours)
    return f"{tanggal(local)} {jam(local, zone)}"


def angka(value: Decimal | int | float, places: int = 0) -> str:
    """``1.234.567,89``."""
    return f"{value:,.{places}f}".translate(str.maketrans(",.", ".,"))


def hours_text(minutes: int) -> str:
    """Minutes as hours, the unit a service's promise is set in: ``120``, ``1``, ``0,25``."""
    hours = (Decimal(minutes) / 60).quantize(Decimal("0.01"))
    if hours == hours.to_integral_value():
        return angka(hours)
    return angka(hours, 2).rstrip("0")


def ukuran(size: int) -> str:
    """A file's size: ``512 byte``, ``1,5 KB``, ``3,3 MB`` (1 KB = 1024 bytes, as the upload cap
    counts its MB), one decimal, none when it is ",0"."""
    if size < 1024:
        return f"{size} byte"
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / 1024 / 1024, "MB")
    return f"{angka(value, 1).removesuffix(',0')} {unit}"


def rupiah(value: Decimal | int) -> str:
    """``Rp1.500.000`` (no space)."""
    return f"Rp{angka(value)}"


def romawi(month: int) -> str:
    """Roman month ``XI`` for 11."""
    return ROMAWI[month - 1]


def nip(value: str | None) -> str:
    """NIP grouped 8-6-1-3: ``19691106 199303 1 002``; other lengths unchanged."""
    digits = "".join(ch for ch in (value or "") if ch.isdigit())
    if len(digits) != 18:
        return value or ""
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def npwp(value: str | None) -> str:
    """A 15-digit NPWP as ``01.234.567.8-901.234``; 16 digits (NIK-based) and others unchanged."""
    digits = "".join(ch for ch in (value or "") if ch.isdigit())
    if len(digits) != 15:
        return value or ""
    return f"{digits[:2]}.{digits[2:5]}.{digits[5:8]}.{digits[8]}-{digits[9:12]}.{digits[12:]}"


def durasi(seconds: float) -> str:
    """A waiting time in office working hours, in words: ``2 jam 5 menit``, ``39 jam 30
    menit``, ``45 menit``. No "hari": 24 working hours are three office days, so "1 hari 15
    jam" misread 39 working hours (and dropped the minutes); the dashboard counts hours too."""
    minutes = int(seconds // 60)
    hours, mins = divmod(minutes, 60)
    if hours:
        return f"{hours} jam {mins} menit" if mins else f"{hours} jam"
    return f"{mins} menit"


def wa_number(phone: str | None) -> str:
    """An Indonesian phone number as wa.me digits: ``0812-3456`` -> ``628123456``; "" if none."""
    digits = "".join(ch for ch in (phone or "") if ch.isdigit())
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    return digits if digits.startswith("62") and 9 <= len(digits) <= 15 else ""


def wa_link(phone: str | None, message: str = "") -> str:
    """A WhatsApp click-to-chat link with a prefilled message; "" for an unusable number."""
    from urllib.parse import quote

    number = wa_number(phone)
    if not number:
        return ""
    return f"https://wa.me/{number}" + (f"?text={quote(message)}" if message else "")


def prefixed(name: str | None, word: str = "", *, also: tuple[str, ...] = ()) -> str:
    """``name`` printed once with its region word: ``word`` before a bare name; a name typed with
    ``word`` or one of ``also`` in front ("kota", "Kab.", "Kec.Ilir") keeps that word, written
    in full. The name itself stays as typed: ``Kota Palembang`` from "Palembang", "Kota
    Palembang" or "KOTA Palembang"; ``Desa Sukamaju`` from "Desa Sukamaju" when ``also`` allows
    "Desa". A word that does not belong ("Kota Baru" as a kelurahan) is part of the name; no
    name, no word."""
    name = (name or "").strip()
    if not name:
        return ""
    found = FIRST_WORD.match(name)
    typed = PREFIX_WORDS.get(found[1].casefold()) if found else None
    if found and typed and typed in (word, *also):
        return f"{typed} {found[2]}"
    return " ".join(x for x in (word, name) if x)


def wilayah(level_label: str, region_name: str | None) -> str:
    """The board's level and region, the level word once: ``Kota Palembang`` from (Kota,
    "Palembang") or (Kota, "Kota Palembang"); ``Provinsi Sumatera Selatan``."""
    return prefixed(region_name, level_label or "") or level_label or ""


def alamat(
    street: str | None,
    kelurahan: str | None,
    kecamatan: str | None,
    city: str | None,
    postal_code: str | None,
) -> str:
    """The secretariat on one line: ``Jalan ..., Kelurahan X (or Desa X), Kecamatan Y, Kota Z
    30135``. A bare kelurahan/desa is printed as Kelurahan; the kab/kota as typed, its word
    ("Kab.", "kota") written in full."""
    parts = (
        (street or "").strip(),
        prefixed(kelurahan, "Kelurahan", also=("Desa",)),
        prefixed(kecamatan, "Kecamatan", also=("Distrik",)),
        prefixed(city, also=("Kabupaten", "Kota")),
    )
    line = ", ".join(p for p in parts if p)
    return f"{line} {(postal_code or '').strip()}".strip()
