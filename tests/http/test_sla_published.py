"""The time the office publishes (Standar Pelayanan, "Jangka waktu pelayanan") and the SLA the
queue measures: a built-in service whose SLA the admin changed no longer promises the built-in
"1 (satu) jam", and a saved Standar Pelayanan, which keeps its own words, is named on the
service's page and when the SLA changes, so the admin adjusts the public promise."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import SKT_PARPOL, Role
from sisakat.services import catalog, service_info
from tests.http.test_services_as_data import _edit_form, _service
from tests.workflow_http import page_text


def test_a_built_in_default_promise_follows_a_changed_sla(app, make, login_as, client):
    admin = login_as(make.user(Role.SUPERADMIN))
    assert "Paling lama 1 (satu) jam" in page_text(client.get("/layanan/skt_parpol"))
    form = _edit_form(_service(SKT_PARPOL), sla="24")
    saved = admin.post("/admin/layanan/skt_parpol/ubah", data=form, follow_redirects=True)
    assert "Sesuaikan juga jawaban FAQ tentang lama layanan" in page_text(saved)
    page = page_text(client.get("/layanan/skt_parpol"))
    assert "Paling lama 24 jam kerja sejak berkas lengkap dan benar diterima." in page
    assert "1 (satu) jam" not in page


def test_a_saved_promise_is_named_when_the_sla_changes(app, make, login_as, client):
    admin_user = make.user(Role.SUPERADMIN)
    admin = login_as(admin_user)
    values = {
        f: getattr(service_info.standard_for(SKT_PARPOL), f) for f in service_info.FORMATTED_FIELDS
    }
    service_info.save_standard(
        SKT_PARPOL,
        values,
        "Ajukan | Pemohon",
        actor=admin_user,
        seen=service_info.standard_token(SKT_PARPOL),
    )
    db.session.commit()
    edit_page = page_text(admin.get("/admin/layanan/skt_parpol/ubah"))
    assert "Paling lama 1 (satu) jam sejak berkas lengkap dan benar diterima." in edit_page
    form = _edit_form(catalog.get(SKT_PARPOL), sla="24")
    saved = admin.post("/admin/layanan/skt_parpol/ubah", data=form, follow_redirects=True)
    text = page_text(saved)
    assert "Jangka waktu pelayanan yang diumumkan tidak ikut berubah" in text
    # the saved words stay what the office wrote: only the admin changes them
    assert "Paling lama 1 (satu) jam" in page_text(client.get("/layanan/skt_parpol"))
    unchanged = admin.post(
        "/admin/layanan/skt_parpol/ubah",
        data=_edit_form(_service(SKT_PARPOL), short_name="SKT Parpol"),
        follow_redirects=True,
    )
    assert "Jangka waktu pelayanan yang diumumkan tidak ikut berubah" not in page_text(unchanged)
