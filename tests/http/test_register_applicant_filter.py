"""The letter register's "Pemohon" filter listed every applicant, those with no letter at all
too (choosing one showed an empty register). It offers only applicants with a letter the
register lists (issued or cancelled), by name in any case, in one statement."""

from __future__ import annotations

import re

from sisakat.models import Role
from tests.letters import helpers as h
from tests.monitoring_helpers import count_queries


def _options(html: str) -> list[str]:
    select = html[html.index('<select name="partai"') :]
    select = select[: select.index("</select>")]
    return re.findall(r'<option value="\d+"[^>]*>([^<]*)</option>', select)


def test_only_applicants_with_letters_in_the_register_are_offered(app, make, login_as):
    with_letter = [make.party(board_name=n) for n in ("dpd Bulan Contoh", "DPD Amanat Contoh")]
    for party in with_letter:
        make.issued_letter(party)
    make.party(board_name="DPD Tanpa Surat Contoh")  # never applied
    h.prepared_letter(make.party(board_name="DPD Menunggu Contoh"))  # only awaiting signature
    client = login_as(make.user(Role.SUPERADMIN))
    html = client.get("/admin/surat").get_data(as_text=True)
    assert _options(html) == ["DPD Amanat Contoh", "dpd Bulan Contoh"]


def test_the_filter_costs_the_same_statements_however_many_applicants(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    make.issued_letter(make.party(board_name="DPD Amanat Contoh"))

    def statements() -> int:
        client.get("/admin/surat")  # warm
        with count_queries() as counter:
            client.get("/admin/surat")
        return counter["n"]

    one = statements()
    for n in range(3):
        make.party(board_name=f"DPD Tanpa Surat {n}")
    assert statements() == one
