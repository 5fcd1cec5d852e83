"""Staff letter pages: DRAF preview (writes nothing), letter search, scan mode, void guard."""

import pytest

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import (
    ApplicationStatus,
    AuditEvent,
    Letter,
    LetterNumber,
    LetterStatus,
    NumberStatus,
    Role,
    SigningMethod,
)
from sisakat.services import number_void, numbering, settings
from sisakat.templating import number_breaks
from tests import factories
from tests.letters import helpers as h
from tests.monitoring_helpers import count_queries
from tests.pdf import helpers as pdfh


def test_draft_preview_has_no_number_and_writes_nothing(app, login_as):
    application, verifier = h.approvable()
    before = db.session.execute(db.select(db.func.count(AuditEvent.id))).scalar()
    response = login_as(verifier).get(f"/petugas/permohonan/{application.id}/pratinjau-surat")
    assert response.mimetype == "application/pdf"
    text = " ".join(pdfh.pages_text(response.get_data()))
    assert application.party.party_name in text
    assert "DRAF" in text
    assert db.session.execute(db.select(Letter)).first() is None
    assert db.session.execute(db.select(LetterNumber)).first() is None
    assert db.session.execute(db.select(db.func.count(AuditEvent.id))).scalar() == before


def test_letter_search_by_number_and_party(app, login_as):
    first, second = h.prepared_letter(), h.prepared_letter()
    client = login_as(factories.user(Role.VERIFIKATOR))
    page = client.get("/petugas/surat", query_string={"nomor": first.number_text}).get_data(
        as_text=True
    )
    assert first.application.party.board_name in page
    assert second.application.party.board_name not in page
    name = second.application.party.party_name
    page = client.get("/petugas/surat", query_string={"partai": name}).get_data(as_text=True)
    assert second.number_text in page
    assert first.number_text not in page


def test_scan_mode_issues_marked_as_wet_signature(app, login_as):
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    h.upload(client, letter, factories.pdf_bytes("Pindaian"), scan="y")
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE  # scan is off
    settings.update({"signing.allow_scan": True}, actor=None)
    db.session.commit()
    h.upload(client, letter, factories.pdf_bytes("Pindaian"), scan="y")
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.signing_method == SigningMethod.SCAN
    assert '"electronic": false' in letter.validation_report


def _refused_as_scan(client, letter: Letter, pdf: bytes) -> Letter:
    """Upload ``pdf`` with the scan box ticked: refused as not a wet-signed scan, and the
    letter keeps waiting without a signed file (it is returned, read afresh)."""
    answer = h.upload(client, letter, pdf, scan="y")
    page = client.get(answer.location) if answer.status_code == 302 else answer
    assert "bukan pindaian surat yang sudah ditandatangani basah" in page.get_data(as_text=True)
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert letter.signed_file_id is None
    return letter


def test_the_unsigned_letter_uploaded_as_a_scan_is_refused(app, login_as):
    settings.update({"signing.allow_scan": True}, actor=None)
    db.session.commit()
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    _refused_as_scan(client, letter, h.unsigned(letter))


def test_another_letters_unsigned_pdf_uploaded_as_a_scan_is_refused(app, login_as):
    """Two letters downloaded for printing: the wrong one's unsigned PDF, uploaded with the
    scan box ticked, was issued as this letter's wet-signed scan."""
    settings.update({"signing.allow_scan": True}, actor=None)
    db.session.commit()
    letter, other = h.prepared_letter(), h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    letter = _refused_as_scan(client, letter, h.unsigned(other))
    assert letter.application.status == ApplicationStatus.MENUNGGU_TTE


def test_public_page_of_a_scan_has_no_certificate_summary_and_a_wrapping_badge(app, login_as):
    """A scan's report only marks the scan: the public page showed 'Penanda tangan pada
    sertifikat: –' and the upload time as 'Waktu penandatanganan'. The warning badge wraps, so
    the page does not overflow a 390-px phone (badges are nowrap by default)."""
    settings.update({"signing.allow_scan": True}, actor=None)
    db.session.commit()
    letter = h.prepared_letter()
    staff = login_as(factories.user(Role.SUPERADMIN))
    h.upload(staff, letter, factories.pdf_bytes("Pindaian"), scan="y")
    letter = db.session.get(Letter, letter.id)
    assert letter.signing_method == SigningMethod.SCAN
    html = app.test_client().get(f"/verifikasi/{letter.token}").get_data(as_text=True)
    assert "Tanda tangan basah (pindaian)" in html
    assert "Ringkasan pemeriksaan tanda tangan" not in html
    assert "Penanda tangan pada sertifikat" not in html
    assert 'class="badge text-bg-warning text-wrap' in html


def test_number_of_an_issued_letter_cannot_be_voided(app, login_as, pki):
    h.trust_office(pki)
    letter = h.prepared_letter()
    h.upload(login_as(factories.user(Role.SUPERADMIN)), letter, h.signed(letter, pki))
    number = db.session.get(Letter, letter.id).number
    with pytest.raises(DomainError, match="sudah terbit"):
        number_void.void(number, reason="Uji", actor=None)


def test_number_of_a_letter_awaiting_signature_cannot_be_voided(app, login_as):
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    page = client.post(f"/admin/nomor-surat/{letter.number_id}/batalkan", data={"reason": "Salah"})
    html = page.get_data(as_text=True)
    assert "sedang menunggu tanda tangan dan tidak dapat dibatalkan" in html
    # and it says where the number is cancelled: the letter's return on the signing desk
    assert "Untuk membatalkannya, tekan\n  <strong>Kembalikan ke Verifikator</strong>" in html
    assert '<a href="/tte/">Menunggu TTE</a>' in html
    db.session.expire_all()
    assert db.session.get(LetterNumber, letter.number_id).status == NumberStatus.DIPAKAI


def test_number_register_row_of_a_letter_awaiting_signature_says_how_to_cancel_it(app, login_as):
    """Such a row had no Batalkan button and no word of why; now it says to press 'Kembalikan
    ke Verifikator' on that letter at Menunggu TTE, linked to the signing desk."""
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    page = client.get("/admin/nomor-surat").get_data(as_text=True)
    at = page.index(letter.number_text)
    row = page[page.rindex("<tr>", 0, at) : page.index("</tr>", at)]
    assert "Batalkan</a>" not in row
    assert "untuk membatalkan nomor ini, tekan <strong>Kembalikan ke Verifikator</strong>" in row
    assert '<a href="/tte/">Menunggu TTE</a>' in row
    assert "Kembalikan ke Verifikator" in client.get("/tte/").get_data(as_text=True)


def test_number_register_asks_once_which_numbers_may_be_voided(app, login_as):
    """The register asked the void guards once per row (up to 500 queries for one page); now
    one query per guard for the whole page, so 3 or 13 numbers cost the same statements."""
    h.prepared_letter()  # one number on a letter awaiting its signature: no Batalkan
    client = login_as(factories.user(Role.SUPERADMIN))

    def statements_for_page() -> tuple[int, int]:
        client.get("/admin/nomor-surat")  # warm: settings and the like
        with count_queries() as counter:
            page = client.get("/admin/nomor-surat").get_data(as_text=True)
        return counter["n"], page.count(">Batalkan</a>")

    for _ in range(2):
        numbering.allocate("skt", local_date=numbering.office_today(), actor=None)
    db.session.commit()
    few, buttons = statements_for_page()
    assert buttons == 2
    for _ in range(10):
        numbering.allocate("skt", local_date=numbering.office_today(), actor=None)
    db.session.commit()
    many, buttons = statements_for_page()
    assert buttons == 12
    assert many == few


def test_a_letter_whose_number_was_voided_is_not_issued(app, login_as, pki):
    """Defence in depth (e.g. a number voided before the guard above existed): the signed file
    is refused and the letter keeps waiting, instead of going out under a void number."""
    h.trust_office(pki)
    letter = h.prepared_letter()
    number = db.session.get(LetterNumber, letter.number_id)
    number.status = NumberStatus.DIBATALKAN
    db.session.commit()
    client = login_as(factories.user(Role.SUPERADMIN))
    answer = h.upload(client, letter, h.signed(letter, pki))
    page = client.get(answer.location) if answer.status_code == 302 else answer
    assert "Nomor surat ini sudah dibatalkan di register" in page.get_data(as_text=True)
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert letter.signed_file_id is None


def test_copy_for_a_wet_signature_has_no_e_signature_footer(app, login_as):
    """With scans allowed, the signer prints a copy without the 'ditandatangani secara
    elektronik ... BSrE' footer (the stored letter for TTE keeps it); the same number and
    code. Scans not allowed: no such copy."""
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    url = f"/tte/surat/{letter.id}/ttd-basah.pdf"
    assert client.get(url).status_code == 404
    assert "Unduh untuk TTD basah" not in client.get("/tte/").get_data(as_text=True)
    settings.update({"signing.allow_scan": True}, actor=None)
    db.session.commit()
    assert "Unduh untuk TTD basah" in client.get("/tte/").get_data(as_text=True)
    answer = client.get(url)
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "private, no-store"
    wet = " ".join(" ".join(pdfh.pages_text(answer.get_data())).split())
    stored = " ".join(" ".join(pdfh.pages_text(h.unsigned(letter))).split())
    assert "secara elektronik" in stored
    assert "secara elektronik" not in wet
    for value in (letter.number_text, letter.token):
        assert value in wet


def test_number_register_names_the_application_in_indonesian_with_a_link(app, login_as):
    """The Keterangan column printed the raw row reference 'application 12' (English)."""
    letter = h.prepared_letter()
    page = (
        login_as(factories.user(Role.SUPERADMIN)).get("/admin/nomor-surat").get_data(as_text=True)
    )
    assert letter.number_text in page
    link = f'<a href="/petugas/permohonan/{letter.application_id}">'
    assert f"{link}Permohonan #{letter.application_id}</a>" in page
    assert f"application {letter.application_id}" not in page


def test_an_ormas_on_the_signing_desk_is_named_once_and_searched_as_an_applicant(
    app, make, login_as
):
    ormas = make.ormas()
    letter = h.prepared_letter(ormas)
    desk = login_as(factories.user(Role.PENANDATANGAN)).get("/tte/").get_data(as_text=True)
    number = str(number_breaks(letter.number_text))  # as the desk prints it
    assert number in desk
    row = desk.split(number, 1)[0].rsplit("<tr>", 1)[-1]
    assert row.count(ormas.board_name) == 1
    staff = login_as(factories.user(Role.VERIFIKATOR))
    assert "Cari nama pemohon" in staff.get("/petugas/").get_data(as_text=True)
    assert "Cari nama partai" not in staff.get("/petugas/").get_data(as_text=True)


def test_the_signing_desk_says_how_a_wet_signature_goes_up_when_scans_are_allowed(app, login_as):
    """Before: with scans allowed the desk still described only the SRIKANDI path, so a signer
    without BSrE saw an extra button and a checkbox and no word of the order of steps. Now the
    desk names them: download for a wet signature, print, sign, scan, upload with the box."""
    h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    steps = "Tanpa TTE: <strong>Unduh untuk TTD basah</strong>, cetak, tandatangani dan pindai"
    assert steps not in client.get("/tte/").get_data(as_text=True)  # scans are off
    settings.update({"signing.allow_scan": True}, actor=None)
    db.session.commit()
    page = client.get("/tte/").get_data(as_text=True)
    assert steps in page
    assert "centang &ldquo;Pindaian tanda tangan basah&rdquo;" in page
    assert "Pindaian tanda tangan basah (bukan TTE)" in page  # the box it names


def test_letter_search_says_why_a_date_range_cannot_be_used(app, login_as):
    """A typed year 0202 or a range ending before it starts listed no letter and said nothing,
    as if none existed; the page now says what is wrong and lists every letter meanwhile."""
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.VERIFIKATOR))
    for query, message in (
        ({"sampai": "0202-12-07"}, "Tahun tidak wajar."),
        ({"dari": "9999-01-01"}, "Tahun tidak wajar."),
        ({"dari": "2026-12-10", "sampai": "2026-12-01"}, "Tanggal sampai sebelum tanggal dari."),
        ({"dari": "2026-02-31"}, "Tanggal tidak valid."),
    ):
        page = client.get("/petugas/surat", query_string=query).get_data(as_text=True)
        assert message in page, query
        assert letter.number_text in page, query


def test_letter_search_keeps_the_other_filters_when_a_date_is_unusable(app, login_as):
    """A range ending before it starts showed its error and then listed every letter: the number
    and the name typed beside it were dropped too. Now only the unusable dates are left out (a
    reversed range both of its dates, as the dashboard drops a reversed period)."""
    first, second = h.prepared_letter(), h.prepared_letter()
    client = login_as(factories.user(Role.VERIFIKATOR))
    today = numbering.office_today().isoformat()
    for dates, message in (
        ({"dari": "2026-12-10", "sampai": "2026-12-01"}, "Tanggal sampai sebelum tanggal dari."),
        ({"dari": "9999-01-01", "sampai": today}, "Tahun tidak wajar."),
        ({"dari": today, "sampai": "2026-02-31"}, "Tanggal tidak valid."),
    ):
        for term, shown, hidden in (
            ({"nomor": first.number_text}, first, second),
            ({"partai": second.application.party.party_name}, second, first),
        ):
            query = dates | term
            page = client.get("/petugas/surat", query_string=query).get_data(as_text=True)
            assert message in page, query
            assert shown.number_text in page, query
            assert hidden.number_text not in page, query


def test_audit_log_says_a_reversed_date_range_cannot_be_used(app, login_as):
    """The audit filter from 10 to 1 December listed nothing and said nothing."""
    client = login_as(factories.user(Role.SUPERADMIN))
    query = {"date_from": "2026-12-10", "date_to": "2026-12-01"}
    page = client.get("/admin/log-audit", query_string=query).get_data(as_text=True)
    assert "Tanggal sampai sebelum tanggal dari." in page
