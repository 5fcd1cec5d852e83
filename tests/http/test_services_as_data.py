"""Services as data (issue 7): a third service configured through the admin screens, each
service's own letter and numbers, configuration changes that never disturb applications in
progress, deactivation, and the per-service queue, dashboard and survey."""

from __future__ import annotations

import io
import json
from datetime import date

from pypdf import PdfReader

from sisakat.extensions import db
from sisakat.models import (
    ORMAS_LAPOR,
    SKT_PARPOL,
    Action,
    ApplicantKind,
    Application,
    ApplicationRequirement,
    ApplicationStatus,
    AuditEvent,
    Letter,
    Role,
    Service,
    SurveyResponse,
    Verdict,
)
from sisakat.pdf.skt import render_skt
from sisakat.services import (
    catalog,
    letters,
    number_format,
    numbering,
    service_config,
    stats,
    verification,
    workflow_rules,
)
from tests import factories
from tests.http.test_two_admins_at_once import danger_alerts
from tests.monitoring_helpers import timeline
from tests.pdf import helpers as pdfh

NEW = {
    "code": "rekomendasi_x",
    "name": "Rekomendasi Kegiatan Partai Politik",
    "short_name": "Rekomendasi X",
    "applicant_kind": "parpol",
    "number_series": "",
    "sla": "2",
}


def _service(code: str) -> Service:
    db.session.expire_all()
    return catalog.get(code)


def _edit_form(service: Service, **changes) -> dict:
    data = {
        "version": str(service.version),
        "name": service.name,
        "short_name": service.short_name,
        "sort_order": str(service.sort_order),
        "sla": str(service.sla_minutes / 60),
        "letter_title": service.letter_title,
        "letter_opening": service.letter_opening,
        "letter_statement": service.letter_statement,
        "letter_closing": service.letter_closing,
        "letter_tembusan": "\n".join(service.letter_tembusan),
        "number_template": service.number_template,
        "number_kode": service.number_kode,
        "number_unit": service.number_unit,
        "number_padding": str(service.number_padding),
    }
    if service.active:
        data["active"] = "y"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _configure_third_service(client) -> Service:
    """Create rekomendasi_x, give it a title, number format and one requirement (admin UI)."""
    created = client.post("/admin/layanan-baru", data=NEW)
    assert created.status_code == 302
    assert created.headers["Location"].endswith("/admin/layanan/rekomendasi_x/ubah")
    service = _service("rekomendasi_x")
    assert service.number_series == "rekomendasi_x"  # its own series by default
    assert service.sla_minutes == 120
    form = _edit_form(
        service,
        letter_title="SURAT REKOMENDASI",
        number_template="{kode}/{nomor}/REK/{bulan_romawi}/{tahun}",
        number_kode="200.1.9",
        number_padding="3",
    )
    assert client.post("/admin/layanan/rekomendasi_x/ubah", data=form).status_code == 302
    requirement = {"name": "Proposal kegiatan", "description": "", "required": "y", "active": "y"}
    added = client.post("/admin/persyaratan/baru?layanan=rekomendasi_x", data=requirement)
    assert added.status_code == 302
    return _service("rekomendasi_x")


def _approve(application, verifier) -> Letter:
    verification.approve(application, actor=verifier, seen_version=application.version)
    db.session.commit()
    return db.session.execute(
        db.select(Letter).filter_by(application_id=application.id)
    ).scalar_one()


def _approvable(service_code: str, party=None):
    verifier = factories.user(Role.VERIFIKATOR)
    application = factories.application(
        party,
        status=ApplicationStatus.DIVERIFIKASI,
        claimed_by=verifier,
        verdict=Verdict.SESUAI,
        service_code=service_code,
    )
    return application, verifier


def _letter_text(letter: Letter) -> str:
    return " ".join(
        " ".join(pdfh.pages_text(letters.storage.read_bytes(letter.unsigned_file))).split()
    )


def test_a_third_service_by_configuration_is_public_and_gives_its_own_letter(
    app, client, make, login_as
):
    admin = login_as(make.user(Role.SUPERADMIN))
    listing = admin.get("/admin/layanan").get_data(as_text=True)
    assert 'data-code="skt_parpol"' in listing
    assert 'data-code="lapor_ormas"' in listing
    service = _configure_third_service(admin)
    assert [r.name for r in catalog_requirements("rekomendasi_x")] == ["Proposal kegiatan"]
    assert "rekomendasi_x" in admin.get("/admin/layanan").get_data(as_text=True)

    home = client.get("/").get_data(as_text=True)
    assert "/layanan/rekomendasi_x" in home
    page = client.get("/layanan/rekomendasi_x").get_data(as_text=True)
    assert "Rekomendasi Kegiatan Partai Politik" in page
    assert "Proposal kegiatan" in page
    assert "Tidak dipungut biaya." in page  # the default Standar Pelayanan of its kind
    assert client.get("/layanan/rekomendasi_x/alur.svg").status_code == 200
    assert client.get("/layanan/rekomendasi_x/poster").status_code == 200

    # A party applies for it: its application snapshots the new list and its letter carries
    # the service's own title and number format.
    application, verifier = _approvable("rekomendasi_x")
    assert [r.name for r in _snapshot(application)] == ["Proposal kegiatan"]
    letter = _approve(application, verifier)
    year = letter.letter_date.year
    month = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[
        letter.letter_date.month - 1
    ]
    assert letter.number_text == f"200.1.9/001/REK/{month}/{year}"
    text = _letter_text(letter)
    assert "SURAT REKOMENDASI" in text
    assert "SURAT KETERANGAN TERDAFTAR" not in text
    assert json.loads(letter.context_json)["service_code"] == "rekomendasi_x"
    assert service.number_series == "rekomendasi_x"

    # The party SKT side by side keeps its own title and series.
    skt_app, skt_verifier = _approvable(SKT_PARPOL)
    skt = _approve(skt_app, skt_verifier)
    assert skt.number_text == f"200.1.5.3/1/BAN.KBP/{year}"
    assert "SURAT KETERANGAN TERDAFTAR" in _letter_text(skt)
    actions = db.session.execute(db.select(AuditEvent.action)).scalars().all()
    assert "service.create" in actions
    assert "service.update" in actions


def catalog_requirements(code: str):
    from sisakat.services import requirements

    return requirements.active_list(code)


def _snapshot(application: Application) -> list[ApplicationRequirement]:
    return list(
        db.session.execute(
            db.select(ApplicationRequirement)
            .filter_by(application_id=application.id)
            .order_by(ApplicationRequirement.sort_order)
        ).scalars()
    )


def test_new_service_refuses_bad_input_in_indonesian(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    bad_code = admin.post("/admin/layanan-baru", data={**NEW, "code": "Rekomendasi X"})
    assert "huruf kecil, angka atau garis bawah" in bad_code.get_data(as_text=True)
    taken = admin.post("/admin/layanan-baru", data={**NEW, "code": SKT_PARPOL})
    assert "sudah dipakai" in taken.get_data(as_text=True)
    no_sla = admin.post("/admin/layanan-baru", data={**NEW, "sla": "abc"})
    assert "Masukkan angka." in no_sla.get_data(as_text=True)
    assert catalog.get("rekomendasi_x") is None
    assert admin.get("/admin/layanan/tidak_ada/ubah").status_code == 404
    skt = _service(SKT_PARPOL)
    bad_template = admin.post(
        "/admin/layanan/skt_parpol/ubah", data=_edit_form(skt, number_template="{kode}/{nomer}")
    )
    assert "tidak dikenal" in bad_template.get_data(as_text=True)
    assert _service(SKT_PARPOL).number_template == "{kode}/{nomor}/{unit}/{tahun}"


def test_a_change_by_someone_else_is_not_overwritten(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    seen = _service(ORMAS_LAPOR)
    first = _edit_form(seen, name="Laporan Ormas (ubah 1)")
    second = _edit_form(seen, name="Laporan Ormas (ubah 2)")
    assert admin.post("/admin/layanan/lapor_ormas/ubah", data=first).status_code == 302
    stale = admin.post("/admin/layanan/lapor_ormas/ubah", data=second)
    # One message: before, "Layanan belum tersimpan. Periksa isian yang ditandai." came too,
    # though no field was marked.
    (alert,) = danger_alerts(stale.get_data(as_text=True))
    assert alert.startswith("Layanan ini sudah diubah oleh")
    assert _service(ORMAS_LAPOR).name == "Laporan Ormas (ubah 1)"


def test_changes_after_submission_leave_the_application_and_its_letter_alone(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    application, verifier = _approvable(SKT_PARPOL)
    before = [r.name for r in _snapshot(application)]
    prepared_app, prepared_verifier = _approvable(SKT_PARPOL)
    letter = _approve(prepared_app, prepared_verifier)
    frozen = letters.context_of(letters.inputs_of(letter), token=letter.token)

    skt = _service(SKT_PARPOL)
    changed = _edit_form(
        skt,
        letter_title="JUDUL BARU",
        letter_opening="Pembuka baru.",
        number_kode="999.9",
        sla="40",
    )
    assert admin.post("/admin/layanan/skt_parpol/ubah", data=changed).status_code == 302
    first = catalog_requirements(SKT_PARPOL)[0]
    edit = {"name": "Nama persyaratan diubah", "description": "", "required": "y", "active": "y"}
    assert admin.post(f"/admin/persyaratan/{first.id}", data=edit).status_code == 302
    assert _service(SKT_PARPOL).sla_minutes == 2400

    assert [r.name for r in _snapshot(application)] == before  # the requirement snapshot stays
    again = letters.context_of(letters.inputs_of(db.session.get(Letter, letter.id)), token="X")
    assert (again.title, again.opening) == (frozen.title, frozen.opening)
    assert again.title == "SURAT KETERANGAN TERDAFTAR"
    # The application in progress is approved with today's wording and format.
    new_letter = _approve(db.session.get(Application, application.id), verifier)
    assert new_letter.number_text.startswith("999.9/2/")
    assert "JUDUL BARU" in _letter_text(new_letter)


def test_old_letters_without_a_frozen_title_render_as_before():
    inputs_settings = pdfh.groups()
    del inputs_settings["letter"]["title"]
    old = pdfh.context(settings=inputs_settings)
    assert old.title == "SURAT KETERANGAN TERDAFTAR"
    assert old == pdfh.context()


def test_deactivated_service_is_hidden_but_applications_in_progress_go_on(
    app, client, make, login_as
):
    admin = login_as(make.user(Role.SUPERADMIN))
    application, verifier = _approvable(ORMAS_LAPOR)
    assert client.get("/layanan/lapor_ormas").status_code == 200
    form = _edit_form(_service(ORMAS_LAPOR), active=None)
    assert admin.post("/admin/layanan/lapor_ormas/ubah", data=form).status_code == 302
    assert _service(ORMAS_LAPOR).active is False
    for url in (
        "/layanan/lapor_ormas",
        "/layanan/lapor_ormas/alur.svg",
        "/layanan/lapor_ormas/poster",
    ):
        assert client.get(url).status_code == 404
    assert client.get("/layanan/tidak_ada").status_code == 404
    assert "/layanan/lapor_ormas" not in client.get("/").get_data(as_text=True)
    assert "lapor_ormas" not in client.get("/survei", follow_redirects=True).get_data(as_text=True)
    assert [s.code for s in catalog.for_kind(ApplicantKind.ORMAS)] == []
    # The admin still edits it, and the application in progress is issued as usual.
    assert admin.get("/admin/layanan/lapor_ormas/ubah").status_code == 200
    assert admin.get("/admin/persyaratan?layanan=lapor_ormas").status_code == 200
    letter = _approve(application, verifier)
    assert letter.number_text.startswith("200.1.4.4/1/")
    assert "SURAT KETERANGAN MELAPOR" in _letter_text(letter)


def test_sla_is_edited_in_working_hours_and_stored_in_minutes(app, make, login_as):
    from sisakat.admin.service_catalog import sla_hours

    assert [str(sla_hours(m)) for m in (60, 90, 7200, 50)] == ["1", "1.5", "120", "0.83"]
    admin = login_as(make.user(Role.SUPERADMIN))
    page = admin.get("/admin/layanan/lapor_ormas/ubah").get_data(as_text=True)
    assert 'name="sla" required step="any" type="number" value="120"' in page
    listing = admin.get("/admin/layanan").get_data(as_text=True)
    assert "120 jam kerja" in listing
    form = _edit_form(_service(ORMAS_LAPOR), sla="7.5")
    assert admin.post("/admin/layanan/lapor_ormas/ubah", data=form).status_code == 302
    assert _service(ORMAS_LAPOR).sla_minutes == 450


def test_requirement_lists_are_per_service(app, make, login_as):
    from sisakat.services import requirements

    requirements.ensure_defaults()
    db.session.commit()
    admin = login_as(make.user(Role.SUPERADMIN))
    skt = admin.get("/admin/persyaratan").get_data(as_text=True)
    ormas = admin.get("/admin/persyaratan?layanan=lapor_ormas").get_data(as_text=True)
    assert "Surat pernyataan tidak berafiliasi dengan partai politik" in ormas
    assert "tidak berafiliasi dengan partai politik" not in skt
    assert admin.get("/admin/persyaratan?layanan=tidak_ada").status_code == 404
    data = {"name": "Dokumen khusus ormas", "description": "", "required": "y", "active": "y"}
    admin.post("/admin/persyaratan/baru?layanan=lapor_ormas", data=data)
    assert "Dokumen khusus ormas" in [r.name for r in catalog_requirements(ORMAS_LAPOR)]
    assert "Dokumen khusus ormas" not in [r.name for r in catalog_requirements(SKT_PARPOL)]


def test_service_standard_defaults_follow_the_applicant_kind(client):
    ormas = client.get("/layanan/lapor_ormas").get_data(as_text=True)
    assert "Paling lama 15 (lima belas) hari kerja" in ormas
    assert "Surat Keterangan Melapor" in ormas
    assert "Nomor 17 Tahun 2013" in ormas
    assert "Nomor 57 Tahun 2017" in ormas
    skt = client.get("/layanan/skt_parpol").get_data(as_text=True)
    assert "Paling lama 1 (satu) jam" in skt
    guide = client.get("/panduan").get_data(as_text=True)
    assert "/layanan/skt_parpol#persyaratan" in guide
    assert "/layanan/lapor_ormas#persyaratan" in guide


def test_a_new_service_describes_itself_until_its_standard_is_saved(client, make, login_as):
    """A service the office adds showed the built-in service's Standar Pelayanan: a party
    reading "Rekomendasi Kegiatan" was told it gets an SKT within 1 jam (another service's
    product and promise). Now the unsaved standard names the service and its own SLA."""
    admin = login_as(make.user(Role.SUPERADMIN))
    _configure_third_service(admin)
    page = client.get("/layanan/rekomendasi_x").get_data(as_text=True)
    assert "Permohonan Rekomendasi Kegiatan Partai Politik secara daring" in page
    assert "Surat Rekomendasi Kegiatan Partai Politik bertanda tangan elektronik." in page
    assert "Paling lama 2 jam kerja sejak berkas lengkap" in page
    assert "untuk memperoleh SKT" not in page
    assert "Surat Keterangan Terdaftar (SKT) bertanda tangan" not in page
    assert "Tanda tangan elektronik surat" in page
    assert "Tanda tangan elektronik SKT" not in page
    edit = admin.get("/admin/layanan/rekomendasi_x").get_data(as_text=True)
    assert "Paling lama 2 jam kerja sejak berkas lengkap" in edit
    assert "Unduh surat | Pemohon" in edit
    assert "Unduh SKT" not in edit
    # An office that also takes wet-signed scans says so for its own services too.
    response = admin.post("/tte/pengaturan", data={"backend": "srikandi", "allow_scan": "y"})
    assert response.status_code == 302
    page = client.get("/layanan/rekomendasi_x").get_data(as_text=True)
    assert (
        "Surat Rekomendasi Kegiatan Partai Politik bertanda tangan elektronik atau tanda "
        "tangan basah (hasil pindai)." in page
    )
    assert "Tanda tangan (elektronik atau basah) surat" in page


def test_numbering_series_stay_independent_when_interleaved(app):
    day = date(2025, 6, 13)
    got = {"skt": [], "ormas": []}
    for series in ("skt", "ormas", "ormas", "skt", "skt", "ormas", "skt"):
        got[series].append(numbering.allocate(series, local_date=day, actor=None).serial)
    assert got == {"skt": [1, 2, 3, 4], "ormas": [1, 2, 3]}
    texts = [numbering.allocate("ormas", local_date=day, actor=None).number_text]
    assert texts == ["200.1.4.4/4/BAN.KBP/2025"]  # the series' format: lapor_ormas's row
    assert numbering.next_serial("skt", 2025) == 5


def test_two_services_sharing_a_series_share_its_counter(app, make, login_as):
    admin = login_as(make.user(Role.SUPERADMIN))
    shared = {**NEW, "number_series": "skt"}
    assert admin.post("/admin/layanan-baru", data=shared).status_code == 302
    new = _service("rekomendasi_x")
    new.number_kode = "200.1.9"  # a new service starts without its classification code
    day = date(2025, 6, 13)
    a = numbering.allocate("skt", local_date=day, actor=None)
    b = numbering.allocate(
        new.number_series, local_date=day, actor=None, fmt=number_format.service_format(new)
    )
    assert (a.serial, b.serial) == (1, 2)
    page = admin.get("/admin/layanan/rekomendasi_x/ubah").get_data(as_text=True)
    assert "berbagi nomor urut" in page


def test_number_register_filters_by_series(app, make, login_as):
    day = date(2025, 6, 13)
    skt = numbering.allocate("skt", local_date=day, actor=None)
    ormas = numbering.allocate("ormas", local_date=day, actor=None)
    db.session.commit()
    admin = login_as(make.user(Role.SUPERADMIN))
    only_ormas = admin.get("/admin/nomor-surat?seri=ormas").get_data(as_text=True)
    assert ormas.number_text in only_ormas
    assert skt.number_text not in only_ormas
    every = admin.get("/admin/nomor-surat?seri=palsu").get_data(as_text=True)
    assert ormas.number_text in every
    assert skt.number_text in every


def test_queue_filters_by_service_and_flags_overdue_by_its_own_sla(app, make, login_as):
    from datetime import timedelta

    from sisakat.models import utcnow

    skt = make.application(status=ApplicationStatus.DIAJUKAN)
    ormas = make.application(status=ApplicationStatus.DIAJUKAN, service_code=ORMAS_LAPOR)
    long_ago = utcnow() - timedelta(days=10)  # more than 1 working hour, less than 120
    for application in (skt, ormas):
        application.status_changed_at = long_ago
    db.session.commit()
    client = login_as(make.user(Role.VERIFIKATOR))
    page = client.get("/petugas/").get_data(as_text=True)
    assert page.count("Lewat janji layanan") == 1  # only the party SKT (SLA 1 hour)
    assert 'data-service="lapor_ormas"' in page
    assert "Laporan Keberadaan Ormas" in page
    only = client.get("/petugas/?layanan=lapor_ormas").get_data(as_text=True)
    assert ormas.party.board_name in only
    assert skt.party.board_name not in only
    forged = client.get("/petugas/?layanan=palsu")
    assert forged.status_code == 200


def test_dashboard_measures_each_application_against_its_own_sla(app, make, login_as):
    slow = timeline([(Action.AJUKAN, "2026-03-13 08:00"), (Action.TERBITKAN, "2026-03-13 12:00")])
    timeline([(Action.AJUKAN, "2026-03-18 10:00"), (Action.TERBITKAN, "2026-03-18 10:30")])
    march = stats.StatsFilter(date(2026, 3, 1), date(2026, 3, 31))
    assert stats.dashboard(march).within_sla == 1  # 4 hours is over the SKT's 1 hour
    slow.service_code = ORMAS_LAPOR  # 4 hours is within the ormas report's 120 hours
    db.session.commit()
    dash = stats.dashboard(march)
    assert (dash.within_sla, dash.sla_minutes) == (2, None)
    assert dash.sla_label == "janji layanan masing-masing"
    only = stats.dashboard(stats.StatsFilter(march.start, march.end, ORMAS_LAPOR))
    assert (only.total, only.within_sla, only.sla_minutes) == (1, 1, 7200)
    staff = login_as(make.user(Role.PENANDATANGAN))
    html = staff.get("/laporan/dasbor?start=2026-03-01&end=2026-03-31").get_data(as_text=True)
    assert 'value="lapor_ormas"' in html
    assert 'value="skt_parpol"' in html


def test_public_survey_names_the_service_and_the_ikm_report_filters_by_it(
    app, client, make, login_as
):
    from openpyxl import load_workbook

    answers = {f"u{i}": "4" for i in range(1, 10)}
    page = client.get("/survei", follow_redirects=True).get_data(as_text=True)
    assert 'value="lapor_ormas"' in page
    assert 'value="skt_parpol"' in page
    assert client.post("/survei", data={**answers, "service": ORMAS_LAPOR}).status_code == 302
    forged = client.post("/survei", data={**answers, "service": "palsu"})
    assert "Pilih layanan yang Anda gunakan." in forged.get_data(as_text=True)
    make.survey_response((1,) * 9, service_code=SKT_PARPOL)
    rows = db.session.execute(db.select(SurveyResponse.service_code)).scalars().all()
    assert sorted(rows) == [ORMAS_LAPOR, SKT_PARPOL]
    staff = login_as(make.user(Role.VERIFIKATOR))
    every = staff.get("/laporan/ikm").get_data(as_text=True)
    assert '<div class="fs-3" id="responden">2</div>' in every
    ormas = staff.get("/laporan/ikm?service=lapor_ormas").get_data(as_text=True)
    assert '<div class="fs-3" id="responden">1</div>' in ormas
    assert '<div class="fs-3" id="nilai-ikm">100,00</div>' in ormas
    xlsx = staff.get("/laporan/ikm.xlsx?service=lapor_ormas")
    sheet = load_workbook(io.BytesIO(xlsx.data))["IKM"]
    cells = {r[0]: r for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert cells["Jumlah responden"][1] == 1
    assert cells["Layanan"][1] == catalog.get(ORMAS_LAPOR).name


def test_after_issue_survey_records_the_applications_service(app, make, login_as):
    letter = make.issued_letter()
    application = db.session.get(Application, letter.application_id)
    application.service_code = ORMAS_LAPOR
    db.session.commit()
    client = login_as(application.party.account)
    answers = {f"u{i}": "3" for i in range(1, 10)}
    response = client.post(f"/pemohon/permohonan/{application.id}/survei", data=answers)
    assert response.status_code == 302
    row = db.session.execute(db.select(SurveyResponse)).scalar_one()
    assert (row.application_id, row.service_code) == (application.id, ORMAS_LAPOR)


def test_issue_notification_names_no_particular_service():
    assert "SKT" not in workflow_rules.RULES[Action.TERBITKAN].message
    assert "SKT" not in workflow_rules.RULES[Action.CABUT].message


def test_letter_pdf_of_each_built_in_service_from_its_wording():
    ormas = pdfh.context(settings=pdfh.groups(ORMAS_LAPOR))
    assert ormas.title == "SURAT KETERANGAN MELAPOR"
    assert ormas.opening.startswith("Kepala Badan")
    assert "organisasi kemasyarakatan" in ormas.opening
    text = " ".join(PdfReader(io.BytesIO(render_skt(ormas))).pages[0].extract_text().split())
    assert "SURAT KETERANGAN MELAPOR" in text


def test_a_new_service_code_is_judged_with_the_other_fields_and_shown_beside_it(
    app, make, login_as
):
    """'SKT Ormas!' as the code was only judged after the name and the SLA were right, in a
    second round, and then at the top of the page; a taken code too. Now the code's and the
    series' rules are told beside their fields with the others, what was typed kept."""
    admin = login_as(make.user(Role.SUPERADMIN))
    page = admin.post(
        "/admin/layanan-baru",
        data={"code": "SKT Ormas!", "name": "", "number_series": "Seri Baru!", "sla": ""},
    ).get_data(as_text=True)
    assert service_config.CODE_RULE in page.split('id="code-error">', 1)[1].split("</div></div>")[0]
    series = page.split('id="number_series-error">', 1)[1].split("</div></div>")[0]
    assert service_config.SERIES_RULE in series
    assert 'id="name-error"' in page
    assert 'id="sla-error"' in page
    assert 'value="SKT Ormas!"' in page
    taken = admin.post(
        "/admin/layanan-baru",
        data={"code": "skt_parpol", "name": "Duplikat", "applicant_kind": "parpol", "sla": "8"},
    ).get_data(as_text=True)
    beside = taken.split('id="code-error">', 1)[1].split("</div></div>")[0]
    assert "Kode layanan skt_parpol sudah dipakai." in beside
    assert "Layanan belum dibuat. Periksa isian yang ditandai." in taken
    assert 'value="Duplikat"' in taken
    assert len(catalog.all_services()) == 2
