"""A board that signed up at a regency or city office before sign-up stored the office's only
level has ``Party.level`` NULL. Its profile and application page said "Tingkat kepengurusan
belum diisi." (a field its profile page shows as fixed text, so nothing to fill) and Ajukan was
refused. Its level is now the office's only one (``party_level.board_level``) wherever it is read:
the readiness check, the profile form, the submission snapshot the letter prints from, and the
staff's register and history pages. Saving the profile stores it. A province office registers
three levels: there a missing level stays a gap."""

from __future__ import annotations

import json

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Level, Role
from sisakat.services import letters
from tests.http.test_board_levels import kabupaten_office
from tests.pdf.helpers import context
from tests.profile_data import profile_form
from tests.workflow_http import act, page_text

LEVEL_GAP = "Tingkat kepengurusan belum diisi."
LOCAL = "Contoh Ilir"


def _older_board(make, login_as):
    """A complete board with no stored level and its draft; the board's logged-in client."""
    board = make.party(level=None, region_name=LOCAL, board_name=f"DPC Partai Lama {LOCAL}")
    application = make.application(board)
    return board, application, login_as(board.account)


def test_an_older_board_at_a_kabupaten_office_can_submit(app, make, login_as):
    kabupaten_office()
    board, application, client = _older_board(make, login_as)
    url = f"/pemohon/permohonan/{application.id}"
    assert LEVEL_GAP not in page_text(client.get("/pemohon/profil"))
    assert "Profil belum lengkap" not in page_text(client.get(url))
    act(client, f"{url}/ajukan", application)
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIAJUKAN
    snapshot = json.loads(application.profile_snapshot)
    assert snapshot["level"] == "kabupaten"
    fields = dict(context(letters.profile_from_snapshot(snapshot)).fields)
    assert fields["Tingkat"] == f"Kabupaten {LOCAL}"
    assert board.level is None  # no data migration: stored when the profile is saved


def test_staff_pages_give_the_older_boards_level(app, make, login_as):
    kabupaten_office()
    board = make.party(level=None, region_name=LOCAL)
    make.submitted(make.application(board, status=ApplicationStatus.DIAJUKAN))
    staff = login_as(make.user(Role.VERIFIKATOR))
    history = page_text(staff.get(f"/laporan/rekap-partai/{board.id}"))
    assert f"{board.party_name} · Kabupaten {LOCAL} ·" in history
    export = staff.get("/laporan/rekap-partai.csv").get_data(as_text=True)
    row = next(line for line in export.splitlines() if board.board_name in line)
    assert ";Kabupaten;" in row, row
    # The page leaves out a one-row region table; its CSV always holds every table.
    dashboard = staff.get("/laporan/dasbor.csv").get_data(as_text=True)
    assert f"Kabupaten {LOCAL}" in dashboard, dashboard  # one region with the new boards'


def test_saving_the_profile_stores_the_offices_level(app, make, login_as):
    kabupaten_office()
    board, _application, client = _older_board(make, login_as)
    page = page_text(client.get("/pemohon/profil"))
    assert 'name="level" value="kabupaten"' in page  # the fixed level the form posts
    posted = profile_form(board.version, level="kabupaten", region_name=LOCAL)
    assert client.post("/pemohon/profil", data=posted).status_code == 302
    db.session.refresh(board)
    assert board.level == Level.KABUPATEN


def test_an_older_board_at_a_province_office_still_lacks_its_level(app, make, login_as):
    board, application, client = _older_board(make, login_as)
    url = f"/pemohon/permohonan/{application.id}"
    assert LEVEL_GAP in page_text(client.get("/pemohon/profil"))
    assert "Profil belum lengkap (1 isian)" in page_text(client.get(url))
    act(client, f"{url}/ajukan", application)
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DRAF
    assert board.level is None
