"""A complaint category's time limit counts the office's working days (the office days and
holidays of the application SLA), due when the office closes on the last one: a ticket filed on
Thursday with a 2-day limit fell due on Saturday, when the office is closed."""

from datetime import datetime

from sisakat.extensions import db
from sisakat.models import ComplaintStatus, Role
from sisakat.services import settings
from tests.http.test_complaint_stats import _rows

THURSDAY = datetime(2026, 12, 3, 3, 0)  # Thursday 3 Dec 2026 10.00 WIB; office 08-16 Mon-Fri
MONDAY_CLOSING = datetime(2026, 12, 7, 9, 0)  # Monday 7 Dec 16.00 WIB


def test_a_two_day_limit_filed_on_thursday_falls_due_when_monday_closes(app, make):
    app.config["CLOCK"] = lambda: THURSDAY
    complaint = make.complaint(category_days=2)
    assert complaint.due_at == MONDAY_CLOSING


def test_a_holiday_between_is_skipped(app, make):
    settings.update({"office.holidays": ["2026-12-04"]}, actor=None)  # the Friday
    db.session.commit()
    app.config["CLOCK"] = lambda: THURSDAY
    complaint = make.complaint(category_days=2)
    assert complaint.due_at == datetime(2026, 12, 8, 9, 0)  # Tuesday 16.00 WIB


def test_the_queue_flags_it_only_after_the_last_working_day(app, make, login_as):
    now = [THURSDAY]
    app.config["CLOCK"] = lambda: now[0]
    complaint = make.complaint(category_days=2)
    staff = make.user(Role.VERIFIKATOR)

    def queue_at(moment: datetime) -> str:
        now[0] = moment
        page = login_as(staff).get("/petugas/pengaduan")  # a fresh sign-in at that moment
        assert page.status_code == 200
        return page.get_data(as_text=True)

    assert "Terlambat" not in queue_at(datetime(2026, 12, 5, 5, 0))  # Saturday: office closed
    assert "Terlambat" not in queue_at(datetime(2026, 12, 7, 8, 59))  # Monday 15.59 WIB
    assert "Terlambat" in queue_at(datetime(2026, 12, 7, 9, 1))  # Monday 16.01 WIB
    detail = login_as(staff).get(f"/petugas/pengaduan/{complaint.id}").get_data(as_text=True)
    assert 'Batas waktu</dt><dd class="col-sm-9">7 Desember 2026 16.00 WIB' in detail


def test_closed_on_monday_counts_as_in_time_in_the_statistics(app, make, login_as):
    app.config["CLOCK"] = lambda: THURSDAY
    complaint = make.complaint(category_days=2)
    complaint.status = ComplaintStatus.SELESAI
    complaint.closed_at = datetime(2026, 12, 7, 3, 0)  # Monday 10.00 WIB
    db.session.commit()
    client = login_as(make.user(Role.VERIFIKATOR))
    page = client.get("/petugas/pengaduan/statistik?start=2026-12-01&end=2026-12-31")
    # Diterima, Belum selesai, Selesai, Selesai tepat waktu, jam kerja (6 + 8 + 2 = 16).
    assert _rows(page.get_data(as_text=True))[complaint.category.name] == [
        "1",
        "0",
        "1",
        "1",
        "16,0",
    ]


def test_the_category_pages_say_working_days(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    page = admin.get("/admin/pengaduan/kategori").get_data(as_text=True)
    assert "Batas waktu (hari kerja)" in page
    assert "Pelayanan permohonan (5 hari kerja)" in page
    refused = admin.post("/admin/pengaduan/kategori", data={"name": "X", "limit_days": "400"})
    assert "1 sampai 365 hari kerja." in refused.get_data(as_text=True)


def test_the_ticket_shows_its_own_due_moment_not_the_edited_category_limit(app, make, login_as):
    """A category edited after filing (2 → 7 working days) does not move the ticket: its page
    states the stored due moment as the limit and names the category's new rule only as the
    current one, so the two figures never read as the ticket's."""
    app.config["CLOCK"] = lambda: THURSDAY
    complaint = make.complaint(category_days=2)
    complaint.category.limit_days = 7
    db.session.commit()
    page = login_as(make.user(Role.VERIFIKATOR)).get(f"/petugas/pengaduan/{complaint.id}")
    text = " ".join(page.get_data(as_text=True).split())
    assert "(batas 7 hari kerja)" not in text
    assert 'Batas waktu</dt><dd class="col-sm-9">7 Desember 2026 16.00 WIB' in text
    assert "ketentuan kategori saat ini: 7 hari kerja" in text
