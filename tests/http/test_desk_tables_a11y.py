"""The desk tables changed lately (the verifier queue and the party register, which fold
columns on a phone, and the signing queue, whose row says a term of office is over): each
column head says it heads a column (scope), so a screen reader reads it with every cell."""

from __future__ import annotations

from sisakat.models import ApplicationStatus, Role
from sisakat.services import settings
from tests.a11y_helpers import parse, problems, same_name_elsewhere
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


def test_repeated_row_actions_name_their_letter(app, make, login_as):
    """Every row said "Unduh PDF", "Tandatangani", "Kembalikan ke Verifikator", "Cabut": a
    screen reader's links list heard them ten times over, not which letter each was for. The
    row's letter is now part of each name (hidden text, nothing changes on screen). So for the
    fields of every row's form: the signing desk's signed PDF and scan fields and the register's
    "Alasan pencabutan" had one label for all rows, which field was whose only by position."""
    # In-app signing with scans allowed: every button the signing desk has.
    settings.update({"signing.backend": "pades", "signing.allow_scan": True}, actor=None)
    h.prepared_letter(make.party())
    h.prepared_letter(make.party())
    board = make.party()
    make.issued_letter(board)
    make.issued_letter(board)
    pages = {
        "/tte/": login_as(make.user(Role.PENANDATANGAN)),
        "/petugas/surat": login_as(make.user(Role.VERIFIKATOR)),
        "/admin/surat": login_as(make.user(Role.SUPERADMIN)),
    }
    for path, client in pages.items():
        page = client.get(path).get_data(as_text=True)
        assert page.count("<tr") >= 3, path  # head and two rows
        assert same_name_elsewhere(page) == [], path
        if path == "/tte/":  # the in-app and scan buttons are there too
            assert page.count("Tandatangani<span") == page.count("TTD basah<span") == 2
            assert page.count('type="file"') == page.count('name="scan"') == 2
        if path == "/admin/surat":
            assert page.count("<textarea") == page.count('name="confirm"') == 2
        assert problems(page) == [], path
