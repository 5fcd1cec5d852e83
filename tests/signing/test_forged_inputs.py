"""The signing desk under forged or impossible input: candidate ids and letter ids that are no
id, and SRIKANDI dates before the letter existed or after today. Indonesian messages, what was
typed stays, the letter keeps waiting; never a 500."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from sisakat.services import numbering, settings, srikandi_number
from sisakat.services.signing.validation import extract_number_and_date
from tests import factories
from tests.letters import helpers as h
from tests.signing import pdfs

NUMBER = "200.1.5.3/91/BAN.KBP/2026"


def _scan_confirm_page(client) -> tuple[Letter, str]:
    """SRIKANDI numbering with scans allowed: a letter whose scan awaits number and date."""
    h.srikandi_mode()
    settings.update({"signing.allow_scan": True}, actor=None)
    db.session.commit()
    letter = h.prepared_letter()
    page = h.upload(client, letter, factories.pdf_bytes("Pindaian"), scan="y")
    return letter, re.search(r'name="candidate_id" type="hidden" value="(\d+)"', page.text)[1]


@pytest.mark.parametrize("candidate", ["²", "9" * 23, "9" * 5000, "-1"])
def test_forged_candidate_id_gets_the_form_message(app, login_as, candidate):
    client = login_as(factories.user(Role.SUPERADMIN))
    letter, _ = _scan_confirm_page(client)
    today = numbering.office_today().isoformat()
    data = {"candidate_id": candidate, "scan": "1", "number": NUMBER, "letter_date": today}
    response = client.post(f"/tte/surat/{letter.id}/konfirmasi", data=data)
    assert response.status_code == 200
    assert "Periksa nomor dan tanggal surat." in response.text
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE


def test_impossible_srikandi_date_is_refused_and_the_input_kept(app, login_as):
    client = login_as(factories.user(Role.SUPERADMIN))
    letter, candidate = _scan_confirm_page(client)
    today = numbering.office_today()
    url = f"/tte/surat/{letter.id}/konfirmasi"
    for day in ("9999-12-31", "1900-01-01", (today + timedelta(days=1)).isoformat()):
        data = {"candidate_id": candidate, "scan": "1", "number": NUMBER, "letter_date": day}
        page = client.post(url, data=data)
        assert page.status_code == 200
        assert "Tanggal surat harus antara" in page.text
        assert f'value="{NUMBER}"' in page.text
        assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE
    data = {"candidate_id": candidate, "scan": "1", "number": NUMBER, "letter_date": today}
    assert client.post(url, data=data).status_code == 302
    letter = db.session.get(Letter, letter.id)
    assert (letter.status, letter.letter_date) == (LetterStatus.BERLAKU, today)


def test_review_decision_refuses_an_impossible_srikandi_date(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.under_review(h.prepared_letter(), pdfs.sign(pdfs.letter_pdf(), pki.signer))
    client = login_as(factories.user(Role.SUPERADMIN))
    data = {"decision": "terima", "reason": "Dicek manual", "number": NUMBER}
    page = client.post(f"/tte/surat/{letter.id}/tinjau", data={**data, "letter_date": "9999-12-31"})
    assert "Tanggal surat harus antara" in page.text
    assert "Dicek manual" in page.text  # the reason typed is still in the form
    assert db.session.get(Letter, letter.id).status == LetterStatus.PERLU_TINJAUAN
    today = numbering.office_today().isoformat()
    client.post(f"/tte/surat/{letter.id}/tinjau", data={**data, "letter_date": today})
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU


@pytest.mark.parametrize("letter_id", ["9" * 23, "9" * 5000, "²", "-1"])
def test_forged_letter_ids_in_batch_signing_get_the_form_message(app, login_as, letter_id):
    app.config["SIGNING_P12_PATH"] = "/tidak/ada/sertifikat.p12"
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    client = login_as(factories.user(Role.PENANDATANGAN))
    data = {"passphrase": "rahasia", "letter_ids": [letter_id]}
    response = client.post("/tte/tandatangani", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert "Pilih minimal satu surat untuk ditandatangani." in response.text


def test_number_and_date_read_from_the_pdf_are_ascii_digits_only(app):
    pattern = srikandi_number.number_pattern()
    text = "Nomor: 200.1.5.3/٧٧/BAN.KBP/٢٠٢٦\nPalembang, ٥ Agustus ٢٠٢٦"
    found = extract_number_and_date(text, pattern, "Palembang")
    assert (found.number, found.letter_date) == (None, None)
    found = extract_number_and_date(
        text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")), pattern
    )
    assert found.number == "200.1.5.3/77/BAN.KBP/2026"
    assert found.letter_date.isoformat() == "2026-08-05"
