"""The admin letter register (buku register surat keluar): a text search by number or board
name, a page past the end, and its CSV and XLSX exports of the filtered register."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from openpyxl import load_workbook

from sisakat.extensions import db
from sisakat.models import LetterStatus, Role
from tests.letter_helpers import page
from tests.monitoring_helpers import count_queries
from tests.workflow_http import without_tags

FIRST = "200.1.5.3/7/BAN.KBP/2026"
SECOND = "500.12/31/Kesbangpol/2026"
TERM = {"term_start": "2025-01-15", "term_end": "2030-01-14"}


def _rows(html: str) -> str:
    """The register's table body as text (the filter's party list names every board; a number
    is marked where it may wrap)."""
    return without_tags(html.split("<tbody", 1)[1]) if "<tbody" in html else ""


def _find(client, **query) -> str:
    """The register's page for ``query`` (typed as a browser sends it)."""
    return client.get("/admin/surat", query_string=query).get_data(as_text=True)


def _two_letters(make):
    first = make.issued_letter(
        make.party(board_name="DPW Partai Garuda Nusantara Provinsi Sumatera Selatan"),
        number_text=FIRST,
    )
    second = make.issued_letter(
        make.party(board_name="DPC Partai Bintang Timur Kota Palembang"), number_text=SECOND
    )
    return first, second


def test_search_by_partial_number_as_typed_any_case(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    _two_letters(make)
    for typed in ("5.3/7/ban", "1.5.3/7/BAN.KBP", "  200.1.5.3/7 "):
        rows = _rows(_find(admin, q=typed))
        assert FIRST in rows, typed
        assert SECOND not in rows, typed
    rows = _rows(page(admin, "/admin/surat?q=kesbangpol/2026"))
    assert SECOND in rows
    assert FIRST not in rows
    # The number's dots and slashes are matched as typed, never as wildcards.
    for typed in ("200_1", "200%1", "5/3/7", "200x1"):
        assert "Belum ada surat terbit yang sesuai." in _find(admin, q=typed), typed


def test_search_by_partial_board_name_any_case(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    _two_letters(make)
    rows = _rows(_find(admin, q="garuda nusantara"))
    assert FIRST in rows
    assert SECOND not in rows
    rows = _rows(page(admin, "/admin/surat?q=BINTANG"))
    assert SECOND in rows
    assert FIRST not in rows
    html = page(admin, "/admin/surat?q=BINTANG")
    assert 'value="BINTANG"' in html  # the box keeps what was typed


def test_search_combines_with_the_status_filter(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    first, second = _two_letters(make)
    second.status, second.revoked_reason = LetterStatus.DICABUT, "SK dibatalkan DPP."
    second.revoked_at = datetime(2026, 3, 2, 3, 0)
    db.session.commit()
    assert "Belum ada surat" in page(admin, "/admin/surat?q=garuda&status=dicabut")
    assert SECOND in _rows(page(admin, "/admin/surat?q=partai&status=dicabut"))
    assert FIRST not in _rows(page(admin, "/admin/surat?q=partai&status=dicabut"))


def test_a_page_past_the_end_says_so_and_links_the_last_page(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    _two_letters(make)
    answer = admin.get("/admin/surat", query_string={"q": "garuda", "page": 99})
    assert answer.status_code == 200
    body = answer.get_data(as_text=True)
    assert "Belum ada surat terbit yang sesuai." not in body  # one does match
    assert "Halaman 99 kosong; register ini berisi 1 surat." in body
    assert "page=1" in body
    assert "q=garuda" in body  # the link keeps the search
    for junk in ("-3", "abc", "9" * 40):
        assert admin.get("/admin/surat", query_string={"page": junk}).status_code == 200


def test_hostile_search_text_never_answers_500(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    make.issued_letter(number_text=FIRST)
    for value in ("\x00", "A" * 5000, "<script>x</script>", "' OR 1=1 --", "\u202e", "%00"):
        for path in ("/admin/surat", "/admin/surat.xlsx", "/admin/surat.csv"):
            answer = admin.get(path, query_string={"q": value})
            assert answer.status_code == 200, (path, value)
    html = _find(admin, q="<script>x</script>")
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    long = _find(admin, q="A" * 200)
    assert "Paling banyak 120 karakter." in long


def _xlsx_rows(client, query: str = "") -> list[tuple]:
    answer = client.get("/admin/surat.xlsx" + query)
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"].startswith("attachment; filename=register-surat-")
    sheet = load_workbook(io.BytesIO(answer.data)).worksheets[0]
    return list(sheet.iter_rows(min_row=3, values_only=True))


def _csv_rows(client, query: str = "") -> list[list[str]]:
    answer = client.get("/admin/surat.csv" + query)
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"].endswith(".csv")
    text = answer.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def test_exports_hold_the_register_columns(app, make, login_as):
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    admin = login_as(make.user(Role.SUPERADMIN))
    issued = make.issued_letter(
        make.party(board_name="DPW Partai Garuda Nusantara"),
        number_text=FIRST,
        letter_date=date(2026, 3, 2),
        valid_until=date(2030, 1, 14),
        profile=TERM,
    )
    revoked = make.issued_letter(
        make.party(board_name="DPC Partai Bintang Timur", region_name="Kota Palembang"),
        number_text=SECOND,
        letter_date=date(2026, 2, 1),
        status=LetterStatus.DICABUT,
        revoked_reason="SK kepengurusan dibatalkan DPP.",
        revoked_at=datetime(2026, 3, 5, 2, 30),  # 09.30 WIB
        profile={"region_name": "Kota Palembang", **TERM},
    )
    undated = make.issued_letter(
        number_text=None,
        letter_date=None,
        status=LetterStatus.DIBATALKAN,
        revoked_reason="Dikembalikan ke verifikator.",
        created_at=datetime(2026, 3, 10, 3, 0),
    )
    rows = _xlsx_rows(admin)
    assert len(rows) == 3
    by_number = {r[0]: r for r in rows}
    assert by_number[FIRST] == (
        FIRST,
        datetime(2026, 3, 2),
        "DPW Partai Garuda Nusantara",
        "Provinsi",
        "Sumatera Selatan",
        "SKT Partai Politik",
        "Berlaku",
        None,
        None,
        issued.signer_name,
        issued.signer_position,
        datetime(2025, 1, 15),
        datetime(2030, 1, 14),
    )
    gone = by_number[SECOND]
    assert gone[4] == "Kota Palembang"
    assert gone[6:9] == ("Dicabut", revoked.revoked_reason, datetime(2026, 3, 5, 9, 30))
    never = by_number[None]
    assert never[1] == "Belum bertanggal (disusun 10 Maret 2026)"  # as the page shows it
    assert never[6:8] == ("Dibatalkan", "Dikembalikan ke verifikator.")
    assert never[12] is None  # a cancelled letter is valid until nothing, as on the page
    sheet = load_workbook(io.BytesIO(admin.get("/admin/surat.xlsx").data)).worksheets[0]
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=3)}
    assert cells[FIRST][1].is_date
    assert cells[FIRST][1].number_format == "dd/mm/yyyy"
    assert cells[SECOND][8].number_format == "dd/mm/yyyy hh:mm"
    lines = _csv_rows(admin)
    assert lines[0][0].startswith("Register surat terbit")
    line = next(r for r in lines if r and r[0] == FIRST)
    assert line[1:7] == [
        "02/03/2026",
        "DPW Partai Garuda Nusantara",
        "Provinsi",
        "Sumatera Selatan",
        "SKT Partai Politik",
        "Berlaku",
    ]
    assert line[11:] == ["15/01/2025", "14/01/2030"]
    line = next(r for r in lines if r and r[0] == SECOND)
    assert line[6:9] == ["Dicabut", "SK kepengurusan dibatalkan DPP.", "05/03/2026 09:30"]
    line = next(r for r in lines if r and r[0] == "")
    assert line[1] == "Belum bertanggal (disusun 10 Maret 2026)"
    assert undated.id  # listed although it has no number


def test_the_filters_and_the_search_apply_to_the_exports(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    first, second = _two_letters(make)
    second.status, second.revoked_reason = LetterStatus.DICABUT, "SK dibatalkan DPP."
    second.revoked_at = datetime(2026, 3, 2, 3, 0)
    db.session.commit()
    for query, expected in (
        ("?q=garuda", [FIRST]),
        ("?q=5.3/7", [FIRST]),
        ("?status=dicabut", [SECOND]),
        ("?q=partai&status=berlaku", [FIRST]),
        (f"?partai={second.application.party_id}", [SECOND]),
        ("?q=tidak-ada", []),
    ):
        assert [r[0] for r in _xlsx_rows(admin, query)] == expected, query
        numbers = [r[0] for r in _csv_rows(admin, query)[4:] if r]
        assert numbers == expected, query
    lines = _csv_rows(admin, "?q=garuda&status=berlaku")
    assert lines[0] == ['Register surat terbit · Status Berlaku · Pencarian "garuda"']
    html = page(admin, "/admin/surat?q=garuda&status=berlaku")
    assert "/admin/surat.xlsx?" in html
    assert "/admin/surat.csv?" in html
    assert ">XLSX</a>" in html
    assert ">CSV</a>" in html
    assert "q=garuda" in html.split("/admin/surat.xlsx?", 1)[1].split('"', 1)[0]


def test_markup_and_formula_like_board_names_stay_text(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    names = {
        '=HYPERLINK("http://contoh.test")': '\'=HYPERLINK("http://contoh.test")',
        "<b>Partai</b> & Contoh": "<b>Partai</b> & Contoh",
        "@SUM(A1)": "'@SUM(A1)",
    }
    for name in names:
        make.issued_letter(make.party(board_name=name))
    html = page(admin, "/admin/surat?q=partai")
    assert "<b>Partai</b>" not in html
    assert "&lt;b&gt;Partai&lt;/b&gt; &amp; Contoh" in _rows(html)
    boards = [r[2] for r in _xlsx_rows(admin)]
    assert sorted(boards) == sorted(names)  # XLSX: the exact text, in string cells
    sheet = load_workbook(io.BytesIO(admin.get("/admin/surat.xlsx").data)).worksheets[0]
    assert all(c.data_type == "s" for c in sheet["C"][2:])
    boards = [r[2] for r in _csv_rows(admin)[4:] if r]
    assert sorted(boards) == sorted(names.values())  # CSV: the formula quote
    lines = _csv_rows(admin, "?q=%3D1%2B2")
    assert lines[0] == ['Register surat terbit · Pencarian "=1+2"']


def test_page_and_exports_cost_the_same_statements_as_letters_grow(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    for _ in range(2):
        make.issued_letter()
    few = {}
    for path in ("/admin/surat?q=partai", "/admin/surat.xlsx", "/admin/surat.csv?q=200"):
        with count_queries() as counted:
            assert admin.get(path).status_code == 200
        few[path] = counted["n"]
    for _ in range(8):
        make.issued_letter()
    for path, n in few.items():
        with count_queries() as counted:
            assert admin.get(path).status_code == 200
        assert counted["n"] == n, path


def test_an_export_filtered_by_a_board_stored_with_a_control_character_downloads(
    app, make, login_as
):
    """The file's first line names the chosen board: a name stored with a bell (data from
    before the forms refused it, or a restored backup) must not make the workbook refuse it."""
    admin = login_as(make.user(Role.SUPERADMIN))
    board = make.party(board_name="DPW Partai\x07Bel")
    make.issued_letter(board, number_text=FIRST)
    answer = admin.get(f"/admin/surat.xlsx?partai={board.id}")
    assert answer.status_code == 200
    sheet = load_workbook(io.BytesIO(answer.data)).worksheets[0]
    assert sheet["A1"].value == "Register surat terbit · Pemohon DPW PartaiBel"
    assert sheet["A3"].value == FIRST


def test_an_ormas_letter_in_the_exports_has_its_region_and_no_party_heading(app, make, login_as):
    """Before: an ormas's row in the register files had an empty Wilayah (an ormas has no
    board region, its secretariat's regency or city was not read) under a column headed
    "Pemohon (kepengurusan)", a party board's word; it now has the city of its secretariat,
    frozen with the letter or, for a letter frozen without a profile, the ormas's own."""
    admin = login_as(make.user(Role.SUPERADMIN))
    ormas = make.ormas(party_name="Perkumpulan Sungai Lestari", city="Kabupaten Banyuasin")
    make.issued_letter(
        ormas, number_text=FIRST, profile={"kind": "ormas", "city": "Kota Palembang"}
    )
    live = make.issued_letter(make.ormas(city="Kota Lubuklinggau"), number_text=SECOND)
    live.context_json = '{"profile": {}}'
    db.session.commit()
    by_number = {r[0]: r for r in _xlsx_rows(admin)}
    assert by_number[FIRST][2:5] == ("Perkumpulan Sungai Lestari", None, "Kota Palembang")
    assert by_number[SECOND][4] == "Kota Lubuklinggau"
    lines = _csv_rows(admin)
    heading = next(r for r in lines if r and r[0] == "Nomor surat")
    assert heading[2:5] == ["Pemohon", "Tingkat", "Wilayah"]
    assert next(r for r in lines if r and r[0] == FIRST)[4] == "Kota Palembang"
