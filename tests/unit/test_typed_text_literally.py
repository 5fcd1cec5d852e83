"""Every staff search box finds what was typed, literally and in any case: ``%``, ``_`` and a
backslash are characters to find, never LIKE wildcards or escapes (``services/text_match.py``,
the one rule). Run on SQLite, PostgreSQL and MariaDB (whose LIKE escapes differ)."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Role
from sisakat.services import (
    letter_registry,
    letter_search,
    numbering,
    ormas_registry,
    queue,
    register,
    users,
)

HIT = "Maju_Jaya 100% \\ Baru"  # holds every character a LIKE pattern would read otherwise
MISS = "MajuXJaya 1000 \\\\ Baru"  # what each of them would match as a wildcard or an escape
TYPED = ("maju_jaya", "MAJU_JAYA 100%", "100% \\ b", "_", "%")


def _names(found) -> list[str]:
    return sorted(str(x) for x in found)


@pytest.mark.parametrize("typed", TYPED)
def test_letter_search_and_register_take_the_number_and_name_literally(app, make, typed):
    hit = make.issued_letter(make.party(board_name=f"DPC {HIT}"), number_text=f"1/{HIT}/2026")
    make.issued_letter(make.party(board_name=f"DPC {MISS}"), number_text=f"2/{MISS}/2026")
    for filters in (
        letter_search.LetterFilter(number=typed),
        letter_search.LetterFilter(party=typed),
    ):
        found = letter_search.search(filters).items
        assert [letter.id for letter in found] == [hit.id], (typed, filters)
    query = letter_registry.register_query(text=typed, today=numbering.office_today())
    assert [letter.id for letter in db.session.execute(query).scalars()] == [hit.id], typed


@pytest.mark.parametrize("typed", TYPED)
def test_party_register_region_is_taken_literally(app, make, typed):
    hit = make.party(region_name=f"Kota {HIT}")
    make.party(region_name=f"Kota {MISS}")
    rows = register.rows(register.RegisterFilter(region=typed), numbering.office_today())
    assert [row.party.id for row in rows] == [hit.id], typed


@pytest.mark.parametrize("typed", TYPED)
def test_ormas_registry_search_is_taken_literally(app, make, typed):
    by_name = make.ormas(party_name=f"Perkumpulan {HIT}")
    make.ormas(party_name=f"Perkumpulan {MISS}", chair="Budi Contoh")
    by_chair = make.ormas(party_name="Yayasan Lain", chair=f"Ketua {HIT}")
    make.ormas(party_name="Yayasan Lain Lagi", chair=f"Ketua {MISS}")
    filters = ormas_registry.OrmasFilter(search=typed)
    found = db.session.execute(ormas_registry.query(filters, numbering.office_today())).scalars()
    assert _names(p.id for p in found) == _names([by_name.id, by_chair.id]), typed


@pytest.mark.parametrize("typed", TYPED)
def test_verifier_queue_search_is_taken_literally(app, make, typed):
    hit = make.application(make.party(board_name=f"DPC {HIT}"), status=ApplicationStatus.DIAJUKAN)
    make.application(make.party(board_name=f"DPC {MISS}"), status=ApplicationStatus.DIAJUKAN)
    _pagination, rows = queue.page(queue.QueueFilter(search=typed))
    assert [row.id for row in rows] == [hit.id], typed


@pytest.mark.parametrize("typed", TYPED)
def test_user_list_search_is_taken_literally(app, make, typed):
    hit = make.user(Role.VERIFIKATOR, full_name=f"Petugas {HIT}")
    make.user(Role.VERIFIKATOR, full_name=f"Petugas {MISS}")
    found = users.list_users(search=typed).items
    assert [user.id for user in found] == [hit.id], typed
