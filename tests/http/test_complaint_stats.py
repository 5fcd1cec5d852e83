"""Complaint statistics for UU 25/2009 reporting: per category, for a period, received, still
open, closed, closed within the category's time limit and the average working hours to close
(the office's hours: nights, closed days and holidays not counted)."""

import re
from datetime import datetime, timedelta

from sisakat.extensions import db
from sisakat.models import ComplaintStatus, Role
from sisakat.services import settings
from tests.monitoring_helpers import count_queries


def _close(complaint, at: datetime) -> None:
    complaint.status, complaint.closed_at = ComplaintStatus.SELESAI, at
    db.session.commit()


def _rows(page: str) -> dict[str, list[str]]:
    """Each body row of the statistics table: its first cell -> the other cells' texts."""
    table = page.split('id="complaint-stats"')[1].split("</table>")[0]
    table = re.sub(r'<div class="d-sm-none.*?</div>', "", table)  # the phone fold
    out = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = [
            re.sub(r"<[^>]*>", "", c).strip()
            for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        ]
        out[cells[0]] = cells[1:]
    return out


def test_statistics_per_category_for_a_period(app, make, login_as):
    now = [datetime(2026, 3, 2, 3, 0)]  # Monday 10.00 WIB; the office open 08.00-16.00 Mon-Fri
    app.config["CLOCK"] = lambda: now[0]
    staff = make.user(Role.VERIFIKATOR)
    quick = make.complaint(category_days=5)
    late = make.complaint(category_days=5)
    late.category = quick.category
    still_open = make.complaint(category_days=5)
    still_open.category = quick.category
    other = make.complaint(category_days=10)
    db.session.commit()
    _close(quick, now[0] + timedelta(days=2))
    _close(late, now[0] + timedelta(days=7))
    now[0] = datetime(2026, 4, 1, 3, 0)
    make.complaint(category_days=5)  # filed after the period: not counted
    client = login_as(staff)
    page = client.get("/petugas/pengaduan/statistik?start=2026-03-01&end=2026-03-31")
    assert page.status_code == 200
    rows = _rows(page.get_data(as_text=True))
    # Diterima, Belum selesai, Selesai, Selesai tepat waktu, Rata-rata jam kerja sampai selesai:
    # Wednesday 10.00 is 6 + 8 + 2 = 16 working hours on, the next Monday 10.00 6 + 4 x 8 + 2 = 40
    assert rows[quick.category.name] == ["3", "1", "2", "1", "28,0"]
    assert rows[other.category.name] == ["1", "1", "0", "0", "—"]
    assert rows["Jumlah"] == ["4", "2", "2", "1", "28,0"]


def test_the_time_to_close_counts_working_hours_only(app, make, login_as):
    """The average counted calendar days: a ticket filed on Friday afternoon and closed on
    Tuesday morning, Monday a holiday, read "3,8" days; the office was open 2 hours of it."""
    settings.update({"office.holidays": ["2026-03-09"]}, actor=None)
    db.session.commit()
    now = [datetime(2026, 3, 6, 8, 0)]  # Friday 15.00 WIB
    app.config["CLOCK"] = lambda: now[0]
    complaint = make.complaint(category_days=5)
    _close(complaint, datetime(2026, 3, 10, 2, 0))  # Tuesday 09.00 WIB
    client = login_as(make.user(Role.VERIFIKATOR))
    page = client.get("/petugas/pengaduan/statistik?start=2026-03-01&end=2026-03-31")
    html = page.get_data(as_text=True)
    assert _rows(html)[complaint.category.name] == ["1", "0", "1", "1", "2,0"]
    assert "Rata-rata jam kerja sampai selesai" in html


def test_statistics_query_count_does_not_grow_with_complaints(app, make, login_as):
    client = login_as(make.user(Role.VERIFIKATOR))
    url = "/petugas/pengaduan/statistik"

    def queries() -> int:
        client.get(url)  # warm-up
        with count_queries() as counter:
            assert client.get(url).status_code == 200
        return counter["n"]

    make.complaint()
    few = queries()
    for i in range(30):
        make.complaint(status=ComplaintStatus.SELESAI if i % 2 else ComplaintStatus.BARU)
    assert queries() == few


def test_a_bad_period_gets_a_message_and_the_default_period(app, make, login_as):
    make.complaint()
    client = login_as(make.user(Role.VERIFIKATOR))
    page = client.get("/petugas/pengaduan/statistik?start=2026-13-45&end=xx")
    assert page.status_code == 200
    assert "Periode bawaan ditampilkan." in page.get_data(as_text=True)
    listed = client.get("/petugas/pengaduan").get_data(as_text=True)
    assert "/petugas/pengaduan/statistik" in listed  # the list links the statistics
