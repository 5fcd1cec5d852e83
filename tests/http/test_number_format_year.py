"""A number format must print the year: the serial starts again at 1 every year, so without
``{tahun}`` next January's first number equals this January's, the register refuses it, and
every approval of the new year fails until the format is fixed."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Role
from sisakat.services import catalog, number_format, readiness

WITHOUT_YEAR = "{kode}/{nomor}/{unit}"
MESSAGE = "Format nomor harus memuat {tahun}"


def test_numbering_screen_refuses_a_format_without_the_year(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    service = catalog.all_services()[0]
    template = service.number_template
    form = admin.get(f"/admin/penomoran?layanan={service.code}").text
    assert "{nomor} dan {tahun} wajib ada." in form  # said before anyone saves
    data = {"template": WITHOUT_YEAR, "kode": "200.1.5.3", "unit": "BAN.KBP", "padding": "0"}
    data.update({"mode": "sisakat", "version": str(service.version)})
    page = admin.post(f"/admin/penomoran?layanan={service.code}", data=data)
    assert page.status_code == 200
    assert MESSAGE in page.text.split("alert-danger", 1)[1]  # said like the other format refusals
    db.session.expire_all()
    assert catalog.get(service.code).number_template == template


def test_a_stored_format_without_the_year_is_named_on_the_admin_home(app):
    service = catalog.all_services()[0]
    service.number_template = WITHOUT_YEAR  # saved before the rule came
    db.session.commit()
    problems = readiness.number_format_problems(catalog.all_services())
    assert any(MESSAGE in text for _service, text in problems)
    assert number_format.refusal({**number_format.service_format(service)}) is not None
