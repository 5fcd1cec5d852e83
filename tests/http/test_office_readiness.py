"""The super admin's home lists what the office still has to set before the first letter, each
item linking to the page that fixes it, and drops an item once the stored data is right."""

from __future__ import annotations

import html
import io
import re
from datetime import datetime

import pytest

from sisakat.extensions import db
from sisakat.models import Requirement, Role, Service
from sisakat.services import catalog, requirements, settings
from tests import pki as pki_module

ITEM = re.compile(
    r'data-kesiapan="(wajib|saran)">\s*<span class="badge[^"]*">\w+</span>\s*'
    r'<span class="flex-grow-1">([^<]+)</span>\s*(?:<a [^>]*href="([^"]+)">Atur</a>)?'
)


def _items(client) -> list[tuple[str, str, str]]:
    page = client.get("/admin/").get_data(as_text=True)
    return [
        (level, html.unescape(text), html.unescape(href))
        for level, text, href in ITEM.findall(page)
    ]


def _texts(client) -> str:
    return "\n".join(text for _, text, _ in _items(client))


@pytest.fixture
def admin(app, make, login_as):
    return login_as(make.user(Role.SUPERADMIN))


def test_a_fresh_office_sees_each_thing_to_set_with_a_working_link(app, admin):
    items = _items(admin)
    must = [text for level, text, _ in items if level == "wajib"]
    assert any("Profil instansi dan kop surat masih contoh bawaan" in t for t in must)
    assert any("Dr. Contoh Pejabat, M.Si." in t and "pejabat fiktif" in t for t in must)
    assert any("sertifikat akar (root) BSrE" in t for t in must)
    assert any("Layanan SKT Partai Politik belum punya persyaratan aktif" in t for t in must)
    advice = [text for level, text, _ in items if level == "saran"]
    assert any("Lambang daerah belum diunggah" in t for t in advice)
    assert any("Belum ada akun Verifikator" in t for t in advice)
    assert any("Hari libur tahun" in t for t in advice)
    levels = [level for level, _, _ in items]
    assert levels == sorted(levels, key=lambda level: level != "wajib")  # wajib first
    for _, text, href in items:
        if href:
            assert admin.get(href).status_code == 200, (text, href)
    assert "PUBLIC_BASE_URL" not in _texts(admin)  # the test app has one
    app.config["PUBLIC_BASE_URL"] = ""
    assert "surat tidak dapat diterbitkan" in _texts(admin)


def test_items_go_once_the_office_has_set_them(app, admin, make, tmp_path):
    settings.update(
        {
            "agency.government": "PEMERINTAH KABUPATEN CONTOH RAYA",
            "agency.region": "KABUPATEN CONTOH RAYA",
            "agency.short_name": "Kesbangpol Kabupaten Contoh Raya",
            "signatory.name": "Drs. Contoh Kepala Badan",
            "signatory.nip": "198001012005011002",
            "signatory.region_line": "KABUPATEN CONTOH RAYA,",
            # This office year's and the next (asked for in December)
            "office.holidays": [f"{_year()}-12-25", f"{_year() + 1}-01-01"],
        },
        actor=None,
    )
    requirements.ensure_defaults()
    for service in catalog.all_services():
        service.letter_opening = "Kepala Badan Kesbangpol Kabupaten Contoh Raya menerangkan:"
        service.letter_tembusan = ["Bupati Contoh Raya"]
        service.number_unit = "KESBANGPOL"
    make.user(Role.VERIFIKATOR)
    make.user(Role.PENANDATANGAN)
    db.session.commit()
    _trust_the_test_pki(admin, tmp_path)
    left = _texts(admin)
    assert left.splitlines() == [
        "Server e-mail (SISAKAT_SMTP_HOST) belum disetel: pemberitahuan hanya tampil di aplikasi.",
        "Lambang daerah belum diunggah: kop surat tercetak tanpa lambang.",
    ]
    app.config["SMTP_HOST"] = "127.0.0.1"
    settings.update({"agency.emblem_file_id": 1}, actor=None)
    db.session.commit()
    page = admin.get("/admin/").get_data(as_text=True)
    assert "Pengaturan dasar kantor lengkap" in page
    assert 'id="kesiapan"' not in page


def test_a_new_region_flags_the_built_in_wording_until_it_is_rewritten(admin):
    settings.update({"agency.region": "KOTA CONTOH"}, actor=None)
    db.session.commit()
    texts = _texts(admin)
    assert 'masih "PROVINSI SUMATERA SELATAN,", sedangkan wilayah instansi KOTA CONTOH' in texts
    wording = [(t, h) for _, t, h in _items(admin) if t.startswith("Isi surat layanan")]
    assert (
        "Isi surat layanan SKT Partai Politik: kalimat pembuka dan tembusan masih bawaan untuk "
        "Kesbangpol Provinsi Sumatera Selatan, sedangkan wilayah instansi KOTA CONTOH.",
        "/admin/pengaturan-surat?layanan=skt_parpol",
    ) in wording
    skt = catalog.get("skt_parpol")
    skt.letter_opening = "Kepala Badan Kesbangpol Kota Contoh menerangkan:"
    db.session.commit()
    texts = _texts(admin)
    assert "SKT Partai Politik: tembusan masih bawaan" in texts
    assert "SKT Partai Politik: kalimat pembuka" not in texts
    lapor = catalog.get("lapor_ormas")
    lapor.active = False  # a service the office does not offer is not nagged about
    db.session.commit()
    assert "Laporan Keberadaan Ormas" not in _texts(admin)


def test_an_active_service_without_requirements_is_flagged(admin):
    requirements.ensure_defaults()
    db.session.commit()
    assert "persyaratan aktif" not in _texts(admin)
    for row in db.session.execute(
        db.select(Requirement).filter_by(service_code="lapor_ormas")
    ).scalars():
        row.active = False
    db.session.commit()
    assert _texts(admin).count("persyaratan aktif") == 1
    assert "Layanan Laporan Keberadaan Ormas belum punya persyaratan aktif" in _texts(admin)
    db.session.get(Service, catalog.get("lapor_ormas").id).active = False
    db.session.commit()
    assert "persyaratan aktif" not in _texts(admin)


def test_an_in_app_signing_path_without_its_server_setting_is_flagged(app, admin):
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    app.config["SIGNING_P12_PATH"] = ""
    flagged = [h for _, t, h in _items(admin) if "SISAKAT_SIGNING_P12_PATH" in t]
    assert flagged == ["/tte/pengaturan"]
    app.config["SIGNING_P12_PATH"] = "/etc/sisakat/instansi.p12"
    assert "SIGNING_P12_PATH" not in _texts(admin)
    settings.update({"signing.backend": "bsre"}, actor=None)
    db.session.commit()
    app.config["BSRE_BASE_URL"] = ""
    assert "SISAKAT_BSRE_BASE_URL" in _texts(admin)


def _year() -> int:
    from sisakat.services import numbering

    return numbering.office_today().year


def _trust_the_test_pki(admin, tmp_path) -> None:
    """Upload the test root and allow its signer through the trust page, as the office does."""
    (tmp_path / "pki").mkdir()
    pki = pki_module.build(tmp_path / "pki")
    admin.post(
        "/admin/tte/akar",
        data={"kind": "root", "certificate": (io.BytesIO(pki.root.pem), "akar.pem")},
        content_type="multipart/form-data",
    )
    admin.post(
        "/admin/tte/penandatangan",
        data={"fingerprint": pki.signer.fingerprint, "display_name": "Drs. Contoh Kepala Badan"},
    )


def test_the_first_office_clears_the_profile_item_by_giving_its_phone(admin):
    """The defaults are the first office's name and address: its profile is ready once the
    placeholder phone is replaced, without renaming anything."""
    assert "Profil instansi dan kop surat masih contoh bawaan" in _texts(admin)
    settings.update({"agency.phone": "(0711) 354321"}, actor=None)
    db.session.commit()
    assert "Profil instansi" not in _texts(admin)
    assert "Isi surat layanan" not in _texts(admin)  # the region is still the built-in one


def test_a_service_the_office_adds_inherits_the_built_in_wording_and_is_flagged(admin):
    from sisakat.models import ApplicantKind
    from sisakat.services import service_config

    settings.update({"agency.region": "KOTA CONTOH"}, actor=None)
    service_config.create(
        code="rekomendasi_hibah",
        name="Rekomendasi Hibah Partai Politik",
        short_name="Rekomendasi Hibah",
        applicant_kind=ApplicantKind.PARPOL,
        sla_minutes=480,
        actor=None,
    )
    db.session.commit()
    flagged = [h for _, t, h in _items(admin) if t.startswith("Isi surat layanan Rekomendasi")]
    assert flagged == ["/admin/pengaturan-surat?layanan=rekomendasi_hibah"]


def test_an_office_that_accepts_scans_is_not_told_the_trust_list_blocks_its_first_letter(admin):
    """Before: an office without BSrE certificates saw "Wajib: Belum ada sertifikat akar (root)
    BSrE" with a link to a page it cannot complete, and was not told of the scan path; after
    allowing scans it still saw the item as Wajib although its scanned letters issue. Now the
    item names the scan option, and once scans are allowed the trust list is advice."""
    must = [t for level, t, _ in _items(admin) if level == "wajib"]
    root = [t for t in must if "sertifikat akar (root) BSrE" in t]
    assert root
    assert "izinkan pindaian tanda tangan basah di Cara penandatanganan" in root[0]
    admin.post("/tte/pengaturan", data={"backend": "srikandi", "allow_scan": "y"})
    assert settings.get("signing.allow_scan") is True
    items = _items(admin)
    trust = [(level, t) for level, t, href in items if href == "/admin/tte/kepercayaan"]
    assert len(trust) == 2  # no root, no signer: both advice now
    assert {level for level, _ in trust} == {"saran"}
    still = "Surat pindaian tanda tangan basah tetap dapat terbit."
    assert all(t.endswith(still) for _, t in trust)


def test_in_december_the_next_years_holidays_are_asked_for_too(app, admin):
    """Readiness asked only for this year's holidays, so in December nobody was prompted for
    next year's until 1 January had already been counted as a work day."""
    from tests.auth_helpers import use_clock

    clock = use_clock(app)
    settings.update({"office.holidays": ["2026-12-25"]}, actor=None)
    db.session.commit()

    def holiday_items() -> list[str]:
        return [text for _, text, _ in _items(admin) if text.startswith("Hari libur tahun")]

    clock.now = datetime(2026, 11, 20, 3)
    assert holiday_items() == []
    clock.now = datetime(2026, 12, 1, 3)
    assert holiday_items() == [
        "Hari libur tahun 2027 belum diisi: waktu tunggu dan janji layanan menghitung hari "
        "libur sebagai hari kerja."
    ]
    settings.update({"office.holidays": ["2026-12-25", "2027-01-01"]}, actor=None)
    db.session.commit()
    assert holiday_items() == []
    clock.now = datetime(2027, 1, 2, 3)  # the new year: its holidays are there
    assert holiday_items() == []


def test_the_signatory_item_names_the_example_value_still_stored(app, admin):
    """An office that typed its head's name but kept the example NIP read 'Nama atau NIP
    penandatangan masih contoh (Dr. Contoh Pejabat, M.Si.)', the name it had just replaced,
    and could not tell what was left to change. The item names what is still the example."""
    settings.update({"signatory.name": "Drs. H. Ahmad Fauzi, M.Si."}, actor=None)
    db.session.commit()
    signatory = [t for t in _texts(admin).splitlines() if "penandatangan masih contoh" in t]
    assert signatory == [
        "NIP penandatangan masih contoh (19700101 199501 1 001): surat akan mencetak NIP "
        "pejabat fiktif."
    ]
    example_name = settings.DEFAULTS["signatory.name"]
    settings.update(
        {"signatory.name": example_name, "signatory.nip": "198001012005011002"}, actor=None
    )
    db.session.commit()
    signatory = [t for t in _texts(admin).splitlines() if "penandatangan masih contoh" in t]
    assert signatory == [
        "Nama penandatangan masih contoh (Dr. Contoh Pejabat, M.Si.): surat akan mencetak nama "
        "pejabat fiktif."
    ]


def test_a_stored_number_format_the_current_rule_refuses_is_flagged_with_its_page(app, admin):
    service = catalog.get("skt_parpol")
    service.number_unit = "BAN&KBP"  # saved before the character rule
    db.session.commit()
    flagged = [item for item in _items(admin) if "BAN&KBP" in item[1] or "(&)" in item[1]]
    assert len(flagged) == 1, _texts(admin)
    level, text, href = flagged[0]
    assert level == "wajib"
    assert text.startswith("Layanan SKT Partai Politik: format nomor yang tersimpan")
    assert "tanda yang tidak dipakai dalam nomor surat (&)" in text
    assert href == "/admin/penomoran?layanan=skt_parpol"
    assert admin.get(href).status_code == 200
    result = app.test_cli_runner().invoke(args=["check", "--deploy"])
    problems = [line for line in result.output.splitlines() if line.startswith("MASALAH")]
    assert any(text in line for line in problems), result.output
    service.number_unit = "BAN.KBP"
    db.session.commit()
    assert "(&)" not in _texts(admin)
    again = app.test_cli_runner().invoke(args=["check", "--deploy"]).output
    assert "format nomor yang tersimpan" not in again
