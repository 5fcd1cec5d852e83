"""Accessibility of the settings screens changed lately (Jam layanan per weekday): a refused
save marks the field at fault for a screen reader (aria-invalid, aria-describedby naming the
message), so the page script's focus on the first marked field lands where the message is."""

from __future__ import annotations

from sisakat.models import Role
from tests.a11y_helpers import parse, problems
from tests.monitoring_helpers import hours_form

HOURS = "/admin/pengaturan/jam-layanan"


def _control(html: str, **attrs):
    """The form controls whose attributes include ``attrs``."""
    return [
        n
        for n in parse(html).walk()
        if n.tag in ("input", "textarea") and all(n.attrs.get(k) == v for k, v in attrs.items())
    ]


def test_no_working_day_ticked_marks_each_day_with_the_message(app, make, login_as):
    """Refused with 'Pilih sedikitnya satu hari kerja.', the seven checkboxes were drawn red but
    said nothing: the focus landed on Senin, announced as a plain unticked box."""
    client = login_as(make.user(Role.SUPERADMIN))
    page = client.post(HOURS, data=hours_form(workdays=())).get_data(as_text=True)
    assert "Pilih sedikitnya satu hari kerja." in page
    assert problems(page) == []
    boxes = _control(page, name="workdays")
    assert len(boxes) == 7
    for box in boxes:
        assert box.attrs.get("aria-invalid") == "true", box.describe()
        assert "workdays-error" in box.attrs.get("aria-describedby", "").split()


def test_a_bad_holiday_line_is_shown_beside_the_holiday_field(app, make, login_as):
    """'Baris 2 hari libur bukan tanggal' came only as the banner at the top: the holiday box
    was not marked, so the focus stayed at the top and the box said nothing."""
    client = login_as(make.user(Role.SUPERADMIN))
    bad = hours_form(holidays="2026-12-25\n25/12/2026")
    page = client.post(HOURS, data=bad).get_data(as_text=True)
    assert problems(page) == []
    [box] = _control(page, name="holidays")
    assert box.attrs.get("aria-invalid") == "true"
    assert "is-invalid" in box.attrs["class"].split()
    message = '<div id="holidays-error"><div class="invalid-feedback d-block">Baris 2 hari libur'
    assert message in page
    assert "holidays-error" in box.attrs["aria-describedby"].split()
    assert "Pengaturan belum tersimpan. Periksa isian yang ditandai." in page
