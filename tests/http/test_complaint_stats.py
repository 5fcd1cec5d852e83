"""Complaint statistics for UU 25/2009 reporting: per category, for a period, received, still
open, closed, closed within the category's time limit and the average working hours to close
(the office's hours: nights, closed days and holidays not counted); the same table as XLSX."""

import io
import re
from datetime import datetime, timedelta

from openpyxl import load_workbook

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
    _close(late, now[0] + timedelta(days=8))  # due at closing on the 5th working day, Monday
    now[0] = datetime(2026, 4, 1, 3, 0)
    make.complaint(category_days=5)  # filed after the period: not counted
    client = login_as(staff)
    page = client.get("/petugas/pengaduan/statistik?start=2026-03-01&end=2026-03-31")
    assert page.status_code == 200
    rows = _rows(page.get_data(as_text=True))
    # Diterima, Belum selesai, Selesai, Selesai tepat waktu, Rata-rata jam kerja sampai selesai:
    # Wednesday 10.00 is 6 + 8 + 2 = 16 working hours on, the next Tuesday 10.00 6 + 5 x 8 + 2 = 48
    assert rows[quick.category.name] == ["3", "1", "2", "1", "32,0"]
    assert rows[other.category.name] == ["1", "1", "0", "0", "—"]
    assert rows["Jumlah"] == ["4", "2", "2", "1", "32,0"]


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


def test_the_statistics_download_as_xlsx_with_the_same_numbers(app, make, login_as):
    """Other reports had an XLSX; the statistics only printed. The file's first line names the
    day it was made and the period; the cells are the page's numbers."""
    now = [datetime(2026, 3, 2, 3, 0)]  # Monday 10.00 WIB
    app.config["CLOCK"] = lambda: now[0]
    first = make.complaint(category_days=5)
    second = make.complaint(category_days=5)
    second.category = first.category
    other = make.complaint(category_days=10)
    db.session.commit()
    _close(first, now[0] + timedelta(days=1))  # Tuesday 10.00: 8 working hours
    _close(second, now[0] + timedelta(days=2, hours=1))  # Wednesday 11.00: 17 working hours
    now[0] = datetime(2026, 4, 6, 3, 0)
    client = login_as(make.user(Role.VERIFIKATOR))
    query = "?start=2026-03-01&end=2026-03-31"
    page = client.get("/petugas/pengaduan/statistik" + query).get_data(as_text=True)
    link = "/petugas/pengaduan/statistik.xlsx?start=2026-03-01&amp;end=2026-03-31"
    assert link in page  # the download carries the period shown
    answer = client.get("/petugas/pengaduan/statistik.xlsx" + query)
    assert answer.status_code == 200
    assert "statistik-pengaduan-20260301-20260331.xlsx" in answer.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(answer.data)).active
    cells = list(sheet.iter_rows(values_only=True))
    assert cells[0][0] == (
        "Statistik Pengaduan · per 6 April 2026 · Periode 1 Maret 2026 s.d. 31 Maret 2026"
    )
    assert cells[1] == (
        "Kategori",
        "Diterima",
        "Belum selesai",
        "Selesai",
        "Selesai tepat waktu",
        "Rata-rata jam kerja sampai selesai",
    )
    assert sorted(cells[2:-1]) == sorted(
        [(first.category.name, 2, 0, 2, 2, 12.5), (other.category.name, 1, 1, 0, 0, None)]
    )  # by name, as the page lists them
    assert cells[-1] == ("Jumlah", 3, 1, 2, 2, 12.5)
    empty = client.get("/petugas/pengaduan/statistik.xlsx?start=2025-01-01&end=2025-01-31")
    rows = list(load_workbook(io.BytesIO(empty.data)).active.iter_rows(values_only=True))
    assert rows[2:] == [("Jumlah", 0, 0, 0, 0, None)]  # a period without complaints


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
    export = client.get("/petugas/pengaduan/statistik.xlsx?start=2026-13-45&end=xx")
    assert export.status_code == 200  # the default period, as on the page
    first_line = load_workbook(io.BytesIO(export.data)).active["A1"].value
    assert first_line.startswith("Statistik Pengaduan · per ")
    listed = client.get("/petugas/pengaduan").get_data(as_text=True)
    assert "/petugas/pengaduan/statistik" in listed  # the list links the statistics


def test_a_category_named_like_a_formula_is_text_in_the_xlsx(app, make, login_as):
    """A category is typed by the super admin and lands in the first column: a name starting
    with "=" must open as its text, never as a formula the spreadsheet runs (the rule of every
    export: ``table_export.append_row`` writes text as string cells)."""
    app.config["CLOCK"] = lambda: datetime(2026, 3, 2, 3, 0)
    complaint = make.complaint(category_days=5)
    complaint.category.name = '=HYPERLINK("https://contoh.test","klik")'
    db.session.commit()
    client = login_as(make.user(Role.VERIFIKATOR))
    answer = client.get("/petugas/pengaduan/statistik.xlsx?start=2026-03-01&end=2026-03-31")
    sheet = load_workbook(io.BytesIO(answer.data)).active
    cell = sheet["A3"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("https://contoh.test","klik")', "s")
