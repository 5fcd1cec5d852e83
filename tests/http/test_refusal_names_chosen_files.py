"""A save refused because someone else saved first says the input "masih ada di formulir ini".
A browser never refills a file input, so on a form where a file (a logo, the emblem) was
chosen that was untrue for the file: the refusal now says the typed input is kept and the
chosen file must be chosen again, and says so only when a file was chosen."""

from __future__ import annotations

import io
import re

import pytest

from sisakat.models import Role
from tests.http.test_settings_pages import AGENCY
from tests.http.test_two_admins_at_once import KEPT, _seen, danger_alerts
from tests.images_util import png_bytes
from tests.profile_data import profile_form, with_file
from tests.unit.test_lost_race_refusals import _files

FILE_AGAIN = (
    "Isian yang Anda ketik masih ada di formulir ini; berkas yang Anda pilih perlu dipilih lagi."
)
PROFILE = "/pemohon/profil"
AGENCY_URL = "/admin/pengaturan/instansi"


def _version(page: str) -> str:
    return re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)


@pytest.mark.parametrize("logo", [True, False])
def test_profile_refusal_says_a_chosen_logo_must_be_chosen_again(app, make, login_as, logo):
    party = make.party()
    first, second = login_as(party.account), login_as(party.account)
    old_page = second.get(PROFILE).get_data(as_text=True)
    version = int(_version(first.get(PROFILE).get_data(as_text=True)))
    saved = first.post(PROFILE, data=profile_form(version, phone="0811 1111 1111"))
    assert saved.status_code == 302
    typed = profile_form(int(_version(old_page)), party_name="Partai Ketikan Saya")
    late = second.post(PROFILE, data=with_file(typed, png_bytes()) if logo else typed)
    assert late.status_code == 200
    (alert,) = danger_alerts(late.get_data(as_text=True))
    assert "Profil ini sudah diubah" in alert
    assert (FILE_AGAIN in alert) is logo
    assert (KEPT in alert) is not logo  # "belum tersimpan dan masih ada": untrue for a file


@pytest.mark.parametrize("emblem", [True, False])
def test_agency_refusal_says_a_chosen_emblem_must_be_chosen_again(app, make, login_as, emblem):
    ani = login_as(make.user(Role.SUPERADMIN, full_name="Ani Admin"))
    budi = login_as(make.user(Role.SUPERADMIN, full_name="Budi Admin"))
    seen_budi = _seen(budi.get(AGENCY_URL).get_data(as_text=True))
    seen_ani = _seen(ani.get(AGENCY_URL).get_data(as_text=True))
    assert ani.post(AGENCY_URL, data={**AGENCY, "seen": seen_ani}).status_code == 302
    typed = {**AGENCY, "phone": "(0542) 999999", "seen": seen_budi}
    if emblem:
        typed["emblem"] = (io.BytesIO(png_bytes()), "lambang.png")
    files = _files()
    late = budi.post(AGENCY_URL, data=typed, content_type="multipart/form-data")
    assert late.status_code == 200
    assert _files() == files  # refused before the chosen emblem is stored: no file left behind
    (alert,) = danger_alerts(late.get_data(as_text=True))
    assert "sudah diubah oleh Ani Admin pada" in alert
    assert (FILE_AGAIN in alert) is emblem
    assert (KEPT in alert) is not emblem
