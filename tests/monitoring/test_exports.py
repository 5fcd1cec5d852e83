"""The dashboard and register exports hold the same numbers as the pages."""

import csv
import io
import re
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from sisakat.extensions import db
from sisakat.models import Action as A
from sisakat.models import Level, Role
from tests.monitoring.test_stats import three_applications
from tests.monitoring_helpers import bulk_issued, count_queries, issued_letter, timeline

QUERY = "?start=2026-03-01&end=2026-03-31"
OUTSIDE = ["start=0001-01-01&end=0001-12-31", "start=9999-01-01&end=9999-12-31"]


def test_dashboard_xlsx_and_csv_match_the_page(app, make, login_as):
    three_applications()
    client = login_as(make.user(Role.PENANDATANGAN))
    page = client.get("/laporan/dasbor" + QUERY).get_data(as_text=True)
    assert 'id="median">1,58 jam' in page
    assert 'id="p90">2,50 jam' in page
    assert 'id="sla">100,0%' in page
    book = load_workbook(io.BytesIO(client.get("/laporan/dasbor.xlsx" + QUERY).data))
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(min_row=3, values_only=True)}
    assert summary["Median waktu proses (jam kerja)"] == 1.58
    assert summary["Persentil ke-90 waktu proses (jam kerja)"] == 2.5
    assert summary["Persentase dalam SLA (%)"] == 100.0
    stages = list(book["Per tahap"].iter_rows(min_row=3, values_only=True))
    assert [v for _l, v in stages] == [0.88, 0.38, 0.33]  # 52,5 / 22,5 / 20 minutes
    for _label, value in stages:
        assert f"{value:.2f}".replace(".", ",") in page
    text = client.get("/laporan/dasbor.csv" + QUERY).get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["Median waktu proses (jam kerja)", "1,58"] in rows  # decimal comma, as Excel-ID reads
    assert ["Persentase dalam SLA (%)", "100"] in rows
    assert ["Mar 2026", "3"] in rows
    # Both files say what they cover: the period, and the filters when any are set.
    covers = "Dasbor SISAKAT · Periode 1 Maret 2026 s.d. 31 Maret 2026"
    assert book["Ringkasan"]["A1"].value == covers
    assert rows[0] == [covers]
    level = client.get("/laporan/dasbor.csv" + QUERY + "&level=kota").get_data(as_text=True)
    assert level.lstrip("\ufeff").startswith(f"{covers} · Tingkat Kota")


def test_register_lists_current_skt_and_exports_it(app, make, login_as):
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    application = timeline([(A.AJUKAN, "2026-01-05 09:00"), (A.TERBITKAN, "2026-01-05 09:40")])
    issued_letter(application, valid_until=date(2026, 4, 30), number="200.1.5.3/7/BAN.KBP/2026")
    client = login_as(make.user(Role.VERIFIKATOR))
    page = client.get("/laporan/rekap-partai?validity=segera").get_data(as_text=True)
    assert "200.1.5.3/7/BAN.KBP/2026" in re.sub(r"<[^>]*>", "", page)  # may wrap after a slash
    assert "30 April 2026" in page
    assert "Segera berakhir" in page
    book = load_workbook(io.BytesIO(client.get("/laporan/rekap-partai.xlsx?validity=segera").data))
    row = next(book["Rekapitulasi"].iter_rows(min_row=3, values_only=True))
    assert row[4:8] == (
        "200.1.5.3/7/BAN.KBP/2026", datetime(2021, 5, 1), datetime(2026, 4, 30), "Berlaku"
    )  # fmt: skip
    assert row[9] == "Segera berakhir"
    cells = next(book["Rekapitulasi"].iter_rows(min_row=3))
    assert all(c.is_date and c.number_format == "dd/mm/yyyy" for c in cells[5:7])
    text = client.get("/laporan/rekap-partai.csv?validity=segera").get_data(as_text=True)
    line = next(r for r in csv.reader(io.StringIO(text), delimiter=";") if "Berlaku" in r)
    assert line[4:8] == ["200.1.5.3/7/BAN.KBP/2026", "01/05/2021", "30/04/2026", "Berlaku"]
    empty = client.get("/laporan/rekap-partai?validity=tanpa").get_data(as_text=True)
    assert "200.1.5.3/7/BAN.KBP/2026" not in empty


def test_bad_filter_values_show_defaults_with_a_message(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/laporan/dasbor?start=kemarin&level=dpp&service=x")
    assert page.status_code == 200
    assert "Nilai tidak valid; nilai bawaan ditampilkan." in page.get_data(as_text=True)
    register = client.get("/laporan/rekap-partai?validity=hilang&region=%00")
    assert register.status_code == 200
    assert client.get("/laporan/rekap-partai/999999").status_code == 404


def test_register_query_count_does_not_grow_with_boards(app, make, login_as):
    client = login_as(make.user(Role.VERIFIKATOR))
    bulk_issued(2)
    with count_queries() as few:
        assert client.get("/laporan/rekap-partai").status_code == 200
    bulk_issued(40)
    with count_queries() as many:
        page = client.get("/laporan/rekap-partai").get_data(as_text=True)
    assert page.count("<td>Belum ada SKT</td>") == 42
    assert many["n"] == few["n"]


def test_exports_of_hostile_or_unusual_names_download_and_keep_the_text(app, make, login_as):
    """A name stored with a control character (NUL, bell: data from before the forms refused
    them, or a restored backup) made every register XLSX answer 500 (openpyxl refuses such a
    cell). Now the character is left out; markup, Indonesian letters and a leading '=' keep
    their text (the '=' quoted in the CSV; a string cell in the XLSX), and text longer than a
    cell holds is cut to fit."""
    names = {
        "Partai\x00Contoh Nul": "PartaiContoh Nul",
        "Partai\x07Contoh Bel": "PartaiContoh Bel",
        '=HYPERLINK("http://contoh.test")': '=HYPERLINK("http://contoh.test")',
        "<b>Partai</b> & Contoh": "<b>Partai</b> & Contoh",
        "Partai Nusantara — Ñusa Ĕlok (ü é)": "Partai Nusantara — Ñusa Ĕlok (ü é)",
    }
    if db.engine.dialect.name == "postgresql":  # PostgreSQL text cannot hold a NUL at all
        del names["Partai\x00Contoh Nul"]
    for name in names:
        make.party(party_name=name)
        make.ormas(party_name=name, chair=name)
    client = login_as(make.user(Role.VERIFIKATOR))
    for url, sheet in (
        ("rekap-partai.xlsx", "Rekapitulasi"),
        ("register-ormas.xlsx", "Register Ormas"),
    ):
        response = client.get(f"/laporan/{url}")
        assert response.status_code == 200, url
        cells = load_workbook(io.BytesIO(response.data))[sheet]["A"][2:]
        assert sorted(c.value for c in cells) == sorted(names.values())
        assert all(c.data_type == "s" for c in cells)
    text = client.get("/laporan/rekap-partai.csv").get_data(as_text=True)
    first = [r[0] for r in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";") if r]
    hyperlink = '=HYPERLINK("http://contoh.test")'
    quoted = {"'" + v if v == hyperlink else v for v in names.values()}  # CSV: no cell types
    assert quoted <= set(first)
    assert "\x00" not in text
    assert "\x07" not in text


@pytest.mark.parametrize(
    "period", ["start=0001-01-01&end=0001-12-31", "start=9999-01-01&end=9999-12-31"]
)
def test_a_period_outside_the_calendar_shows_the_default_period_with_a_message(
    app, make, login_as, period
):
    """Year 1 or 9999 in a report's period (a typo, or an edited address) overflowed the
    office-zone arithmetic: the IKM and dashboard pages and their XLSX/CSV answered 500, and so
    did the audit log's date filter. Now such a year is refused like any bad value and the
    default period is shown, with the page's message."""
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    client = login_as(make.user(Role.SUPERADMIN))
    said = {
        "/laporan/ikm": "Tahun tidak wajar.",
        "/laporan/dasbor": "Periode bawaan ditampilkan.",
    }
    for url, message in said.items():
        page = client.get(f"{url}?{period}")
        assert page.status_code == 200, url
        assert message in page.get_data(as_text=True)
    book = load_workbook(io.BytesIO(client.get(f"/laporan/ikm.xlsx?{period}").data))
    assert [c.value for c in book["IKM"][2][:4]] == [
        "Periode", datetime(2026, 1, 1), "s.d.", datetime(2026, 3, 20)
    ]  # fmt: skip
    for url in ("/laporan/dasbor.xlsx", "/laporan/dasbor.csv"):
        assert client.get(f"{url}?{period}").status_code == 200, url
    dates = period.replace("start", "date_from").replace("end", "date_to")
    audit = client.get(f"/admin/log-audit?{dates}")
    assert audit.status_code == 200
    assert "Tahun tidak wajar." in audit.get_data(as_text=True)


def test_register_counts_a_revoked_skt_as_issued_like_the_dashboard(app, make, login_as):
    """A board whose SKT was revoked showed "1 (0 terbit)" in the register and 0 in the
    exports' Terbit column (only applications still in Terbit were counted), beside that very
    SKT's number, while the dashboard counted the application as issued. An application in
    Dicabut or Diganti was issued: it counts."""
    letter = make.issued_letter()
    admin = login_as(make.user(Role.SUPERADMIN))
    revoked = admin.post(
        f"/admin/surat/{letter.id}/cabut",
        data={"reason": "SK kepengurusan dibatalkan DPP.", "confirm": "y", "version": 1},
    )
    assert revoked.status_code == 302
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", admin.get("/laporan/rekap-partai").text))
    assert "1 (1 terbit)" in page
    assert "(0 terbit)" not in page
    book = load_workbook(io.BytesIO(admin.get("/laporan/rekap-partai.xlsx").data))
    row = next(book["Rekapitulasi"].iter_rows(min_row=3, values_only=True))
    assert (row[7], row[10], row[11]) == ("Dicabut", 1, 1)
    text = admin.get("/laporan/rekap-partai.csv").get_data(as_text=True)
    line = next(r for r in csv.reader(io.StringIO(text), delimiter=";") if "Dicabut" in r)
    assert line[10:] == ["1", "1"]


def test_the_sla_is_named_in_working_hours_as_the_service_form_sets_it(app, make, login_as):
    """The service form sets the promise in working hours (the ormas report: 120), but the
    dashboard named it "7200 menit kerja"; it names the hours now, on the page and in the
    exports ("1 jam kerja" for the party SKT's 60 minutes, "0,25" for a quarter hour)."""
    from sisakat.services import catalog

    sla = {s.code: s.sla_minutes for s in catalog.all_services()}
    assert (sla["lapor_ormas"], sla["skt_parpol"]) == (7200, 60)
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/laporan/dasbor" + QUERY + "&service=lapor_ormas").get_data(as_text=True)
    assert "Dalam SLA (120 jam kerja)" in re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", page))
    assert "menit kerja" not in page
    text = client.get("/laporan/dasbor.csv" + QUERY + "&service=skt_parpol").get_data(as_text=True)
    assert "Terbit dalam SLA (1 jam kerja);0" in text


def test_a_revoked_skt_reads_dicabut_in_the_register_not_expired(app, make, login_as):
    """A board whose valid SKT was revoked stood under "Kedaluwarsa / berakhir", as if its
    letter had only run out, and the Keadaan filter for expired boards listed it. Its state
    is "Dicabut" now, with a filter of its own."""
    letter = make.issued_letter()
    admin = login_as(make.user(Role.SUPERADMIN))
    admin.post(
        f"/admin/surat/{letter.id}/cabut",
        data={"reason": "SK kepengurusan dibatalkan DPP.", "confirm": "y", "version": 1},
    )
    board = letter.application.party.board_name

    def listed(state: str) -> str:
        page = admin.get(f"/laporan/rekap-partai?validity={state}").get_data(as_text=True)
        return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", page))

    assert board in listed("dicabut")
    assert board not in listed("kedaluwarsa")
    page = admin.get("/laporan/rekap-partai").get_data(as_text=True)
    assert "<td>SKT dicabut</td>" in page
    assert "<td>Kedaluwarsa / berakhir</td>" not in page
    book = load_workbook(io.BytesIO(admin.get("/laporan/rekap-partai.xlsx").data))
    row = next(book["Rekapitulasi"].iter_rows(min_row=3, values_only=True))
    assert (row[7], row[9]) == ("Dicabut", "SKT dicabut")


def test_register_exports_say_the_day_and_the_filters_they_cover(app, make, login_as):
    """A register export filtered to one level or state looked like the whole register: its
    title named no filter and no day, though "Segera berakhir" depends on the day. Both files
    now open with the register, the day and the filters set, as the letter register does."""
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    make.party(level=Level.KOTA, region_name="Palembang")
    client = login_as(make.user(Role.VERIFIKATOR))
    query = "?level=kota&region=Palembang&validity=tanpa"
    covers = (
        "Rekapitulasi kepengurusan partai · per 20 Maret 2026 · Tingkat Kota · "
        'Wilayah "Palembang" · Keadaan Belum ada SKT'
    )
    book = load_workbook(io.BytesIO(client.get("/laporan/rekap-partai.xlsx" + query).data))
    assert book["Rekapitulasi"]["A1"].value == covers
    text = client.get("/laporan/rekap-partai.csv" + query).get_data(as_text=True)
    assert next(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")) == [covers]
    whole = load_workbook(io.BytesIO(client.get("/laporan/rekap-partai.xlsx").data))
    assert whole["Rekapitulasi"]["A1"].value == (
        "Rekapitulasi kepengurusan partai · per 20 Maret 2026"
    )
