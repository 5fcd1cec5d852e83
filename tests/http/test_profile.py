"""Party profile: save and reload, validation messages, optimistic locking, forged fields."""

from datetime import date

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, AuditEvent, Level, Party
from tests.profile_data import profile_form, with_file

URL = "/pemohon/profil"
OFFICERS_PLUS = [
    ("Ketua", "Rina Contoh"),
    ("Wakil Ketua", "Agus Contoh"),
    ("Sekretaris", "Dodi Contoh"),
    ("Bendahara", "Maya Contoh"),
]


def test_profile_saved_and_shown_again(app, make, login_as):
    party = make.party(complete=False)
    client = login_as(party.account)
    response = client.post(URL, data=profile_form(party.version, officers=OFFICERS_PLUS))
    assert response.status_code == 302
    db.session.refresh(party)
    assert (party.party_name, party.level, party.sk_date, party.version) == (
        "Partai Contoh Sejahtera",
        Level.PROVINSI,
        date(2025, 2, 1),
        2,
    )
    assert [(o.position, o.name) for o in party.officers] == OFFICERS_PLUS
    audit = db.session.execute(db.select(AuditEvent).filter_by(action="party.profile_update"))
    assert audit.scalar_one().object_id == str(party.id)
    page = client.get(URL).get_data(as_text=True)
    for shown in ('value="SKEP/01/DPP-PCS/2025"', 'value="Wakil Ketua"', 'value="2030-01-31"'):
        assert shown in page


def test_pemohon_without_profile_row_creates_it_on_first_save(app, make, login_as):
    account = make.user()
    client = login_as(account)
    assert "Ketua" in client.get(URL).get_data(as_text=True)  # suggested positions
    assert client.post(URL, data=profile_form()).status_code == 302
    party = db.session.execute(db.select(Party).filter_by(account_id=account.id)).scalar_one()
    assert party.board_name == "DPW Partai Contoh Sejahtera Provinsi Sumatera Selatan"


def _refused(client, party, data, message):
    """Posting ``data`` shows ``message``, keeps the typed input and changes nothing."""
    before = (party.party_name, party.version, len(party.officers))
    response = client.post(URL, data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    db.session.refresh(party)
    assert (party.party_name, party.version, len(party.officers)) == before
    return page


def test_missing_required_officers_are_named(app, make, login_as):
    party = make.party()
    data = profile_form(party.version, officers=[("Ketua", "Rina Contoh"), ("Sekretaris", "")])
    page = _refused(login_as(party.account), party, data, "Jabatan Sekretaris, Sekretaris Umum")
    assert "Jabatan Bendahara atau Bendahara Umum wajib diisi beserta namanya." in page
    assert "Isi nama pengurus, atau hapus baris ini." in page  # a half-filled row: the way out
    assert 'value="Partai Contoh Sejahtera"' in page


def test_optional_rows_left_without_a_name_are_dropped_not_refused(app, make, login_as):
    """The suggested 'Wakil Ketua' row left empty used to refuse the whole save ("Isi nama
    pengurus, atau hapus baris ini."); an optional position without a name is now left out."""
    party = make.party(complete=False)
    client = login_as(party.account)
    assert "jabatan lain yang namanya dikosongkan (misalnya Wakil Ketua) tidak disimpan" in (
        client.get(URL).get_data(as_text=True)
    )
    rows = [
        ("Ketua", "Rina Contoh"),
        ("Wakil Ketua", ""),
        ("Sekretaris", "Dodi Contoh"),
        ("Bendahara", "Maya Contoh"),
        ("Wakil Sekretaris", "  "),
        ("", ""),
    ]
    response = client.post(URL, data=profile_form(party.version, officers=rows))
    assert response.status_code == 302
    db.session.refresh(party)
    assert [(o.position, o.name) for o in party.officers] == [
        ("Ketua", "Rina Contoh"),
        ("Sekretaris", "Dodi Contoh"),
        ("Bendahara", "Maya Contoh"),
    ]


def test_a_required_position_without_a_name_is_still_refused(app, make, login_as):
    party = make.party()
    rows = [("Ketua Umum", "Rina Contoh"), ("Sekretaris", "Dodi Contoh"), ("Bendahara Umum", "")]
    data = profile_form(party.version, officers=rows)
    page = _refused(login_as(party.account), party, data, "Isi nama pengurus, atau hapus baris")
    assert "Jabatan Bendahara atau Bendahara Umum wajib diisi beserta namanya." in page


def test_term_must_end_after_it_starts(app, make, login_as):
    party = make.party()
    data = profile_form(party.version, term_start="2025-02-01", term_end="2024-12-31")
    page = _refused(login_as(party.account), party, data, "Akhir masa bakti harus sesudah awal")
    assert 'value="2024-12-31"' in page


def test_stale_version_is_refused_without_losing_input(app, make, login_as):
    party = make.party()
    seen = party.version
    party.phone = "0811 1111 1111"  # someone else saves in between
    db.session.commit()
    data = profile_form(seen, party_name="Partai Ketikan Saya")
    page = _refused(login_as(party.account), party, data, "Profil ini sudah diubah")
    assert 'value="Partai Ketikan Saya"' in page


def test_control_characters_refused_and_markup_stored_literally(app, make, login_as):
    party = make.party()
    client = login_as(party.account)
    data = profile_form(party.version, party_name="Partai\x00Contoh")
    _refused(client, party, data, "Teks memuat karakter yang tidak diizinkan.")
    markup = "<script>alert(1)</script>"
    assert client.post(URL, data=profile_form(party.version, street=markup)).status_code == 302
    db.session.refresh(party)
    assert party.street == markup
    page = client.get(URL).get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert markup not in page


def test_forged_fields_are_ignored(app, make, login_as):
    party, other = make.party(complete=False), make.user()
    party_id, account_id = party.id, party.account_id
    forged = {"account_id": other.id, "id": party_id + 100, "logo_file_id": "1", "created_at": "x"}
    data = profile_form(party.version, **forged)
    assert login_as(party.account).post(URL, data=data).status_code == 302
    db.session.refresh(party)
    assert (party.id, party.account_id, party.logo_file_id) == (party_id, account_id, None)


def test_hundred_rows_accepted_and_more_refused(app, make, login_as):
    party = make.party()
    client = login_as(party.account)
    rows = [*OFFICERS_PLUS, *[(f"Anggota {i}", f"Anggota Contoh {i}") for i in range(96)]]
    data = profile_form(party.version, officers=rows)
    assert client.post(URL, data=data, content_type="multipart/form-data").status_code == 302
    db.session.refresh(party)
    assert len(party.officers) == 100
    data = profile_form(party.version, officers=[*rows, ("Anggota", "Satu Lagi")])
    _refused(client, party, data, "Susunan pengurus paling banyak 100 baris.")


def test_dashboard_card_lists_what_is_missing(app, make, login_as):
    party = make.party()
    page = login_as(party.account).get("/pemohon/").get_data(as_text=True)
    assert "Logo partai belum diunggah." in page
    assert 'href="/pemohon/profil"' in page


def test_a_complete_profile_points_to_the_next_step(app, make, login_as):
    """No application: choose a service. A Draf (or a returned one) under way: go on with it;
    it used to say only 'Profil partai tersimpan.'. One being processed: it keeps the profile
    it was submitted with, which the party used to be left to guess."""
    party = make.party(complete=False)
    party.logo_file_id = make.logo(party.account).id
    db.session.commit()
    client = login_as(party.account)
    form = profile_form(party.version, officers=OFFICERS_PLUS)
    saved = client.post(URL, data=form, follow_redirects=True)
    text = saved.get_data(as_text=True)
    assert "Profil partai tersimpan." in text
    assert "pilih layanan di menu Permohonan, lalu tekan Ajukan." in text
    application = make.application(party)
    db.session.refresh(party)
    form = profile_form(party.version, officers=OFFICERS_PLUS)
    again = client.post(URL, data=form, follow_redirects=True).get_data(as_text=True)
    assert (
        f"Profil partai tersimpan. Profil sudah lengkap: lanjutkan Permohonan #{application.id} "
        "(menu Permohonan), lalu tekan Ajukan." in again
    )
    application.status = ApplicationStatus.PERLU_PERBAIKAN
    db.session.commit()
    form = profile_form(party.version, officers=OFFICERS_PLUS)
    again = client.post(URL, data=form, follow_redirects=True).get_data(as_text=True)
    assert "lalu tekan Ajukan Ulang." in again
    application.status = ApplicationStatus.DIAJUKAN
    db.session.commit()
    form = profile_form(party.version, officers=OFFICERS_PLUS)
    again = client.post(URL, data=form, follow_redirects=True).get_data(as_text=True)
    assert (
        f"Profil partai tersimpan. Permohonan #{application.id} yang sedang diproses tetap "
        "memakai profil saat diajukan; perubahan ini dipakai pada pengajuan berikutnya." in again
    )
    assert "lalu tekan" not in again


def test_a_refused_save_lists_no_stale_gaps_and_says_nothing_was_saved(app, make, login_as):
    """A new party that typed its whole profile and chose a non-image logo used to read, above
    the form still holding its input, 'Profil belum lengkap' with 'Nama partai belum diisi.' and
    eighteen more such lines (the stored, empty profile), and a flash naming only the logo, as
    if the rest had been saved. Now the refused page says nothing was saved and lists no gaps."""
    party = make.party(complete=False)
    client = login_as(party.account)
    bad_logo = with_file(profile_form(party.version), b"<html>bukan gambar</html>", "logo.png")
    page = _refused(client, party, bad_logo, "Berkas bukan gambar PNG atau JPEG yang valid.")
    assert "Profil belum tersimpan. Berkas bukan gambar PNG atau JPEG yang valid." in page
    assert 'value="Partai Contoh Sejahtera"' in page
    assert "Profil belum lengkap" not in page
    assert "Nama partai belum diisi." not in page
    bad_term = profile_form(party.version, term_end="2024-12-31")
    page = _refused(client, party, bad_term, "Profil belum tersimpan. Periksa isian yang ditandai.")
    assert "Nama partai belum diisi." not in page
    shown = client.get(URL).get_data(as_text=True)  # the stored profile: its gaps are listed
    assert "Nama partai belum diisi." in shown
