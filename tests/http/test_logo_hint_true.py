"""The profile's logo hint said "gambar besar diperkecil otomatis", yet a PNG over 4000 × 4000
pixels is refused: the hint now names the pixel limits the upload applies and the size large
images are shrunk to, the same numbers the refusal says."""

import io
import re

from PIL import Image

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import storage
from tests.images_util import png_bytes
from tests.profile_data import profile_form, with_file

URL = "/pemohon/profil"
LIMITS = "PNG sampai 4000 × 4000 piksel, JPEG sampai 8192 × 8192 piksel"
SHRUNK = "sisi terpanjang lebih dari 1600 piksel diperkecil otomatis menjadi 1600 piksel"


def _hint(html: str, field: str) -> str:
    return " ".join(re.search(rf'id="{field}-help"[^>]*>(.*?)</', html, re.S).group(1).split())


def test_the_logo_hint_says_what_the_upload_does(app, make, login_as):
    party = make.party()
    client = login_as(party.account)
    hint = _hint(client.get(URL).get_data(as_text=True), "new_logo")
    assert LIMITS in hint
    assert SHRUNK in hint
    # A PNG one pixel over the side the hint names is refused, naming the same side.
    wide = with_file(profile_form(party.version), png_bytes((4001, 8)), "lebar.png")
    refused = client.post(URL, data=wide).get_data(as_text=True)
    assert "Maksimal 4000 × 4000 piksel untuk PNG." in refused
    # One within it is kept, shrunk to the size the hint names.
    ok = with_file(profile_form(party.version), png_bytes((3000, 30)), "logo.png")
    assert client.post(URL, data=ok).status_code == 302
    db.session.refresh(party)
    assert Image.open(io.BytesIO(storage.read_bytes(party.logo))).size == (1600, 16)


def test_the_emblem_hint_names_the_same_limits(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    hint = _hint(admin.get("/admin/pengaturan/instansi").get_data(as_text=True), "emblem")
    assert LIMITS in hint
    assert SHRUNK in hint
