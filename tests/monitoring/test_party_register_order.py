"""The party register lists boards by party name in any case, on every database: SQLite (and
PostgreSQL under the C collation) compare bytes, so "PDI ..." came before "Partai ..." and a
name typed in lower case came last, while MariaDB's case-insensitive collation mixed them."""

from __future__ import annotations

import csv
import io

from sisakat.models import Role

URL = "/laporan/rekap-partai"
ORDER = ["Partai Amanat Contoh", "partai Bulan Contoh", "PDI Contoh"]


def test_boards_are_listed_by_name_whatever_its_case(app, make, login_as):
    for name in ("PDI Contoh", "partai Bulan Contoh", "Partai Amanat Contoh"):
        make.party(party_name=name)
    client = login_as(make.user(Role.VERIFIKATOR))
    html = client.get(URL).get_data(as_text=True)
    assert sorted(ORDER, key=html.index) == ORDER
    text = client.get(URL + ".csv").get_data(as_text=True).lstrip("\ufeff")
    lines = [r for r in csv.reader(io.StringIO(text), delimiter=";") if r]
    header = next(i for i, r in enumerate(lines) if r[0] == "Partai")
    assert [r[0] for r in lines[header + 1 :]] == ORDER


def test_the_letter_register_offers_boards_by_name_whatever_its_case(app, make, login_as):
    boards = ["DPD Amanat Contoh", "dpd Bulan Contoh", "DPD PDI Contoh"]
    for board in reversed(boards):  # each with a letter: the filter offers only those
        make.issued_letter(make.party(board_name=board))
    client = login_as(make.user(Role.SUPERADMIN))
    html = client.get("/admin/surat").get_data(as_text=True)
    options = [f">{board}</option>" for board in boards]
    assert all(option in html for option in options)
    assert sorted(options, key=html.index) == options
