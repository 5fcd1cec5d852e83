"""WTForms' own messages reach users in Bahasa Indonesia, not English."""

import re

from sisakat.extensions import db
from sisakat.models import Requirement, Role
from sisakat.services import settings
from tests.monitoring_helpers import hours_form


def test_non_number_in_integer_field_gets_indonesian_message(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    before = db.session.execute(db.select(db.func.count()).select_from(Requirement)).scalar()
    response = client.post(
        "/admin/persyaratan/baru",
        data={"name": "Dokumen uji", "description": "", "sort_order": "dua", "required": "y"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Masukkan bilangan bulat." in page
    assert "Not a valid integer value." not in page
    assert 'value="Dokumen uji"' in page  # what was typed stays
    after = db.session.execute(db.select(db.func.count()).select_from(Requirement)).scalar()
    assert after == before


def test_invalid_date_filter_gets_indonesian_message(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    response = client.get("/admin/log-audit?date_from=bukan-tanggal")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Tanggal tidak valid." in page
    assert "Not a valid date value." not in page


def test_forged_weekday_gets_indonesian_choice_message(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    data = hours_form()
    for forged in (["1", "8"], ["x"], ["9" * 5000], ["²"]):
        response = client.post("/admin/pengaturan/jam-layanan", data={**data, "workdays": forged})
        page = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "Pilihan tidak valid." in page
        assert "valid choice" not in page
        assert "could not be coerced" not in page
        assert "9" * 100 not in page  # the forged value is not echoed
    saved = client.post("/admin/pengaturan/jam-layanan", data={**data, "workdays": ["1", "6"]})
    assert saved.status_code == 302


def test_hours_saved_by_a_request_without_the_holiday_box(app, make, login_as):
    """A save of Jam layanan without the holidays field (an older page, a script) answered 500
    (parse_holidays(None)); now it is read as no holidays."""
    client = login_as(make.user(Role.SUPERADMIN))
    data = hours_form("07:30", "15:30", (1, 2))
    del data["holidays"]
    assert client.post("/admin/pengaturan/jam-layanan", data=data).status_code == 302
    assert settings.get("office.week")[0] == [["07:30", "15:30"]]
    assert settings.get("office.holidays") == []


def _beside(page: str, field: str) -> list[str]:
    """The messages shown under ``field`` (its ``-error`` block)."""
    block = page.split(f'id="{field}-error">', 1)[1].split("</div></div>", 1)[0]
    return re.findall(r'<div class="invalid-feedback d-block">([^<]*)', block + "</div>")


def test_an_unusable_number_gets_one_message_that_fits_what_was_typed(app, make, login_as):
    """'99999999999' in the FAQ's Urutan read 'Masukkan bilangan bulat.' (it is one) and then
    'Angka harus antara 0 dan 9999.'; 'dua' got the range message after the right one too. A
    number too big for the field names the allowed range only; a non-number its own message."""
    client = login_as(make.user(Role.SUPERADMIN))
    typed = {"question": "Kapan kantor buka?", "answer": "", "active": "y"}
    expected = {
        "99999999999": ["Angka harus antara 0 dan 9999."],
        "-99999999999": ["Angka harus antara 0 dan 9999."],
        "dua": ["Masukkan bilangan bulat."],
    }
    for value, messages in expected.items():
        page = client.post("/admin/faq", data={**typed, "sort_order": value})
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        assert _beside(html, "sort_order") == messages, value
        assert 'value="Kapan kantor buka?"' in html
    serial = client.post("/admin/penomoran", data={"next_serial": "99999999999"})
    # "Nomor urut tidak valid." said neither why nor what is allowed
    allowed = ["Nomor urut berikutnya harus antara 1 dan 999.999."]
    assert _beside(serial.get_data(as_text=True), "next_serial") == allowed
    empty = client.post("/admin/faq", data={**typed, "sort_order": " "})
    assert empty.status_code == 302  # Urutan is optional: an empty box is no error


def test_a_non_number_in_a_decimal_field_gets_one_message(app, make, login_as):
    """'satu' as a new service's Janji layanan read 'Masukkan angka.' and then 'Antara 0,25 dan
    480 jam kerja.'; the second is no reason of its own. An empty box still says it is needed."""
    client = login_as(make.user(Role.SUPERADMIN))
    typed = {"code": "uji_janji", "name": "Uji Janji", "applicant_kind": "parpol"}
    page = client.post("/admin/layanan-baru", data={**typed, "sla": "satu"}).get_data(as_text=True)
    assert _beside(page, "sla") == ["Masukkan angka."]
    assert 'value="Uji Janji"' in page
    big = client.post("/admin/layanan-baru", data={**typed, "sla": "5000"}).get_data(as_text=True)
    assert _beside(big, "sla") == ["Antara 0,25 dan 480 jam kerja."]
    empty = client.post("/admin/layanan-baru", data={**typed, "sla": ""}).get_data(as_text=True)
    assert _beside(empty, "sla") == ["Wajib diisi."]
