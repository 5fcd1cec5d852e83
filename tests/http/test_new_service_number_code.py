"""A new service starts without its classification code while its number format prints
``{kode}``: nothing may number a letter "/1/BAN.KBP/2026". The admin home says what to fill in,
the numbering page refuses to save the gap, and an approval is refused (nothing lost, no serial
taken) until the code is there."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import (
    ApplicationStatus,
    LetterNumber,
    NumberCounter,
    Role,
    Verdict,
)
from sisakat.services import catalog
from tests import factories
from tests.http.test_services_as_data import NEW


def _new_service(admin):
    assert admin.post("/admin/layanan-baru", data=NEW).status_code == 302
    requirement = {"name": "Proposal kegiatan", "description": "", "required": "y", "active": "y"}
    added = admin.post("/admin/persyaratan/baru?layanan=rekomendasi_x", data=requirement)
    assert added.status_code == 302
    return catalog.get("rekomendasi_x")


def test_the_admin_home_names_the_missing_code_and_the_numbering_page_refuses_the_gap(
    app, make, login_as
):
    admin = login_as(make.user(Role.SUPERADMIN))
    service = _new_service(admin)
    home = admin.get("/admin/").get_data(as_text=True)
    assert "Layanan Rekomendasi X: Format nomor memakai kode klasifikasi" in home
    assert 'href="/admin/penomoran?layanan=rekomendasi_x">Atur' in home
    form = {
        "template": service.number_template,
        "kode": "",
        "unit": "REK",
        "padding": "0",
        "mode": "sisakat",
        "next_serial": "1",
        "version": str(service.version),
    }
    refused = admin.post("/admin/penomoran?layanan=rekomendasi_x", data=form)
    assert refused.status_code == 200
    assert "kode klasifikasi, tetapi isinya masih kosong" in refused.get_data(as_text=True)
    assert 'value="REK"' in refused.get_data(as_text=True)  # what was typed is kept
    saved = admin.post("/admin/penomoran?layanan=rekomendasi_x", data={**form, "kode": "200.1.9"})
    assert saved.status_code == 302
    assert "Format nomor memakai" not in admin.get("/admin/").get_data(as_text=True)


def test_an_approval_waits_for_the_code_and_loses_nothing(app, make, login_as):
    _new_service(login_as(make.user(Role.SUPERADMIN)))
    verifier = make.user(Role.VERIFIKATOR)
    application = factories.application(
        status=ApplicationStatus.DIVERIFIKASI,
        claimed_by=verifier,
        verdict=Verdict.SESUAI,
        service_code="rekomendasi_x",
    )
    client = login_as(verifier)
    url = f"/petugas/permohonan/{application.id}/setujui"
    page = client.post(url, data={"version": str(application.version)}, follow_redirects=True)
    assert "Nomor surat belum dapat diberikan" in page.get_data(as_text=True)
    db.session.expire_all()
    assert application.status == ApplicationStatus.DIVERIFIKASI
    assert db.session.execute(db.select(db.func.count(LetterNumber.id))).scalar() == 0
    assert db.session.execute(db.select(db.func.count(NumberCounter.series))).scalar() == 0
    service = catalog.get("rekomendasi_x")
    service.number_kode = "200.1.9"
    db.session.commit()
    client.post(url, data={"version": str(application.version)})
    db.session.expire_all()
    assert application.status == ApplicationStatus.MENUNGGU_TTE
    number = db.session.execute(db.select(LetterNumber.number_text)).scalar_one()
    assert number.startswith("200.1.9/1/")
