"""The party register keeps its good filters when one value is bad (as the ormas register and
the audit log do): the bad field's message beside it, the other filters applied, on the page
and in both exports."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from sisakat.models import Role

URL = "/laporan/rekap-partai"


def _world(make):
    """One board with an SKT in Sumatera Selatan, one without in Jambi, one without here."""
    make.issued_letter(make.party(party_name="Partai Berlaku Contoh"))
    make.party(party_name="Partai Jambi Contoh", region_name="Jambi")
    make.party(party_name="Partai Tanpa Contoh")


@pytest.mark.parametrize(
    ("query", "message", "expected"),
    [
        ("?validity=hilang&region=Jambi", "Pilihan tidak valid.", "Partai Jambi Contoh"),
        ("?region=Jambi&level=hilang", "Pilihan tidak valid.", "Partai Jambi Contoh"),
        ("?region=Sumatera%00&validity=berlaku", "karakter", "Partai Berlaku Contoh"),
    ],
)
def test_a_bad_filter_is_left_out_with_its_message_and_the_rest_apply(
    app, make, login_as, query, message, expected
):
    _world(make)
    client = login_as(make.user(Role.VERIFIKATOR))
    response = client.get(URL + query)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "invalid-feedback" in html
    assert message in html
    assert expected in html
    others = {"Partai Jambi Contoh", "Partai Berlaku Contoh", "Partai Tanpa Contoh"} - {expected}
    assert not [name for name in others if name in html]
    book = load_workbook(io.BytesIO(client.get(URL + ".xlsx" + query).data))
    names = [r[0] for r in book["Rekapitulasi"].iter_rows(min_row=3, values_only=True)]
    assert names == [expected]
    text = client.get(URL + ".csv" + query).get_data(as_text=True).lstrip("\ufeff")
    lines = [r for r in csv.reader(io.StringIO(text), delimiter=";") if r]
    header = next(i for i, r in enumerate(lines) if r[0] == "Partai")
    assert [r[0] for r in lines[header + 1 :]] == [expected]
