"""Applying for a service (issue 7): each applicant sees and may apply only for the active
services of its kind; the application snapshots that service's requirement list; the staff
review page shows the ormas profile and the similar-ormas hint."""

from __future__ import annotations

import pytest

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.models import (
    ORMAS_LAPOR,
    SKT_PARPOL,
    Application,
    ApplicationStatus,
    LegalForm,
    Role,
)
from sisakat.services import applications, catalog, requirements
from tests.workflow_http import page_text

NEW = "/pemohon/permohonan/baru"


def _count() -> int:
    return db.session.execute(db.select(db.func.count(Application.id))).scalar_one()


def test_ormas_applies_for_its_service_with_its_own_requirement_list(app, make, login_as):
    requirements.ensure_defaults()
    ormas = make.ormas()
    client = login_as(ormas.account)
    response = client.post(NEW, data={"service_code": ORMAS_LAPOR})
    assert response.status_code == 302
    application = db.session.execute(db.select(Application)).scalar_one()
    assert application.service_code == ORMAS_LAPOR
    names = [r.name for r in applications_requirements(application)]
    assert names == [d[0] for d in requirements.ORMAS_DEFAULTS]
    page = page_text(client.get(f"/pemohon/permohonan/{application.id}"))
    assert "Layanan: Laporan Keberadaan Ormas" in page
    dashboard = page_text(client.get("/pemohon/"))
    assert f"Permohonan #{application.id} · Laporan Keberadaan Ormas" in dashboard


def applications_requirements(application):
    from sisakat.models import ApplicationRequirement

    return list(
        db.session.execute(
            db.select(ApplicationRequirement)
            .filter_by(application_id=application.id)
            .order_by(ApplicationRequirement.sort_order)
        ).scalars()
    )


@pytest.mark.parametrize(
    ("owner", "code"),
    [("ormas", SKT_PARPOL), ("party", ORMAS_LAPOR)],
)
def test_service_of_the_other_kind_is_refused(app, make, login_as, owner, code):
    requirements.ensure_defaults()
    applicant = make.ormas() if owner == "ormas" else make.party()
    client = login_as(applicant.account)
    response = client.post(NEW, data={"service_code": code}, follow_redirects=True)
    assert "Layanan ini tidak dapat diajukan oleh" in page_text(response)
    assert _count() == 0
    with pytest.raises(GuardFailed):
        applications.create(applicant, actor=applicant.account, service_code=code)


@pytest.mark.parametrize("code", ["tidak_ada", "x" * 40, ""])
def test_unknown_or_forged_service_code_creates_nothing_for_an_ormas(app, make, login_as, code):
    requirements.ensure_defaults()
    ormas = make.ormas()
    client = login_as(ormas.account)
    response = client.post(NEW, data={"service_code": code}, follow_redirects=True)
    assert response.status_code == 200
    if code == "":  # none named: the first service of the ormas's own kind
        assert db.session.execute(db.select(Application.service_code)).scalar_one() == ORMAS_LAPOR
    else:
        assert _count() == 0


def test_inactive_service_is_neither_offered_nor_accepted(app, make, login_as):
    requirements.ensure_defaults()
    catalog.get(ORMAS_LAPOR).active = False
    ormas = make.ormas()
    client = login_as(ormas.account)
    assert "Belum ada layanan yang dibuka" in page_text(client.get("/pemohon/"))
    response = client.post(NEW, data={"service_code": ORMAS_LAPOR}, follow_redirects=True)
    assert "Layanan ini tidak tersedia." in page_text(response)
    assert _count() == 0


def test_party_dashboard_offers_only_the_party_service_and_posting_without_code_works(
    app, make, login_as
):
    requirements.ensure_defaults()
    party = make.party()
    client = login_as(party.account)
    page = page_text(client.get("/pemohon/"))
    assert "Surat Keterangan Terdaftar (SKT) Partai Politik" in page
    assert "Laporan Keberadaan Ormas" not in page
    assert client.post(NEW).status_code == 302  # existing callers name no service
    assert db.session.execute(db.select(Application.service_code)).scalar_one() == SKT_PARPOL


def test_one_open_application_per_ormas(app, make, login_as):
    application = make.application(make.ormas(), documents=False)
    client = login_as(application.party.account)
    response = client.post(NEW, data={"service_code": ORMAS_LAPOR}, follow_redirects=True)
    assert "Masih ada permohonan yang berjalan." in page_text(response)
    assert _count() == 1


def test_review_page_shows_ormas_profile_and_similar_hint(app, make, login_as):
    twin = make.ormas(party_name="Perkumpulan Pemuda Peduli Sungai", abbreviation="P3S")
    ormas = make.ormas(party_name="Pemuda Peduli Sungai", abbreviation="PPS", chair="Lain Orang")
    application = make.application(ormas, status=ApplicationStatus.DIAJUKAN)
    client = login_as(make.user(Role.VERIFIKATOR))
    page = page_text(client.get(f"/petugas/permohonan/{application.id}"))
    assert "Profil Ormas (saat diajukan)" in page
    assert "Layanan: Laporan Keberadaan Ormas" in page
    shown = ("Berbadan hukum", ormas.legal_number, "4 Maret 2024", "Sosial kemasyarakatan",
             "01.234.567.8-901.234", "Sari Contoh, S.H., M.Kn.",
             "1 Maret 2024 s.d. 28 Februari 2029",
             # the deed as the letter prints it (letter_context.deed_text)
             f"Nomor {ormas.deed_number} tanggal 1 Februari 2024, notaris Sari Contoh")  # fmt: skip
    assert [s for s in shown if s not in page] == []
    assert "Mirip dengan:" in page
    assert f">{twin.party_name}</a> (P3S), {twin.city} — nama mirip" in page
    assert f"/laporan/rekap-partai/{twin.id}" in page


def test_review_page_of_a_party_has_no_hint(app, make, login_as):
    application = make.application(status=ApplicationStatus.DIAJUKAN)
    client = login_as(make.user(Role.VERIFIKATOR))
    page = page_text(client.get(f"/petugas/permohonan/{application.id}"))
    assert "Profil Partai (saat diajukan)" in page
    assert "Mirip dengan" not in page
    assert "Layanan: SKT Partai Politik" in page


def test_a_returned_ormas_report_shows_its_15_working_day_deadline(app, make, login_as):
    """DOMAIN.md: an ormas has 15 working days to complete what was returned. Returned on
    Monday 2 March 2026 with a holiday on 16 March: weekends and the holiday skipped, due on
    Tuesday 24 March. A party's application shows no such deadline."""
    from datetime import datetime

    from sisakat.services import settings

    settings.update({"office.holidays": ["2026-03-16"]}, actor=None)
    ormas = make.application(make.ormas(), status=ApplicationStatus.PERLU_PERBAIKAN)
    ormas.status_changed_at = datetime(2026, 3, 2, 3, 0)  # Monday 10.00 WIB
    party = make.application(status=ApplicationStatus.PERLU_PERBAIKAN)
    db.session.commit()
    assert ormas.service_code == ORMAS_LAPOR
    assert applications.repair_deadline(ormas).isoformat() == "2026-03-24"
    page = page_text(login_as(ormas.party.account).get(f"/pemohon/permohonan/{ormas.id}"))
    assert "paling lambat" in page
    assert "24 Maret 2026" in page
    assert "15 hari kerja" in page
    assert applications.repair_deadline(party) is None
    page = page_text(login_as(party.party.account).get(f"/pemohon/permohonan/{party.id}"))
    assert "paling lambat" not in page


@pytest.mark.parametrize(
    ("legal_form", "label"),
    [
        (LegalForm.BERBADAN_HUKUM, "Nomor SK Kemenkumham"),
        (LegalForm.TIDAK_BERBADAN_HUKUM, "Nomor SKT Kemendagri"),
    ],
)
def test_review_page_names_the_legal_document_as_the_letter_prints_it(
    app, make, login_as, legal_form, label
):
    """The reviewer checks the number under the label the Surat Keterangan Melapor prints
    (``LegalForm.document_label``), not one naming both documents."""
    ormas = make.ormas(legal_form=legal_form)
    application = make.application(ormas, status=ApplicationStatus.DIAJUKAN)
    client = login_as(make.user(Role.VERIFIKATOR))
    page = page_text(client.get(f"/petugas/permohonan/{application.id}"))
    assert f"<dt>{label}</dt><dd>{ormas.legal_number} tanggal 4 Maret 2024</dd>" in page
    assert "Kemenkumham / SKT" not in page
