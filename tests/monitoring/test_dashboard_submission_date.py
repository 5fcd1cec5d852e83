"""The dashboard counts and charts each application by the one date an office reports it
received: its first submission (Diajukan), on the office's day. A draft never submitted is not
an application received. Before, the count took the day the draft was created and the chart
the submission month, so an application drafted 28 December and submitted 3 January was in
neither January's count nor December's chart."""

from __future__ import annotations

from datetime import date

from sisakat.extensions import db
from sisakat.models import Action as A
from sisakat.models import Role
from sisakat.services import stats
from tests import factories
from tests.monitoring_helpers import timeline, wib

DECEMBER = stats.StatsFilter(date(2026, 12, 1), date(2026, 12, 31))
JANUARY = stats.StatsFilter(date(2027, 1, 1), date(2027, 1, 31))
BOTH = stats.StatsFilter(date(2026, 12, 1), date(2027, 1, 31))


def _year_end() -> None:
    """Drafted 28 Dec, submitted 3 Jan; drafted and submitted 30 Dec; submitted 23.30 WIB on
    31 Dec (31 Dec by UTC too) and 00.30 WIB on 1 Jan (still 31 Dec by UTC); a draft of
    2 January never submitted."""
    late = timeline([(A.AJUKAN, "2027-01-03 09:00"), (A.AMBIL, "2027-01-03 09:30")])
    late.created_at = wib("2026-12-28 10:00")
    timeline([(A.AJUKAN, "2026-12-30 10:00")])
    timeline([(A.AJUKAN, "2026-12-31 23:30")])
    timeline([(A.AJUKAN, "2027-01-01 00:30")])
    draft = factories.application(factories.party(commit=False), commit=False)
    draft.created_at = wib("2027-01-02 10:00")
    db.session.commit()


def test_count_and_chart_use_the_first_submission_on_the_office_day(app):
    _year_end()
    january = stats.dashboard(JANUARY)
    assert january.total == 2  # submitted 3 Jan (drafted in December) and 00.30 WIB 1 Jan
    assert dict(january.per_month) == {"Jan 2027": 2}
    assert dict(january.by_status) == {
        "Diajukan": 1,
        "Diverifikasi": 1,
        "Perlu Perbaikan": 0,
        "Ditolak": 0,
        "Menunggu TTE": 0,
        "Terbit": 0,
        "Dicabut": 0,
        "Diganti": 0,
        "Dibatalkan": 0,
    }  # no Draf line: a draft is not an application received
    december = stats.dashboard(DECEMBER)
    assert december.total == 2
    assert dict(december.per_month) == {"Des 2026": 2}
    both = stats.dashboard(BOTH)
    assert both.total == 4
    assert dict(both.per_month) == {"Des 2026": 2, "Jan 2027": 2}
    for dash in (january, december, both):  # the chart adds up to the count, always
        assert sum(n for _label, n in dash.per_month) == dash.total
        assert sum(n for _label, n in dash.by_status) == dash.total
        assert sum(row.applications for row in dash.by_level) == dash.total


def test_the_page_says_what_it_counts(app, login_as):
    _year_end()
    client = login_as(factories.user(Role.VERIFIKATOR))
    page = client.get("/laporan/dasbor?start=2027-01-01&end=2027-01-31").get_data(as_text=True)
    assert '<div class="small">Permohonan diajukan</div><div class="fs-3" id="jumlah">2</div>' in (
        page
    )
    assert "Permohonan diajukan dalam periode" in page  # the summary table's first row
    assert "menurut tanggal pengajuan pertama" in page
    csv = client.get("/laporan/dasbor.csv?start=2027-01-01&end=2027-01-31").get_data(as_text=True)
    assert "Permohonan diajukan dalam periode;2" in csv
