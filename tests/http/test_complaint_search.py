"""The staff complaint list: a search box (ticket number in any form, or words of the complaint,
the name or the contact) and pages that keep the search and the "all tickets" choice."""

import re

from sisakat.models import ComplaintStatus, Role
from sisakat.services import complaints


def _tickets(page: str) -> list[str]:
    """The tickets listed (the search box, which may hold one, left out)."""
    return re.findall(r"ADU-\d{4}-\d{6}", page.split('role="search"')[1].split("</form>", 1)[1])


def test_search_finds_a_ticket_by_its_number_in_any_form(app, make, login_as):
    """Staff with a complainant on the phone had no search: 500 tickets to scroll for one."""
    wanted = make.complaint(body="Lampu jalan mati")
    other = make.complaint(body="Antrean lama")
    staff = login_as(make.user(Role.VERIFIKATOR))
    for typed in (wanted.ticket.lower(), str(wanted.id), f"  {wanted.id:06d} ", wanted.ticket):
        page = staff.get("/petugas/pengaduan", query_string={"q": typed}).get_data(as_text=True)
        assert _tickets(page) == [wanted.ticket], typed
        assert other.ticket not in page


def test_search_finds_words_of_the_text_the_name_and_the_contact(app, make, login_as):
    road = make.complaint(body="Lampu JALAN mati di RT 3", name="Budi", contact="budi@contoh.test")
    queue = make.complaint(body="Antrean lama 50% waktu", name="Sari Wulan", contact="0812777")
    staff = login_as(make.user(Role.VERIFIKATOR))

    def found(q: str) -> list[str]:
        page = staff.get("/petugas/pengaduan", query_string={"q": q}).get_data(as_text=True)
        return _tickets(page)

    assert found("jalan") == [road.ticket]
    assert found("wulan") == [queue.ticket]
    assert found("0812777") == [queue.ticket]  # digits: a phone number, not only a ticket
    assert found("50%") == [queue.ticket]
    assert found("_") == []  # no wildcard
    page = staff.get("/petugas/pengaduan", query_string={"q": "tidak ada"}).get_data(as_text=True)
    assert "Tidak ada pengaduan yang cocok dengan pencarian." in page
    assert 'value="tidak ada"' in page  # the search stays in its box


def test_closed_tickets_are_searched_only_when_asked_and_pages_keep_the_filters(
    app, make, login_as, monkeypatch
):
    monkeypatch.setattr(complaints, "PER_PAGE", 2)
    closed = [
        make.complaint(body=f"Jalan rusak {i}", status=ComplaintStatus.SELESAI) for i in range(3)
    ]
    make.complaint(body="Antrean lama")
    staff = login_as(make.user(Role.VERIFIKATOR))
    assert _tickets(staff.get("/petugas/pengaduan?q=jalan").get_data(as_text=True)) == []
    first = staff.get("/petugas/pengaduan?q=jalan&semua=1").get_data(as_text=True)
    assert len(_tickets(first)) == 2
    nxt = re.search(r'href="([^"]*halaman=2[^"]*)"', first).group(1).replace("&amp;", "&")
    assert "q=jalan" in nxt
    assert "semua=1" in nxt
    second = staff.get(nxt).get_data(as_text=True)
    assert set(_tickets(first) + _tickets(second)) == {c.ticket for c in closed}


def test_hostile_search_input_gets_a_message_not_a_500(app, make, login_as):
    make.complaint()
    staff = login_as(make.user(Role.VERIFIKATOR))
    long = staff.get("/petugas/pengaduan", query_string={"q": "x" * 500, "halaman": "9" * 40})
    assert long.status_code == 200
    assert "Field cannot be longer" not in long.get_data(as_text=True)
    bad = staff.get("/petugas/pengaduan", query_string={"q": "a\x00b", "semua": "zzz"})
    assert bad.status_code == 200
    assert "karakter yang tidak diizinkan" in bad.get_data(as_text=True)


def test_a_ticket_typed_with_another_year_does_not_find_this_years_ticket(app, make, login_as):
    """Typed "ADU-2025-000012" found this year's ADU-2026-000012: only the serial counted."""
    wanted = make.complaint(body="Lampu jalan mati")
    year = int(wanted.ticket.split("-")[1])
    staff = login_as(make.user(Role.VERIFIKATOR))

    def found(q: str) -> list[str]:
        page = staff.get("/petugas/pengaduan", query_string={"q": q}).get_data(as_text=True)
        return _tickets(page)

    for other_year in (year - 1, year + 1):
        assert found(f"ADU-{other_year}-{wanted.id:06d}") == [], other_year
        assert found(f"adu-{other_year}-{wanted.id}") == [], other_year
    assert found(f"ADU-{year}-{wanted.id}") == [wanted.ticket]  # its own year, zeros left out
    assert found(f"adu{year}{wanted.id:06d}") == [wanted.ticket]
    assert found(str(wanted.id)) == [wanted.ticket]  # no year typed: the serial alone
