"""Letters SRIKANDI has not dated yet (waiting for its signature, or returned to the verifier
before it was): every staff list and export says so, with the office day the letter was drawn
up at approval (the day ``letter_search.filed_between`` files it under), instead of a bare dash."""

import csv
import io
from datetime import date, datetime

from sisakat.models import Role
from tests import factories
from tests.letter_helpers import fixed_clock, page
from tests.letters import helpers as h

# 23.30 WIB on 31 December 2026 (16.30 UTC) and 00.30 WIB on 1 January 2027 (17.30 UTC on 31
# December): the office's day, not the UTC one nor the next.
YEAR_END_NIGHT = datetime(2026, 12, 31, 16, 30)
NEW_YEAR_NIGHT = datetime(2026, 12, 31, 17, 30)
DRAWN_31_DEC = "Belum bertanggal (disusun 31 Desember 2026)"


def test_cari_surat_says_a_letter_is_not_dated_yet_and_the_day_it_was_drawn_up(app, login_as):
    """The Tanggal cell and the phone fold showed "—" for a letter listed under 31 Desember."""
    h.srikandi_mode()
    fixed_clock(app, YEAR_END_NIGHT)
    letter = h.prepared_letter()
    assert letter.letter_date is None
    staff = login_as(factories.user(Role.VERIFIKATOR))
    found = page(staff, "/petugas/surat?dari=2026-12-31&sampai=2026-12-31")
    assert f'href="/petugas/permohonan/{letter.application_id}"' in found
    assert found.count(DRAWN_31_DEC) == 2  # the cell and the phone fold
    assert "Tanggal Belum bertanggal" not in found
    assert "1 Januari 2027" not in found


def test_the_register_says_a_cancelled_undated_letter_was_never_dated(app, login_as):
    """Returned before SRIKANDI dated it: filed under 2026, its Tanggal was "–"."""
    h.srikandi_mode()
    fixed_clock(app, YEAR_END_NIGHT)
    letter = h.prepared_letter()
    signer = login_as(factories.user(Role.PENANDATANGAN))
    returned = signer.post(
        f"/tte/surat/{letter.id}/kembalikan",
        data={"version": str(letter.application.version), "reason": "Salah.", "confirm": "y"},
    )
    assert returned.status_code == 302
    admin = login_as(factories.user(Role.SUPERADMIN))
    register = page(admin, "/admin/surat?tahun=2026")
    assert register.count(DRAWN_31_DEC) == 2  # the cell and the tablet fold
    assert "1 Januari 2027" not in register


def test_the_signing_desk_and_party_history_give_the_office_day_not_the_utc_one(app, login_as):
    """Drawn up at 00.30 WIB on 1 January (still 31 December in UTC): 1 Januari 2027."""
    h.srikandi_mode()
    fixed_clock(app, NEW_YEAR_NIGHT)
    letter = h.prepared_letter()
    drawn = "Belum bertanggal (disusun 1 Januari 2027)"
    signer = login_as(factories.user(Role.PENANDATANGAN))
    desk = page(signer, "/tte/")
    assert drawn in desk
    assert "31 Desember 2026" not in desk
    history = page(signer, f"/laporan/rekap-partai/{letter.application.party_id}")
    assert drawn in history


def test_a_dated_letter_still_shows_its_date(app, login_as):
    fixed_clock(app, YEAR_END_NIGHT)
    factories.issued_letter(letter_date=date(2026, 12, 30))
    admin = login_as(factories.user(Role.SUPERADMIN))
    for url in ("/petugas/surat?dari=2026-12-30&sampai=2026-12-30", "/admin/surat?tahun=2026"):
        listed = page(admin, url)
        assert "30 Desember 2026" in listed
        assert "Belum bertanggal" not in listed


def test_the_party_register_export_says_a_letter_is_not_dated_yet(app, login_as):
    """The workflow dates every issued letter; one without a date (an old or imported row) got
    an empty Tanggal SKT cell, and now the same words as the pages, in the same column."""
    fixed_clock(app, YEAR_END_NIGHT)
    factories.issued_letter(letter_date=None, created_at=YEAR_END_NIGHT)
    staff = login_as(factories.user(Role.VERIFIKATOR))
    text = page(staff, "/laporan/rekap-partai.csv").lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = next(r for r in rows if "Tanggal SKT" in r)
    line = next(r for r in rows if "Berlaku" in r)
    assert line[header.index("Tanggal SKT")] == DRAWN_31_DEC
    assert len(line) == len(header)
