"""Letter numbers: template tokens, office-zone year, register rules (SIGNING.md §4)."""

from datetime import date, datetime

import pytest

from sisakat.exceptions import DomainError, NumberConflict
from sisakat.models import NumberStatus
from sisakat.services import number_format, number_void, numbering

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@pytest.mark.parametrize("month", range(1, 13))
def test_format_number_every_token_and_roman_month(month):
    text = number_format.format_number(
        "{kode}/{nomor}/{unit}/{bulan_romawi}/{bulan}/{tahun}",
        kode="200.1.5.3",
        serial=7,
        unit="BAN.KBP",
        year=2025,
        month=month,
        padding=3,
    )
    assert text == f"200.1.5.3/007/BAN.KBP/{ROMAN[month - 1]}/{month:02d}/2025"


@pytest.mark.parametrize("bad", ["{kode}/{nomer}", "{nomor:05}", "{nomor!r}", "{nomor", "{0}"])
def test_unknown_tokens_are_refused(bad):
    with pytest.raises(number_format.NumberTemplateError):
        number_format.format_number(bad, kode="k", serial=1, unit="u", year=2025, month=1)


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("{nomor:05}/{tahun}", "{nomor:05}"),
        ("{nomor!r}/{tahun}", "{nomor!r}"),
        ("{nomer}", "{nomer}"),
    ],
)
def test_the_refusal_names_the_token_as_typed(typed, named):
    """Found in QA: "{nomor:05}" was refused as "penanda tidak dikenal: {nomor}", naming a
    token the same message lists as allowed; it names what the admin typed."""
    with pytest.raises(number_format.NumberTemplateError) as refused:
        number_format.validate_template(typed)
    assert f"penanda tidak dikenal: {named}." in refused.value.message


def test_office_zone_decides_the_year():
    assert numbering.office_date(datetime(2025, 12, 31, 17, 30), 7) == date(2026, 1, 1)
    assert numbering.office_date(datetime(2025, 12, 31, 16, 59), 7) == date(2025, 12, 31)
    assert numbering.office_date(datetime(2025, 12, 31, 15, 30), 9) == date(2026, 1, 1)


def test_allocate_restarts_each_year_and_void_is_never_reused(app):
    a = numbering.allocate("skt", local_date=date(2025, 12, 31), actor=None)
    number_void.void(a, reason="Salah ketik", actor=None)
    b = numbering.allocate("skt", local_date=date(2025, 12, 31), actor=None)
    c = numbering.allocate("skt", local_date=date(2026, 1, 1), actor=None)
    assert (a.number_text, b.number_text) == (
        "200.1.5.3/1/BAN.KBP/2025",
        "200.1.5.3/2/BAN.KBP/2025",
    )
    assert c.number_text == "200.1.5.3/1/BAN.KBP/2026"
    assert a.status == NumberStatus.DIBATALKAN
    assert a.void_reason == "Salah ketik"
    with pytest.raises(DomainError, match="sudah dibatalkan"):
        number_void.void(a, reason="lagi", actor=None)


def test_set_next_serial_never_at_or_below_a_used_one(app):
    for _ in range(3):
        numbering.allocate("skt", local_date=date(2025, 5, 2), actor=None)
    with pytest.raises(DomainError, match="lebih besar dari 3"):
        numbering.set_next_serial("skt", 2025, 3, actor=None)
    numbering.set_next_serial("skt", 2025, 1436, actor=None)
    assert numbering.allocate("skt", local_date=date(2025, 6, 13), actor=None).serial == 1436


def test_external_numbers_are_unique(app):
    first = numbering.register_external(
        "skt", " 200.1.5.3/99/BAN.KBP/2025 ", local_date=date(2025, 6, 1), actor=None
    )
    assert first.serial is None
    assert first.number_text == "200.1.5.3/99/BAN.KBP/2025"
    with pytest.raises(NumberConflict, match="sudah terdaftar"):
        numbering.register_external(
            "skt", "200.1.5.3/99/BAN.KBP/2025", local_date=date(2025, 6, 1), actor=None
        )
