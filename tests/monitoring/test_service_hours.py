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
