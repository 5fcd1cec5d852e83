"""A regency or city office registers boards of one level only (``office.board_levels``).

A party that signed up there read "Tingkat kepengurusan belum diisi." on its new profile and
its dashboard until the first save, although the profile page shows the level as fixed text: the
board now gets the office's only level when it is registered (``accounts.register_party``), so
the profile, the registers and the letter agree from the start. A province office (three levels)
still lets the party choose."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Level, Role, User
from sisakat.services import settings
from tests.http.test_board_levels import kabupaten_office

LEVEL_GAP = "Tingkat kepengurusan belum diisi."
BOARD = "DPC Partai Contoh Sejahtera Kabupaten Contoh Ilir"


def sign_up(client, email: str = "dpc@partai-contoh.example.com") -> User:
    """Sign a party board up through the form; the new account is logged in."""
    response = client.post(
        "/akun/daftar",
        data={
            "kind": "parpol",
            "board_name": BOARD,
            "email": email,
            "password": "Sungai-Musi-2025",
            "confirm": "Sungai-Musi-2025",
        },
    )
    assert response.status_code == 302
    return db.session.execute(db.select(User).where(User.email == email)).scalar_one()


def test_a_new_board_at_a_kabupaten_office_is_not_asked_for_its_level(app, client):
    kabupaten_office()
    account = sign_up(client)
    assert account.party.level == Level.KABUPATEN
    home = client.get("/pemohon/").get_data(as_text=True)
    profile = client.get("/pemohon/profil").get_data(as_text=True)
    assert "Nama partai belum diisi." in profile  # the real gaps are still listed
    assert LEVEL_GAP not in profile
    assert LEVEL_GAP not in home
    assert ">Kabupaten</p>" in profile  # the fixed text the page shows is what is stored


def test_the_new_board_is_listed_at_its_level_in_the_register(app, client, make, login_as):
    kabupaten_office()
    sign_up(client)
    staff = login_as(make.user(Role.VERIFIKATOR))
    page = staff.get("/laporan/rekap-partai").get_data(as_text=True)
    row = page.split(BOARD, 1)[1].split("</tr>", 1)[0]
    assert "<td>Kabupaten<" in row


def test_a_new_board_at_a_province_office_chooses_its_level(app, client):
    account = sign_up(client)
    assert account.party.level is None
    assert LEVEL_GAP in client.get("/pemohon/profil").get_data(as_text=True)


def test_a_board_keeps_its_level_when_the_office_changes(app, client):
    """Registered at the regency office as Kabupaten; the office becomes a province one: the
    stored level stays (and is offered selected among the three)."""
    kabupaten_office()
    account = sign_up(client)
    settings.update({"agency.region": "PROVINSI SUMATERA SELATAN"}, actor=None)
    db.session.commit()
    page = client.get("/pemohon/profil").get_data(as_text=True)
    assert '<option selected value="kabupaten">' in page
    assert LEVEL_GAP not in page
    db.session.refresh(account.party)
    assert account.party.level == Level.KABUPATEN
