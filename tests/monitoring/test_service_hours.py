"""The super admin edits office hours, holidays, SLA and the reminder window."""

from sisakat.models import Role
from sisakat.services import settings

FORM = {
    "start": "07:30",
    "end": "15:30",
    "workdays": ["1", "2", "3", "4", "5", "6"],
    "holidays": "2026-12-25\n2026-08-17\n2026-12-25",
    "days": "30",
}


def test_admin_saves_service_hours(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.get("/admin/pengaturan/jam-layanan").get_data(as_text=True)
    assert 'value="08:00"' in page
    response = client.post("/admin/pengaturan/jam-layanan", data=FORM, follow_redirects=True)
    assert "Pengaturan tersimpan." in response.get_data(as_text=True)
    assert settings.get("office.hours_start") == "07:30"
    assert settings.get("office.workdays") == [1, 2, 3, 4, 5, 6]
    assert settings.get("office.holidays") == ["2026-08-17", "2026-12-25"]
    assert settings.get("reminder.days_before") == 30


def test_bad_values_are_refused_in_indonesian(app, make, login_as):
    client = login_as(make.user(Role.SUPERADMIN))
    bad = {**FORM, "holidays": "2026-12-25\n25/12/2026"}
    page = client.post("/admin/pengaturan/jam-layanan", data=bad).get_data(as_text=True)
    assert "Baris 2 hari libur bukan tanggal TTTT-BB-HH." in page
    late = {**FORM, "end": "07:00"}
    page = client.post("/admin/pengaturan/jam-layanan", data=late).get_data(as_text=True)
    assert "Jam selesai harus setelah jam mulai." in page
    assert settings.get("office.hours_start") == "08:00"
