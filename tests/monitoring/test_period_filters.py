"""The dashboard and the IKM report read their period by the one range rule (``usable_range``):
a bad date is left out with an Indonesian message beside its field, the other filters stay."""

import csv
import io
from datetime import datetime

from openpyxl import load_workbook

from sisakat.models import Role


def _csv_title(client, query: str) -> str:
    text = client.get("/laporan/dasbor.csv?" + query).get_data(as_text=True)
    return next(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))[0]


def test_a_bad_dashboard_date_keeps_the_other_filters_and_says_so(app, make, login_as):
    """A typo in the start date used to drop every filter (level, service, the valid end date)
    and show the whole default period, so the figures silently covered something else."""
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    client = login_as(make.user(Role.PENANDATANGAN))
    query = "start=kemarin&end=2026-02-28&level=kota&service=skt_parpol"
    page = client.get("/laporan/dasbor?" + query)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Tanggal tidak valid." in html
    assert "Tanggal bawaan ditampilkan." in html
    assert 'value="2026-02-28"' in html  # the valid end date is kept
    title = _csv_title(client, query)
    assert title.startswith("Dasbor SISAKAT · Periode 1 Januari 2026 s.d. 28 Februari 2026")
    assert title.endswith("· Tingkat Kota")
    assert "Layanan" in title


def test_a_reversed_dashboard_period_is_named_not_swapped(app, make, login_as):
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    client = login_as(make.user(Role.PENANDATANGAN))
    query = "start=2026-03-10&end=2026-03-01&level=kota"
    html = client.get("/laporan/dasbor?" + query).get_data(as_text=True)
    assert "Tanggal sampai sebelum tanggal dari." in html
    assert "Periode bawaan ditampilkan." in html
    title = _csv_title(client, query)
    assert title == "Dasbor SISAKAT · Periode 1 Januari 2026 s.d. 20 Maret 2026 · Tingkat Kota"


def test_a_bad_ikm_date_keeps_the_valid_one_and_the_service(app, make, login_as):
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    client = login_as(make.user(Role.VERIFIKATOR))
    query = "start=2026-02-01&end=2026-02-31&service=skt_parpol"
    html = client.get("/laporan/ikm?" + query).get_data(as_text=True)
    assert "Tanggal tidak valid." in html
    assert "Tanggal bawaan ditampilkan." in html
    assert 'value="2026-02-01"' in html
    book = load_workbook(io.BytesIO(client.get("/laporan/ikm.xlsx?" + query).data))
    rows = list(book["IKM"].iter_rows(values_only=True))
    assert list(rows[1][:4]) == ["Periode", datetime(2026, 2, 1), "s.d.", datetime(2026, 3, 20)]
    assert any(r[0] == "Layanan" and r[1] != "Semua layanan" for r in rows)
