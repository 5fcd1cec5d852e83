"""The super admin edits office hours per weekday, holidays and the reminder window."""

from datetime import time

from sisakat.models import Role
from sisakat.services import settings
from sisakat.services.working_time import OfficeHours
from tests.a11y_helpers import problems
from tests.monitoring_helpers import hours_form

FORM = hours_form(
    "07:30",
    "15:30",
    (1, 2, 3, 4, 5, 6),
    holidays="2026-12-25\n2026-08-17\n2026-12-25",
    days="30",
)
DAY = [["07:30", "15:30"]]


def test_admin_saves_service_hours(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/admin/pengaturan/jam-layanan").get_data(as_text=True)
    assert 'name="start_1" type="time" value="08:00"' in page
    response = client.post("/admin/pengaturan/jam-layanan", data=FORM, follow_redirects=True)
    assert "Pengaturan tersimpan." in response.get_data(as_text=True)
    assert settings.get("office.week") == [DAY] * 6 + [[]]
    assert settings.get("office.holidays") == ["2026-08-17", "2026-12-25"]
    assert settings.get("reminder.days_before") == 30


def test_a_shorter_friday_with_a_prayer_break_is_saved_and_shown_again(app, make, login_as):
    """One start and end served every working day: Friday's 07.30-16.30 with the 11.30-13.00
    prayer break could not be told, so waiting times counted the break and the wrong close."""
    client = login_as(make.user(Role.SUPERADMIN))
    friday = {"end_5": "16:30", "break_start_5": "11:30", "break_end_5": "13:00"}
    form = hours_form("07:30", "16:00", **friday)
    assert client.post("/admin/pengaturan/jam-layanan", data=form).status_code == 302
    week = [[["07:30", "16:00"]]] * 4 + [[["07:30", "11:30"], ["13:00", "16:30"]], [], []]
    assert settings.get("office.week") == week
    page = client.get("/admin/pengaturan/jam-layanan").get_data(as_text=True)
    assert 'name="break_start_5" type="time" value="11:30"' in page
    assert 'name="end_5" type="time" value="16:30"' in page
    assert 'name="workdays" id="workdays-6" value="6">' in page  # Sabtu not ticked


def test_an_install_with_one_start_and_end_shows_them_on_every_working_day(app, make, login_as):
    settings.update(
        {"office.hours_start": "07:00", "office.hours_end": "15:00", "office.workdays": [1, 2, 6]},
        actor=None,
    )
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/admin/pengaturan/jam-layanan").get_data(as_text=True)
    for n in (1, 2, 6):
        assert f'name="start_{n}" type="time" value="07:00"' in page
        assert f'id="workdays-{n}" value="{n}" checked' in page
    assert 'id="workdays-3" value="3">' in page
    seven_to_three = ((time(7), time(15)),)
    assert OfficeHours.from_settings().week == (seven_to_three,) * 2 + ((),) * 3 + (
        seven_to_three,
        (),
    )


def test_bad_values_are_refused_in_indonesian(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    bad = {**FORM, "holidays": "2026-12-25\n25/12/2026"}
    page = client.post("/admin/pengaturan/jam-layanan", data=bad).get_data(as_text=True)
    assert "Baris 2 hari libur bukan tanggal TTTT-BB-HH." in page
    assert settings.get("office.week") is None


def test_hours_that_do_not_hold_together_are_refused_beside_the_field(app, make, login_as):
    """End before start, 25.00, a half or reversed break, a break outside the day, no day at
    all: a message beside the field, what was typed kept, nothing saved."""
    client = login_as(make.user(Role.SUPERADMIN))
    cases = [
        ({"end_2": "07:00"}, "end_2", "Jam selesai harus setelah jam mulai."),
        ({"start_3": "25:00"}, "start_3", "Waktu tidak valid (jj:mm)."),
        ({"end_4": "25.00"}, "end_4", "Waktu tidak valid (jj:mm)."),
        ({"start_1": ""}, "start_1", "Isi jam mulai hari kerja ini."),
        ({"break_start_5": "11:30"}, "break_end_5", "Isi juga jam selesai istirahat."),
        (
            {"break_start_5": "13:00", "break_end_5": "11:30"},
            "break_end_5",
            "Istirahat selesai harus setelah istirahat mulai.",
        ),
        (
            {"break_start_5": "15:30", "break_end_5": "17:00"},
            "break_start_5",
            "Istirahat harus di antara jam mulai dan jam selesai (07.30–15.30).",
        ),
        ({"workdays": []}, "workdays", "Pilih sedikitnya satu hari kerja."),
    ]
    for fields, name, message in cases:
        response = client.post("/admin/pengaturan/jam-layanan", data={**FORM, **fields})
        page = response.get_data(as_text=True)
        assert response.status_code == 200, fields
        assert f'<div id="{name}-error"><div class="invalid-feedback d-block">{message}' in page
        assert "Pengaturan belum tersimpan." in page
        assert 'value="2026-08-17' not in page  # holidays kept as typed, not re-sorted
        assert "2026-12-25\n2026-08-17" in page
        assert settings.get("office.week") is None


def test_a_holiday_typed_with_an_implausible_year_is_refused(app, make, login_as):
    """'0202-12-25' (for 2026) was saved as a holiday 1,800 years ago, so Christmas 2026 counted
    as a working day in every waiting time; 31 February was already refused."""
    client = login_as(make.user(Role.SUPERADMIN))
    for line in ("0202-12-25", "9999-12-25"):
        bad = {**FORM, "holidays": f"2026-08-17\n{line}"}
        page = client.post("/admin/pengaturan/jam-layanan", data=bad).get_data(as_text=True)
        assert f"Baris 2 hari libur: tahun {line[:4]} tidak wajar." in page
        assert line in page  # what was typed comes back
    bad = {**FORM, "holidays": "2026-02-31"}
    page = client.post("/admin/pengaturan/jam-layanan", data=bad).get_data(as_text=True)
    assert "Baris 1 hari libur bukan tanggal TTTT-BB-HH." in page
    assert settings.get("office.holidays") == []


def test_a_hand_typed_kontak_text_is_named_beside_the_save_button(app, client, make, login_as):
    """Hours typed on Kontak layanan win on the public pages, so hours saved here changed
    nothing the public read, and nothing said so. The page now names that text."""
    admin = login_as(make.user(Role.SUPERADMIN))
    warning = "Halaman publik menampilkan jam yang diisi sendiri"
    assert warning not in admin.get("/admin/pengaturan/jam-layanan").get_data(as_text=True)
    typed = {"lapor_url": "https://www.lapor.go.id", "hours": "Senin-Kamis 08.00-15.00"}
    assert admin.post("/admin/kontak", data=typed).status_code == 302
    saved = admin.post("/admin/pengaturan/jam-layanan", data=FORM, follow_redirects=True)
    page = saved.get_data(as_text=True)
    assert "Pengaturan tersimpan." in page
    assert (
        f'{warning} di <a href="/admin/kontak#hours">Kontak layanan</a>: "Senin-Kamis 08.00-15.00".'
        " Kosongkan isian itu agar jam ini yang tampil." in page
    )
    assert page.index('id="jam-kontak"') < page.index('aria-describedby="jam-kontak">Simpan')
    assert "Senin-Kamis 08.00-15.00" in client.get("/").get_data(as_text=True)  # what it says
    assert problems(page) == []
    admin.post("/admin/kontak", data={**typed, "hours": ""})
    assert warning not in admin.get("/admin/pengaturan/jam-layanan").get_data(as_text=True)
