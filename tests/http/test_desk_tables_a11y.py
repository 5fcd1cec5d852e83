"""The desk tables changed lately (the verifier queue and the party register, which fold
columns on a phone, and the signing queue, whose row says a term of office is over): each
column head says it heads a column (scope), so a screen reader reads it with every cell."""

from __future__ import annotations

from sisakat.models import ApplicationStatus, Role
from tests.a11y_helpers import parse, problems
from tests.letters import helpers as h


def _heads_without_scope(html: str) -> list[str]:
    return [n.describe() for n in parse(html).walk() if n.tag == "th" and "scope" not in n.attrs]


def test_desk_table_heads_name_their_columns(app, make, login_as):
    """The heads were bare <th>: the column a phone folds away and the tick column's hidden
    'Pilih' were told apart from data cells only by their position."""
    h.prepared_letter(make.party())
    make.application(make.party(), status=ApplicationStatus.DIAJUKAN)
    pages = {
        "/petugas/": login_as(make.user(Role.VERIFIKATOR)),
        "/laporan/rekap-partai": login_as(make.user(Role.SUPERADMIN)),
        "/tte/": login_as(make.user(Role.PENANDATANGAN)),
    }
    for path, client in pages.items():
        page = client.get(path).get_data(as_text=True)
        assert "<th" in page, path
        assert problems(page) == [], path
        assert _heads_without_scope(page) == [], path
