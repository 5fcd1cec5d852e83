"""The registry of reported ormas (issue 7): letter state per ormas, search (name, abbreviation,
chair), filters (legal form, field, state), paging, the XLSX export equal to the page, and a
constant number of queries as ormas are added."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from sisakat.extensions import db
from sisakat.formatting import tanggal
from sisakat.models import (
    ApplicantKind,
    ApplicationStatus,
    LegalForm,
    LetterStatus,
    Party,
    Role,
    User,
)
from sisakat.services import numbering, ormas_registry
from tests.monitoring_helpers import count_queries

URL = "/laporan/register-ormas"


def _world(make):
    """Five ormas, one in each letter state but "diganti", and a party board (never listed)."""
    today = numbering.office_today()
    belum = make.ormas(party_name="Ikatan Belum Melapor", abbreviation="IBM", chair="Agus Contoh")
    waiting = make.ormas(
        party_name="Perkumpulan Menunggu Contoh",
        legal_form=LegalForm.TIDAK_BERBADAN_HUKUM,
        field_of_activity="Pendidikan",
        chair="Budi Teladan",
    )
    make.application(waiting, status=ApplicationStatus.DIAJUKAN)
    valid = make.ormas(
        party_name="Yayasan Berlaku Contoh", abbreviation="YBC", chair="Citra Contoh"
    )
    letter = make.issued_letter(valid, number_text="200.1.4.4/1/BAN.KBP/2026")
    expired = make.ormas(party_name="Lembaga Kedaluwarsa", chair="Dodi Contoh")
    make.issued_letter(expired, valid_until=today - timedelta(days=1))
    revoked = make.ormas(party_name="Himpunan Dicabut", chair="Eka Contoh")
    make.issued_letter(revoked, status=LetterStatus.DICABUT, revoked_reason="Uji")
    make.party(party_name="Partai Contoh Tidak Tampil")
    return {"belum": belum, "menunggu": waiting, "berlaku": valid, "kedaluwarsa": expired,
            "dicabut": revoked, "letter": letter}  # fmt: skip


def _page_rows(html: str) -> list[list[str]]:
    import re

    body = html.split('id="tabel-ormas"', 1)[1].split("</tbody>", 1)[0].split("<tbody>", 1)[1]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
    out = []
    for row in rows:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        cells = [re.sub(r'<div class="d-xxl-none.*?</div>', "", c, flags=re.S) for c in cells]
        out.append([re.sub(r"<[^>]+>", "", c).strip() for c in cells])  # without the folded copy
    return out


def _xlsx_rows(client, query: str) -> list[list[str]]:
    response = client.get(URL + ".xlsx" + query)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(io.BytesIO(response.data))["Register Ormas"]
    assert [c.value for c in sheet[2]] == list(ormas_registry.HEADER)
    return [[_as_page(c) for c in row] for row in sheet.iter_rows(min_row=3)]


def _as_page(cell) -> str:
    """A cell as the page prints it; a day must be a real date cell (sortable in Excel)."""
    if cell.is_date:
        assert cell.number_format == "dd/mm/yyyy"
        return tanggal(cell.value)
    return "" if cell.value is None else str(cell.value)


def test_every_ormas_with_its_letter_state_and_the_export_equals_the_page(app, make, login_as):
    world = _world(make)
    client = login_as(make.user(Role.VERIFIKATOR))
    html = client.get(URL).get_data(as_text=True)
    rows = _page_rows(html)
    by_name = {r[0]: r for r in rows}
    assert len(rows) == 5
    assert "Partai Contoh Tidak Tampil" not in html
    assert by_name["Ikatan Belum Melapor"][9] == "Belum melapor"
    assert by_name["Perkumpulan Menunggu Contoh"][9] == "Menunggu"
    valid = by_name["Yayasan Berlaku Contoh"]
    assert valid[9:11] == ["Berlaku", "200.1.4.4/1/BAN.KBP/2026"]
    assert valid[1:9] == [
        "YBC", "Berbadan hukum", world["berlaku"].legal_number, "Sosial kemasyarakatan",
        "Kota Palembang", "Citra Contoh", "1 Maret 2024", "28 Februari 2029",
    ]  # fmt: skip
    assert by_name["Lembaga Kedaluwarsa"][9] == "Kedaluwarsa"
    assert by_name["Himpunan Dicabut"][9] == "Dicabut"
    assert _xlsx_rows(client, "") == rows


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?q=menunggu", ["Perkumpulan Menunggu Contoh"]),
        ("?q=ybc", ["Yayasan Berlaku Contoh"]),
        ("?q=CITRA", ["Yayasan Berlaku Contoh"]),  # the chair
        ("?q=100%25", []),  # wildcards are literal
        ("?bentuk=tidak_berbadan_hukum", ["Perkumpulan Menunggu Contoh"]),
        ("?bidang=Pendidikan", ["Perkumpulan Menunggu Contoh"]),
        ("?status=belum", ["Ikatan Belum Melapor"]),
        ("?status=menunggu", ["Perkumpulan Menunggu Contoh"]),
        ("?status=berlaku", ["Yayasan Berlaku Contoh"]),
        ("?status=kedaluwarsa", ["Lembaga Kedaluwarsa"]),
        ("?status=dicabut", ["Himpunan Dicabut"]),
        ("?status=diganti", []),
        ("?status=berlaku&bentuk=berbadan_hukum&q=yayasan", ["Yayasan Berlaku Contoh"]),
    ],
)
def test_search_and_filters_and_the_export_follow_them(app, make, login_as, query, expected):
    _world(make)
    client = login_as(make.user(Role.PENANDATANGAN))
    rows = _page_rows(client.get(URL + query).get_data(as_text=True))
    assert [r[0] for r in rows if len(r) > 1] == expected
    assert [r for r in _xlsx_rows(client, query)] == [r for r in rows if len(r) > 1]


@pytest.mark.parametrize("query", ["?status=hilang", "?bentuk=x", "?bidang=Tidak+Ada", "?q=%00"])
def test_bad_filter_values_show_everything(app, make, login_as, query):
    _world(make)
    client = login_as(make.user(Role.SUPERADMIN))
    response = client.get(URL + query)
    assert response.status_code == 200
    assert len(_page_rows(response.get_data(as_text=True))) == 5


def _bulk_ormas(n: int, tag: str) -> None:
    users = [User(username=f"o{tag}{i}", email=f"o{tag}{i}@contoh.test", role=Role.PEMOHON,
                  password_hash="x") for i in range(n)]  # fmt: skip
    db.session.add_all(users)
    db.session.flush()
    db.session.add_all(
        Party(
            account_id=u.id,
            kind=ApplicantKind.ORMAS,
            board_name=f"Ormas {tag} {u.id}",
            party_name=f"Ormas {tag} {u.id:04d}",
            term_start=date(2024, 1, 1),
        )  # fmt: skip
        for u in users
    )
    db.session.commit()


def test_paging_and_constant_query_count(app, make, login_as):
    client = login_as(make.user(Role.VERIFIKATOR))
    _world(make)
    with count_queries() as few:
        assert client.get(URL).status_code == 200
    _bulk_ormas(60, "b")
    with count_queries() as many:
        first = client.get(URL).get_data(as_text=True)
    assert many["n"] == few["n"]
    assert len(_page_rows(first)) == ormas_registry.PER_PAGE
    assert "Halaman 1 dari 3 (65 ormas)" in first
    last = client.get(URL + "?halaman=3").get_data(as_text=True)
    assert len(_page_rows(last)) == 65 - 2 * ormas_registry.PER_PAGE
    with count_queries() as export:
        rows = _xlsx_rows(client, "")
    assert len(rows) == 65  # the export holds every matching ormas, not one page
    assert export["n"] <= few["n"]


def test_party_register_lists_party_boards_only(app, make, login_as):
    ormas = make.ormas(party_name="Perkumpulan Tidak Di Rekap Partai")
    party = make.party()
    client = login_as(make.user(Role.VERIFIKATOR))
    page = client.get("/laporan/rekap-partai").get_data(as_text=True)
    assert party.party_name in page
    assert ormas.party_name not in page
    history = client.get(f"/laporan/rekap-partai/{ormas.id}").get_data(as_text=True)
    assert "Register Ormas" in history
    assert ormas.legal_number in history


def test_the_staff_whatsapp_link_names_the_applicants_own_letter(app, make, login_as):
    """An ormas's history page offered staff a WhatsApp chat opening 'kami dari Kesbangpol
    terkait layanan SKT', sent to an ormas whose letter is a Surat Keterangan Melapor."""
    import re
    from urllib.parse import unquote

    client = login_as(make.user(Role.VERIFIKATOR))
    for owner, letter in ((make.ormas(), "Surat Keterangan Melapor"), (make.party(), "SKT")):
        owner.phone = "0812-3456-7890"
        db.session.commit()
        page = client.get(f"/laporan/rekap-partai/{owner.id}").get_data(as_text=True)
        link = unquote(re.search(r'href="(https://wa\.me/[^"]+)"', page).group(1))
        assert link.endswith(f"kami dari Kesbangpol terkait layanan {letter}.")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?status=hilang&bentuk=tidak_berbadan_hukum", "Pilihan tidak valid."),
        ("?bidang=Tidak+Ada&q=menunggu", "Pilihan tidak valid."),
        ("?q=menunggu%00&bentuk=tidak_berbadan_hukum", "karakter"),
    ],
)
def test_a_bad_filter_is_left_out_with_its_message_and_the_rest_apply(
    app, make, login_as, query, message
):
    _world(make)
    client = login_as(make.user(Role.SUPERADMIN))
    response = client.get(URL + query)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert [r[0] for r in _page_rows(html)] == ["Perkumpulan Menunggu Contoh"]
    assert "invalid-feedback" in html
    assert message in html
    assert [r[0] for r in _xlsx_rows(client, query)] == ["Perkumpulan Menunggu Contoh"]


def test_the_export_says_the_day_and_the_filters_it_covers(app, make, login_as):
    """The XLSX of a filtered registry was titled "Register ormas" alone, like the whole
    registry; it names the day (states such as Kedaluwarsa depend on it) and the filters."""
    _world(make)
    client = login_as(make.user(Role.VERIFIKATOR))
    today = tanggal(numbering.office_today())
    query = "?q=yayasan&bentuk=berbadan_hukum&bidang=Sosial+kemasyarakatan&status=berlaku"
    book = load_workbook(io.BytesIO(client.get(URL + ".xlsx" + query).data))
    assert book.active["A1"].value == (
        f'Register ormas · per {today} · Pencarian "yayasan" · Bentuk Berbadan hukum · '
        "Bidang Sosial kemasyarakatan · Status Berlaku"
    )
    whole = load_workbook(io.BytesIO(client.get(URL + ".xlsx").data))
    assert whole.active["A1"].value == f"Register ormas · per {today}"
