"""Ormas profile (issue 7): its own fields and labels, validation (NPWP, dates, legal form, NUL
bytes), optimistic locking and logo shared with parties, completeness checked per kind."""

from datetime import date

import pytest

from sisakat.exceptions import GuardFailed
from sisakat.extensions import db
from sisakat.models import Action, ApplicationStatus, LegalForm
from sisakat.services import parties, workflow, workflow_guards
from tests.images_util import png_bytes
from tests.profile_data import ormas_form, with_file

URL = "/pemohon/profil"


def test_ormas_profile_saved_normalised_and_shown_again(app, make, login_as):
    ormas = make.ormas(complete=False)
    client = login_as(ormas.account)
    page = client.get(URL).get_data(as_text=True)
    for label in ("Profil Ormas", "Bentuk ormas", "Nomor SK Kemenkumham / SKT Kemendagri",
                  "Bidang kegiatan", "Nomor akta pendirian", "NPWP", "Logo ormas"):  # fmt: skip
        assert label in page
    assert "Tingkat kepengurusan" not in page
    assert "Nama pelapor" not in page
    assert 'value="Sekretaris"' in page
    assert 'value="Bendahara"' in page
    response = client.post(URL, data=with_file(ormas_form(ormas.version), png_bytes()))
    assert response.status_code == 302
    db.session.refresh(ormas)
    assert ormas.party_name == ormas.board_name == "Perkumpulan Pemuda Peduli Sungai"
    assert ormas.legal_form == LegalForm.TIDAK_BERBADAN_HUKUM
    assert (ormas.legal_date, ormas.deed_date) == (date(2024, 4, 10), date(2024, 1, 20))
    assert ormas.npwp == "012345678901234"  # punctuation removed
    assert ormas.logo is not None
    assert parties.profile_problems(ormas) == []
    page = client.get(URL).get_data(as_text=True)
    assert 'value="012345678901234"' in page
    assert "Profil ormas tersimpan." in page


def test_sixteen_digit_npwp_is_accepted(app, make, login_as):
    ormas = make.ormas(complete=False)
    client = login_as(ormas.account)
    response = client.post(URL, data=ormas_form(ormas.version, npwp="3171 0101 0101 0001"))
    assert response.status_code == 302
    db.session.refresh(ormas)
    assert ormas.npwp == "3171010101010001"


def test_phone_written_with_hyphens_or_dots_is_accepted(app, make, login_as):
    ormas = make.ormas(complete=False)
    client = login_as(ormas.account)
    for phone in ("0812-7000-1234", "+62 812.7000.1234"):
        db.session.refresh(ormas)
        response = client.post(URL, data=ormas_form(ormas.version, phone=phone))
        assert response.status_code == 302, phone
        db.session.refresh(ormas)
        assert ormas.phone == phone
    db.session.refresh(ormas)
    _refused(client, ormas, ormas_form(ormas.version, phone="0812/7000"), "Hanya angka, spasi")


def _refused(client, ormas, data, message):
    before = (ormas.party_name, ormas.version, ormas.npwp)
    response = client.post(URL, data=data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page
    db.session.refresh(ormas)
    assert (ormas.party_name, ormas.version, ormas.npwp) == before
    return page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"npwp": "01.234.567"}, "NPWP harus 15 atau 16 angka"),
        ({"npwp": "01.234.567.8-901.234.56"}, "NPWP harus 15 atau 16 angka"),
        ({"npwp": "01/234/567/8/901/234"}, "NPWP harus 15 atau 16 angka"),
        ({"npwp": "０１２３４５６７８９０１２３４"}, "NPWP harus 15 atau 16 angka"),  # full-width
        ({"legal_form": "badan_usaha"}, "Pilihan tidak valid."),
        ({"legal_form": ""}, "Pilih bentuk ormas."),
        ({"legal_date": "2024-02-30"}, "Tanggal tidak valid."),
        ({"deed_date": "0202-01-01"}, "Tahun tidak wajar."),
        ({"legal_number": ""}, "Isi nomor SK Kemenkumham atau SKT."),
        ({"field_of_activity": ""}, "Isi bidang kegiatan"),
        ({"party_name": "Pemuda\x00Peduli"}, "karakter yang tidak diizinkan"),
        ({"notary_name": "Sari\x00Contoh"}, "karakter yang tidak diizinkan"),
        ({"term_end": "2024-01-01"}, "Akhir masa bakti harus sesudah awal masa bakti."),
    ],
)
def test_bad_ormas_input_is_refused_with_input_kept(app, make, login_as, overrides, message):
    ormas = make.ormas()
    client = login_as(ormas.account)
    page = _refused(client, ormas, ormas_form(ormas.version, **overrides), message)
    assert "Jalan Contoh Sungai No. 9" in page  # nothing typed is lost


def test_missing_board_positions_are_named(app, make, login_as):
    ormas = make.ormas()
    client = login_as(ormas.account)
    data = ormas_form(ormas.version, officers=[("Ketua", "Hadi Contoh")])
    _refused(
        client,
        ormas,
        data,
        "Jabatan Sekretaris, Sekretaris Umum atau Sekretaris Jenderal wajib diisi beserta namanya.",
    )


def test_stale_version_is_refused(app, make, login_as):
    ormas = make.ormas()
    client = login_as(ormas.account)
    stale = ormas.version
    assert client.post(URL, data=ormas_form(stale)).status_code == 302
    _refused(client, ormas, ormas_form(stale, party_name="Nama Lain"), "Profil ini sudah diubah")


def test_forged_party_fields_are_never_read_for_an_ormas(app, make, login_as):
    ormas = make.ormas()
    client = login_as(ormas.account)
    data = ormas_form(ormas.version, level="provinsi", reporter_name="Penyusup", kind="parpol")
    assert client.post(URL, data=data).status_code == 302
    db.session.refresh(ormas)
    assert (ormas.level, ormas.reporter_name, ormas.kind.value) == (None, "", "ormas")


def test_submission_checks_the_ormas_profile_fields(app, make):
    ormas = make.ormas()
    application = make.application(ormas)
    ormas.legal_number, ormas.field_of_activity = "", ""
    db.session.commit()
    problems = workflow_guards.ready_to_submit(application)
    assert "Nomor SK Kemenkumham / SKT Kemendagri belum diisi." in problems
    assert "Bidang kegiatan belum diisi." in problems
    assert not any("Logo" in p or "pelapor" in p for p in problems)  # party rules not applied
    with pytest.raises(GuardFailed):
        workflow.apply(
            application, Action.AJUKAN, actor=ormas.account, seen_version=application.version
        )
    db.session.rollback()
    assert application.status == ApplicationStatus.DRAF
    ormas.legal_number, ormas.field_of_activity = "AHU-1", "Sosial"
    db.session.commit()
    assert workflow_guards.ready_to_submit(application) == []  # no logo needed for an ormas


def test_email_settings_name_the_ormas_letter_not_an_skt(app, make, login_as):
    """An ormas's e-mail settings offered 'Pengingat masa bakti dan masa berlaku SKT', though an
    ormas holds a Surat Keterangan Melapor (its SKT comes from Kemendagri, DOMAIN.md); a party
    board keeps the SKT wording."""
    ormas_page = login_as(make.ormas().account).get("/akun/notifikasi/email")
    text = ormas_page.get_data(as_text=True)
    assert "Pengingat masa bakti dan masa berlaku Surat Keterangan Melapor" in text
    assert "masa berlaku SKT" not in text
    party_page = login_as(make.party().account).get("/akun/notifikasi/email")
    assert "Pengingat masa bakti dan masa berlaku SKT" in party_page.get_data(as_text=True)


def test_staff_email_settings_use_neutral_wording(app, make, login_as):
    """Staff serve party boards and ormas alike, yet their e-mail settings named only the SKT;
    they now read the neutral 'surat keterangan' (the rule lives in ``mail.preference_labels``)."""
    from sisakat.models import Role

    page = login_as(make.user(Role.VERIFIKATOR)).get("/akun/notifikasi/email")
    text = page.get_data(as_text=True)
    assert "Pengingat masa bakti dan masa berlaku surat keterangan" in text
    assert "SKT" not in text


def test_an_empty_notification_list_says_what_will_show_there(app, make, login_as):
    """A new account's bell page read only 'Belum ada notifikasi.', with no word of what would
    ever appear there."""
    page = login_as(make.ormas().account).get("/akun/notifikasi").get_data(as_text=True)
    assert (
        "Belum ada notifikasi. Kabar tampil di sini setiap kali status permohonan berubah" in page
    )


def test_the_whatsapp_hotline_of_an_ormas_asks_about_no_skt(app, make, login_as):
    """The office's WhatsApp link (notifications page, home page) opened a chat reading 'saya
    ingin bertanya tentang layanan SKT', also for an ormas, whose letter is no SKT."""
    import re
    from urllib.parse import unquote

    from sisakat.services import settings

    settings.update({"contact.whatsapp": "6281200001111"}, actor=None)
    db.session.commit()
    page = login_as(make.ormas().account).get("/akun/notifikasi").get_data(as_text=True)
    link = unquote(re.search(r'href="([^"]+)"[^>]*id="hotline-wa"', page).group(1))
    assert link.startswith("https://wa.me/6281200001111?text=")
    assert "saya ingin bertanya tentang layanan permohonan" in link
    assert "SKT" not in link
