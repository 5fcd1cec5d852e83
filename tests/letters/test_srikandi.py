"""SRIKANDI numbers and signs: the konsep keeps its variables (PDF-6); on upload-back the number
and date are read, confirmed by the user, registered uniquely (SIGNING.md §10)."""

import io
import re

from docx import Document

from sisakat.extensions import db
from sisakat.models import (
    ApplicationStatus,
    Letter,
    LetterNumber,
    LetterStatus,
    Role,
    SigningMethod,
)
from sisakat.pdf.skt import render_skt
from sisakat.services import letters, numbering, settings
from tests import factories
from tests.letters import helpers as h
from tests.pdf import helpers as pdfh
from tests.signing import pdfs

PLACEHOLDERS = ("${nomor_naskah}", "${tgl_naskah}", "${ttd_pengirim}")


def _today() -> str:
    """SRIKANDI dates the letter when it is signed: today in the office zone."""
    return numbering.office_today().isoformat()


def _srikandi_signed(letter, pki, number: str) -> bytes:
    """What SRIKANDI hands back: re-rendered with its number and today's date, then signed
    (tier B)."""
    inputs = {
        **letters.inputs_of(letter),
        "number_text": number,
        "issued_on": _today(),
        "srikandi": False,
    }
    return pdfs.sign(render_skt(letters.context_of(inputs, token=letter.token)), pki.signer)


def test_konsep_pdf_and_docx_keep_the_placeholders(app, login_as):
    h.srikandi_mode()
    letter = h.prepared_letter()
    assert letter.number_id is None
    assert db.session.execute(db.select(LetterNumber)).first() is None
    text = " ".join(pdfh.pages_text(h.unsigned(letter)))
    client = login_as(factories.user(Role.PENANDATANGAN))
    response = client.get(f"/tte/surat/{letter.id}/konsep.docx")
    doc = Document(io.BytesIO(response.get_data()))
    docx_text = "\n".join(p.text for p in doc.paragraphs)
    for placeholder in PLACEHOLDERS:
        assert placeholder in text
        assert placeholder in docx_text


def _confirm(client, letter, page: str, number: str):
    """Post the confirm form as a browser does: its hidden fields as drawn, the number typed."""
    candidate = re.search(r'name="candidate_id" type="hidden" value="(\d+)"', page)
    scan = re.search(r'name="scan" type="hidden" value="([^"]*)"', page)
    data = {"candidate_id": candidate.group(1), "number": number, "letter_date": _today()}
    data["scan"] = scan.group(1) if scan else ""
    return client.post(f"/tte/surat/{letter.id}/konfirmasi", data=data)


def test_number_read_confirmed_and_unique(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    first, second = h.prepared_letter(), h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    number = "200.1.5.3/77/BAN.KBP/2026"
    page = h.upload(client, first, _srikandi_signed(first, pki, number)).get_data(as_text=True)
    assert f'value="{number}"' in page
    # the date of the place-and-date line, not the board's SK date (15 Januari 2025) that the
    # body prints first
    assert "15 Januari 2025" in " ".join(pdfh.pages_text(h.unsigned(first)))
    assert re.search(rf'name="letter_date"[^>]*value="{_today()}"', page)
    assert _confirm(client, first, page, number).status_code == 302
    first = db.session.get(Letter, first.id)
    assert first.status == LetterStatus.BERLAKU
    assert first.number_text == number
    assert first.match_tier == "B"
    assert first.application.status == ApplicationStatus.TERBIT
    page = h.upload(client, second, _srikandi_signed(second, pki, number)).get_data(as_text=True)
    answer = _confirm(client, second, page, number).get_data(as_text=True)
    assert "sudah terdaftar" in answer
    second = db.session.get(Letter, second.id)
    assert second.status == LetterStatus.MENUNGGU_TTE
    assert second.number_id is None


def test_wet_signed_scan_is_issued_with_the_number_typed_in(app, login_as):
    """SRIKANDI numbering with scans allowed: the scan's confirm page carries the scan mark on,
    so confirming issues it as a wet signature (it was refused as 'not e-signed')."""
    h.srikandi_mode(scans=True)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    page = h.upload(client, letter, factories.pdf_bytes("Pindaian"), scan="y")
    page = page.get_data(as_text=True)
    assert "Berkas pindaian tanda tangan basah" in page
    assert _confirm(client, letter, page, "200.1.5.3/78/BAN.KBP/2026").status_code == 302
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.signing_method == SigningMethod.SCAN
    assert letter.number_text == "200.1.5.3/78/BAN.KBP/2026"


def test_the_desk_explains_when_srikandi_numbers_but_signing_is_in_app(app, login_as, pki):
    """SRIKANDI numbering with in-app signing: the letters have no number, so the in-app
    buttons cannot appear; the desk says why and what to do instead."""
    h.srikandi_mode()
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    h.prepared_letter()
    page = login_as(factories.user(Role.SUPERADMIN)).get("/tte/").get_data(as_text=True)
    assert "Nomor surat diberikan oleh SRIKANDI" in page
    assert "Tandatangani yang dipilih" not in page
    settings.update({"signing.backend": "srikandi"}, actor=None)
    db.session.commit()
    page = login_as(factories.user(Role.SUPERADMIN)).get("/tte/").get_data(as_text=True)
    assert "Nomor surat diberikan oleh SRIKANDI" not in page


def test_a_mistyped_number_is_asked_again_not_sent_to_manual_review(app, login_as, pki):
    """The signed letter prints 1436; the user types 1437 at the confirmation: the match fails
    with the typed number, but that is a typing slip (the upload stays attached), not a case
    for the super admin's manual review."""
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    printed = "200.1.5.3/1436/BAN.KBP/2026"
    page = h.upload(client, letter, _srikandi_signed(letter, pki, printed)).get_data(as_text=True)
    answer = _confirm(client, letter, page, "200.1.5.3/1437/BAN.KBP/2026")
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    assert 'id="number-error">' in html
    assert f"tidak sama dengan nomor pada surat bertanda tangan ({printed})" in html
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert letter.candidate_file_id is not None  # still attached: confirm again
    assert _confirm(client, letter, page, printed).status_code == 302
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert (letter.status, letter.number_text) == (LetterStatus.BERLAKU, printed)


def test_the_review_form_is_prefilled_with_what_the_upload_prints(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    number = "200.1.5.3/88/BAN.KBP/2026"
    h.under_review(letter, _srikandi_signed(letter, pki, number))
    page = login_as(factories.user(Role.SUPERADMIN)).get(f"/tte/surat/{letter.id}/tinjau")
    html = page.get_data(as_text=True)
    assert re.search(rf'name="number"[^>]*value="{re.escape(number)}"', html)
    assert re.search(rf'name="letter_date"[^>]*value="{_today()}"', html)
