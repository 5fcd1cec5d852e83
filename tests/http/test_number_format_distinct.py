"""Two services numbering in different series (each its own serial) with the same format, e.g.
the ormas service given the party SKT's classification code, print the same number twice:
"200.1.5.3/1/BAN.KBP/2026" for the first letter of each. The register's UNIQUE refused the
second approval with "coba lagi", which never helped. Such a format is refused when saved, on
both screens that edit it, naming the other service; sharing the series is the way to share a
format."""

from __future__ import annotations

from datetime import date

import pytest

from sisakat.exceptions import NumberConflict
from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import catalog, number_format, numbering

MESSAGE = "mencetak nomor yang sama dengan layanan"


def _skt_and_ormas():
    skt, ormas = catalog.get("skt_parpol"), catalog.get("lapor_ormas")
    assert skt.number_series != ormas.number_series
    return skt, ormas


def test_two_series_with_one_format_would_give_one_number_twice(app):
    skt, _ormas = _skt_and_ormas()
    fmt = number_format.service_format(skt)
    numbering.allocate(skt.number_series, local_date=date(2026, 3, 2), actor=None, fmt=fmt)
    with pytest.raises(NumberConflict):
        numbering.allocate("ormas", local_date=date(2026, 3, 2), actor=None, fmt=fmt)


def _unchanged(code: str, kode: str) -> bool:
    db.session.expire_all()
    return catalog.get(code).number_kode == kode


def test_numbering_screen_refuses_another_series_format(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    skt, ormas = _skt_and_ormas()
    kode = ormas.number_kode
    data = {"template": skt.number_template, "kode": skt.number_kode, "unit": skt.number_unit}
    data.update({"padding": str(skt.number_padding), "mode": "sisakat"})
    data["version"] = str(ormas.version)
    page = admin.post(f"/admin/penomoran?layanan={ormas.code}", data=data)
    assert page.status_code == 200
    assert f"{MESSAGE} {skt.name}" in page.text
    assert _unchanged(ormas.code, kode)
    # A different unit keeps the numbers apart: saved.
    data["unit"] = "BAN.KBP.ORM"
    assert admin.post(f"/admin/penomoran?layanan={ormas.code}", data=data).status_code == 302


@pytest.mark.parametrize("padding", ["0", "3"])
def test_service_screen_refuses_another_series_format(app, make, login_as, padding):
    """Padding 3 against 0 still prints 123 alike: refused too."""
    admin = login_as(make.user(Role.SUPERADMIN))
    skt, ormas = _skt_and_ormas()
    kode = ormas.number_kode
    data = {"name": ormas.name, "sort_order": "2", "sla": "8", "number_padding": padding}
    data.update({"letter_title": ormas.letter_title, "version": str(ormas.version)})
    data.update({"number_template": skt.number_template, "number_kode": skt.number_kode})
    data["number_unit"] = skt.number_unit
    page = admin.post(f"/admin/layanan/{ormas.code}/ubah", data=data)
    assert page.status_code == 200
    assert MESSAGE in page.text
    assert _unchanged(ormas.code, kode)
