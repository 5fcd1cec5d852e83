"""Approval prepares the letter: number, token, frozen context, the unsigned PDF with its QR."""

import html
import re
from datetime import date, datetime

import pytest
from flask import request

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Letter, LetterStatus, Role
from sisakat.services import verification
from tests import factories
from tests.conftest import BASE_URL
from tests.letters import helpers as h
from tests.pdf import helpers as pdfh


def _approve(client, application):
    return client.post(
        f"/petugas/permohonan/{application.id}/setujui", data={"version": str(application.version)}
    )


def test_approval_numbers_and_stores_the_unsigned_letter(app, login_as):
    application, verifier = h.approvable()
    _approve(login_as(verifier), application)
    letter = db.session.execute(db.select(Letter)).scalar_one()
    assert (
        db.session.get(type(application), application.id).status == ApplicationStatus.MENUNGGU_TTE
    )
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert re.fullmatch(r"[A-Z2-7]{26}", letter.token)
    assert letter.number_text == f"200.1.5.3/1/BAN.KBP/{letter.letter_date.year}"
    text = " ".join(" ".join(pdfh.pages_text(h.unsigned(letter))).split())
    for value in (letter.number_text, application.party.party_name, letter.token):
        assert value in text
    assert letter.valid_until.isoformat() == "2030-01-14"


@pytest.mark.pdf_tools
def test_qr_uses_public_base_url_despite_forged_host(app, tmp_path):
    application, verifier = h.approvable()
    with app.test_request_context("/", headers={"Host": "penyerang.example"}):
        assert request.host == "penyerang.example"
        verification.approve(application, actor=verifier, seen_version=application.version)
        db.session.commit()
    letter = db.session.execute(db.select(Letter)).scalar_one()
    payload = pdfh.qr_payload(h.unsigned(letter), tmp_path)
    assert payload == f"{BASE_URL}/verifikasi/{letter.token}"


def test_approval_refused_without_public_base_url(app, login_as):
    """The verifier read "Alamat publik (PUBLIC_BASE_URL) belum disetel", an operator's words
    about a setting they cannot change. Now they read that the office's settings are incomplete
    and to ask the super admin, with the notes they typed still in the approval form; the super
    admin's readiness list names the setting and how to set it."""
    app.config["PUBLIC_BASE_URL"] = ""
    application, verifier = h.approvable()
    client = login_as(verifier)
    response = client.post(
        f"/petugas/permohonan/{application.id}/setujui",
        data={
            "version": str(application.version),
            "note": "Berkas lengkap, selamat.",
            "internal_note": "Dicek bersama Kabid.",
        },
    )
    assert response.status_code == 200  # the review page again, with the reason
    page = html.unescape(" ".join(response.get_data(as_text=True).split()))
    assert "pengaturan aplikasi kantor belum lengkap" in page
    assert "Mintalah super admin melengkapinya, lalu setujui lagi;" in page
    assert "PUBLIC_BASE_URL" not in page
    assert "Berkas lengkap, selamat.</textarea>" in page
    assert "Dicek bersama Kabid.</textarea>" in page
    assert db.session.execute(db.select(Letter)).first() is None
    assert (
        db.session.get(type(application), application.id).status == ApplicationStatus.DIVERIFIKASI
    )
    admin = login_as(factories.user(Role.SUPERADMIN)).get("/admin/").get_data(as_text=True)
    assert "Tulis PUBLIC_BASE_URL di instance/config.py atau SISAKAT_PUBLIC_BASE_URL" in admin


def test_letter_date_and_number_year_follow_the_office_clock(app, login_as):
    """The one clock (``CLOCK``) decides the letter's date and its numbering year, in the
    office zone: 17:30 UTC on 31 December 2027 is already 1 January 2028 in WIB."""
    app.config["CLOCK"] = lambda: datetime(2027, 12, 31, 17, 30)
    application, verifier = h.approvable()
    _approve(login_as(verifier), application)
    letter = db.session.execute(db.select(Letter)).scalar_one()
    assert letter.letter_date == date(2028, 1, 1)
    assert letter.number_text == "200.1.5.3/1/BAN.KBP/2028"
    assert "1 Januari 2028" in " ".join(pdfh.pages_text(h.unsigned(letter)))
