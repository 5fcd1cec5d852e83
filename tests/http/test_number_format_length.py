"""A number format whose longest number would not fit ``letter_numbers.number_text`` (120) is
refused when saved, in Indonesian, on both screens that edit it. SQLite stores a longer text
silently; PostgreSQL and MariaDB refuse it at the first approval, as a 500."""

from __future__ import annotations

import html
from datetime import date

import pytest

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import catalog, number_format, numbering

# 93 characters of template; with a 40-character kode and unit its longest number has 159.
LONG = "{kode}/{nomor}/{unit}/{bulan_romawi}/{tahun}/" + "KESBANGPOL" * 5
MESSAGE = "Format nomor terlalu panjang"


def test_longest_number_counts_every_part_at_its_longest():
    fmt = {"template": "{kode}/{nomor}/{unit}/{bulan_romawi}/{tahun}", "kode": "K" * 40}
    fmt.update({"unit": "U" * 40, "padding": 0})
    assert number_format.longest_number(fmt) == f"{'K' * 40}/999999/{'U' * 40}/VIII/9999"
    number_format.validate_format(fmt)  # 98 characters: fits
    with pytest.raises(number_format.NumberTemplateError, match=MESSAGE):
        number_format.validate_format({**fmt, "template": LONG})


def _service_unchanged(code: str, template: str) -> bool:
    db.session.expire_all()
    return catalog.get(code).number_template == template


def test_numbering_screen_refuses_a_format_too_long_for_the_register(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    service = catalog.all_services()[0]
    template = service.number_template
    data = {"template": LONG, "kode": "K" * 40, "unit": "U" * 40, "padding": "6"}
    data.update({"mode": "sisakat", "version": str(service.version)})
    page = admin.post(f"/admin/penomoran?layanan={service.code}", data=data)
    assert page.status_code == 200
    assert MESSAGE in page.text
    assert f'value="{LONG}"' in page.text  # what was typed stays
    assert _service_unchanged(service.code, template)


def test_service_screen_refuses_a_format_too_long_for_the_register(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    service = catalog.all_services()[0]
    template = service.number_template
    data = {"name": service.name, "sort_order": "1", "sla": "8", "number_padding": "6"}
    data.update({"letter_title": service.letter_title, "version": str(service.version)})
    data.update({"number_template": LONG, "number_kode": "K" * 40, "number_unit": "U" * 40})
    page = admin.post(f"/admin/layanan/{service.code}/ubah", data=data)
    assert page.status_code == 200
    assert MESSAGE in page.text
    assert _service_unchanged(service.code, template)


def test_a_format_saved_before_the_check_refuses_to_number(app):
    fmt = {"template": LONG, "kode": "K" * 40, "unit": "U" * 40, "padding": 0}
    with pytest.raises(number_format.NumberTemplateError, match="lebih dari 120 karakter"):
        numbering.allocate("uji", local_date=date(2026, 6, 1), actor=None, fmt=fmt)
    db.session.rollback()
    assert numbering.next_serial("uji", 2026) == 1


@pytest.mark.parametrize(
    ("kode", "unit", "odd"), [("200.1.5.3", "BAN&KBP", "&"), ("200 <b>", "BAN.KBP", "< >")]
)
def test_a_format_printing_a_sign_no_letter_number_has_is_refused(
    app, make, login_as, kode, unit, odd
):
    """'BAN&KBP' or '<b>' typed as a code was saved and would be printed in every number,
    although a number typed from SRIKANDI with the same sign is refused
    (``check_typed_number``): the number page refuses it in the same words, input kept."""
    admin = login_as(make.user(Role.SUPERADMIN))
    service = catalog.all_services()[0]
    data = {"template": "{kode}/{nomor}/{unit}/{tahun}", "kode": kode, "unit": unit}
    data.update({"padding": "0", "mode": "sisakat", "version": str(service.version)})
    page = admin.post(f"/admin/penomoran?layanan={service.code}", data=data)
    assert page.status_code == 200
    refusal = f"Format nomor memuat tanda yang tidak dipakai dalam nomor surat ({odd})."
    assert html.escape(refusal, quote=False) in page.text
    db.session.expire_all()
    assert (catalog.get(service.code).number_kode, catalog.get(service.code).number_unit) == (
        "200.1.5.3",
        "BAN.KBP",
    )
    data.update({"kode": "200.1.5.3", "unit": "BAN.KBP-1 (X)"})
    assert admin.post(f"/admin/penomoran?layanan={service.code}", data=data).status_code == 302
    db.session.expire_all()
    assert catalog.get(service.code).number_unit == "BAN.KBP-1 (X)"
