"""The numbering screen said of the next serial "Hanya dapat dinaikkan" (it can only be
raised), so an admin who typed 999999 for 99 believed the series was spoilt for good and the
year's numbers would jump; the rule is only that it stays above the last number used, and a
serial raised by mistake is lowered again while no letter took a number from it."""

from sisakat.extensions import db
from sisakat.models import SKT_PARPOL, Role
from sisakat.services import catalog, numbering

FORM = {"template": "{kode}/{nomor}/{unit}/{tahun}", "kode": "200.1.5.3", "unit": "BAN.KBP"}


def _post(client, serial: str):
    db.session.expire_all()
    data = {**FORM, "padding": "0", "mode": "sisakat", "next_serial": serial}
    data["version"] = str(catalog.get(SKT_PARPOL).version)
    return client.post("/admin/penomoran", data=data)


def test_a_next_serial_raised_by_mistake_is_lowered_again_as_the_help_says(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    assert _post(client, "999999").status_code == 302
    assert _post(client, "100").status_code == 302  # no number used: back down
    db.session.expire_all()
    assert numbering.next_serial("skt", numbering.office_today().year) == 100
    page = client.get("/admin/penomoran").get_data(as_text=True)
    assert "Hanya dapat dinaikkan" not in page
    assert "boleh diturunkan lagi" in page
    assert "di atas nomor terakhir yang sudah dipakai" in page
