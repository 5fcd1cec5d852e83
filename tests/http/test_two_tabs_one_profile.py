"""One party account open in two tabs (or two board members sharing its login): a profile
save from a page opened before the other save is refused naming who saved and when, keeps
everything typed (officer rows too), and saving again from that page overwrites knowingly.
Before, the message named neither who nor when and every later save from that page was
refused again, so a long board list had to be typed again into a reloaded page."""

from __future__ import annotations

import re

from sisakat.extensions import db
from sisakat.models import Party
from tests.http.test_two_admins_at_once import KEPT, danger_alerts
from tests.profile_data import profile_form

URL = "/pemohon/profil"
BOARD = [
    ("Ketua", "Rina Contoh"),
    ("Wakil Ketua", "Agus Ketikan"),
    ("Sekretaris", "Dodi Contoh"),
    ("Bendahara", "Maya Contoh"),
]


def _version(page: str) -> str:
    return re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)


def test_second_tab_is_refused_named_keeps_the_board_then_overwrites(app, make, login_as):
    party = make.party()
    party.account.full_name = "Admin Partai Contoh"
    db.session.commit()
    first, second = login_as(party.account), login_as(party.account)
    seen_second = _version(second.get(URL).get_data(as_text=True))
    seen_first = _version(first.get(URL).get_data(as_text=True))
    saved = first.post(URL, data=profile_form(int(seen_first), phone="0811 1111 1111"))
    assert saved.status_code == 302
    typed = profile_form(int(seen_second), party_name="Partai Ketikan Saya", officers=BOARD)
    late = second.post(URL, data=typed)
    assert late.status_code == 200
    html = late.get_data(as_text=True)
    (alert,) = danger_alerts(html)  # before: "Profil belum tersimpan. Profil ini ... belum ..."
    assert alert.startswith("Profil ini sudah diubah oleh Admin Partai Contoh pada ")
    assert alert.count("belum tersimpan") == 1
    assert KEPT in alert
    assert 'value="Partai Ketikan Saya"' in html
    assert 'value="Agus Ketikan"' in html  # the officer rows typed are kept too
    db.session.expire_all()
    assert db.session.get(Party, party.id).phone == "0811 1111 1111"
    again = second.post(URL, data={**typed, "version": _version(html)})
    assert again.status_code == 302  # saving again is a deliberate overwrite
    db.session.expire_all()
    assert db.session.get(Party, party.id).party_name == "Partai Ketikan Saya"
