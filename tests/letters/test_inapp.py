"""In-app signing through the routes: PAdES (SIG-12), BSrE (SIG-13), batch, secrets (SIG-14)."""

import io
import logging

import pytest

from sisakat.extensions import db
from sisakat.models import (
    AuditEvent,
    FileKind,
    Letter,
    LetterStatus,
    Role,
    SigningMethod,
    StoredFile,
)
from sisakat.services import settings
from tests import factories
from tests.fakes import bsre as fake_module
from tests.letters import helpers as h
from tests.pdf import helpers as pdfh
from tests.pki import P12_PASSPHRASE


def _pades(app, pki):
    h.trust_office(pki)
    app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()


def _sign(client, letter, passphrase):
    return client.post(f"/tte/surat/{letter.id}/tandatangani", data={"passphrase": passphrase})


def test_pades_signs_validates_and_issues(app, login_as, pki):
    _pades(app, pki)
    letter = h.prepared_letter()
    unsigned = h.unsigned(letter)
    page = _sign(login_as(factories.user(Role.PENANDATANGAN)), letter, P12_PASSPHRASE)
    assert "1 dari 1 surat berhasil" in page.get_data(as_text=True)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.signing_method == SigningMethod.PADES
    assert letter.match_tier == "A"
    assert h.signed_bytes(letter).startswith(unsigned)


def test_pades_wrong_passphrase_stores_nothing_and_never_echoes(app, login_as, pki, caplog):
    _pades(app, pki)
    letter = h.prepared_letter()
    secret = "Salah#Sandi-Rahasia-99"  # noqa: S105 - a test passphrase
    caplog.set_level(logging.DEBUG)
    response = _sign(login_as(factories.user(Role.PENANDATANGAN)), letter, secret)
    body = response.get_data(as_text=True)
    assert "tidak valid" in body
    assert secret not in body
    assert secret not in caplog.text
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE
    kinds = db.session.execute(db.select(StoredFile.kind)).scalars().all()
    assert FileKind.LETTER_SIGNED not in kinds
    details = db.session.execute(db.select(AuditEvent.details)).scalars().all()
    assert not any(secret in d for d in details)


def _bsre(app, fake, pki):
    h.trust_office(pki)
    app.config.update(
        BSRE_BASE_URL=fake.url,
        BSRE_USERNAME=fake_module.USERNAME,
        BSRE_PASSWORD=fake_module.PASSWORD,
    )
    settings.update({"signing.backend": "bsre"}, actor=None)
    db.session.commit()
    return factories.user(Role.PENANDATANGAN, nik=fake_module.NIK)


def test_bsre_v1_success_and_2031_through_the_route(app, login_as, pki, fake_bsre):
    signer = _bsre(app, fake_bsre, pki)
    first, second = h.prepared_letter(), h.prepared_letter()
    client = login_as(signer)
    assert "berhasil" in _sign(client, first, fake_module.PASSPHRASE).get_data(as_text=True)
    first = db.session.get(Letter, first.id)
    assert first.status == LetterStatus.BERLAKU
    assert first.signing_method == SigningMethod.BSRE
    fake_bsre.mode = "2031"
    body = _sign(client, second, "keliru-sekali").get_data(as_text=True)
    assert "Passphrase salah." in body
    assert "keliru-sekali" not in body
    assert db.session.get(Letter, second.id).status == LetterStatus.MENUNGGU_TTE


def test_bsre_expired_certificate_stops_early(app, login_as, pki, fake_bsre):
    signer = _bsre(app, fake_bsre, pki)
    letter = h.prepared_letter()
    fake_bsre.status = "EXPIRED"
    client = login_as(signer)
    _sign(client, letter, fake_module.PASSPHRASE)
    assert "Sertifikat Anda berstatus EXPIRED" in client.get("/tte/").get_data(as_text=True)
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE


def test_batch_signs_each_letter(app, login_as, pki, monkeypatch):
    _pades(app, pki)
    letters = [h.prepared_letter() for _ in range(3)]
    client = login_as(factories.user(Role.SUPERADMIN))
    data = {"passphrase": "", "letter_ids": [str(x.id) for x in letters]}
    monkeypatch.setenv("SISAKAT_P12_PASSPHRASE", P12_PASSPHRASE)  # empty field: the server's
    page = client.post("/tte/tandatangani", data=data).get_data(as_text=True)
    assert "3 dari 3 surat berhasil" in page
    for letter in letters:
        assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU


def test_issuing_a_newer_letter_supersedes_the_previous_one(app, login_as, pki):
    _pades(app, pki)
    old = factories.issued_letter()
    party = old.application.party
    letter = h.prepared_letter(party)
    _sign(login_as(factories.user(Role.PENANDATANGAN)), letter, P12_PASSPHRASE)
    old = db.session.get(Letter, old.id)
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU
    assert old.status == LetterStatus.DIGANTI
    assert old.superseded_by_id == letter.id
    assert old.application.status.value == "diganti"
    page = app.test_client().get(f"/verifikasi/{old.token}").get_data(as_text=True)
    assert "DIGANTI" in page
    assert f"/verifikasi/{letter.token}" in page


def _mark(signed: bytes) -> tuple[int, list[float]]:
    """(1-based page, /Rect) of the visible signature's widget."""
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(io.BytesIO(signed)).pages, start=1):
        for annot in page.get("/Annots") or []:
            widget = annot.get_object()
            if widget.get("/FT") == "/Sig" or widget.get("/Parent", {}).get("/FT") == "/Sig":
                return number, [float(v) for v in widget["/Rect"]]
    raise AssertionError("no signature widget")


def _name_line(pdf: bytes, name: str) -> tuple[int, float, float]:
    """(page, x, baseline y) of the signer's name line (the last line starting with it)."""
    from pypdf import PdfReader

    found = None
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):

        def visit(text, cm, tm, _font, _size, number=number):
            nonlocal found
            if " ".join(text.split()).startswith(name):
                found = (number, tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
    assert found, name
    return found


@pytest.mark.parametrize("officers", [3, 40])
def test_the_visible_mark_sits_in_the_signature_block_above_the_name(app, login_as, pki, officers):
    """A short letter (the block on page 1) and a board of 40 (the block on page 2): the TTE
    mark is on the block's page, in the blank space above the signer's name, not over it."""
    from sisakat.models import PartyOfficer

    _pades(app, pki)
    party = factories.party()
    for i in range(3, officers):
        party.officers.append(
            PartyOfficer(position=f"Wakil Ketua {i}", name=f"Nama {i}", sort_order=i)
        )
    db.session.commit()
    letter = h.prepared_letter(party)
    unsigned = h.unsigned(letter)
    page_no, x, baseline = _name_line(unsigned, "Dr. Contoh Pejabat, M.Si.")
    assert page_no == (1 if officers == 3 else 2)
    _sign(login_as(factories.user(Role.PENANDATANGAN)), letter, P12_PASSPHRASE)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    mark_page, (x1, y1, x2, y2) = _mark(h.signed_bytes(letter))
    assert mark_page == page_no
    assert abs(x1 - x) < 2
    assert baseline + 8 < y1 < y2 < baseline + 60  # above the name, inside the 18 mm blank


def test_the_stamp_is_set_in_a_readable_font_at_the_office_time(app, login_as, pki):
    """The mark's font carries PDF widths (per 1,000 em: Liberation Sans at 2,048 units came
    out with each letter about twice as far apart, lines clipped) and its time is the office's
    (9.00 WIB for 02.00 UTC), not the server's UTC."""
    from datetime import datetime

    from pypdf import PdfReader

    from sisakat.services import letter_inapp

    app.config["CLOCK"] = lambda: datetime(2026, 6, 1, 2, 0)
    _pades(app, pki)
    letter = h.prepared_letter()
    signer = factories.user(Role.PENANDATANGAN)
    assert letter_inapp.ticket(letter, actor=signer, name="pades").job.stamp_time == (
        "1 Juni 2026 09.00 WIB"
    )
    _sign(login_as(signer), letter, P12_PASSPHRASE)
    signed = h.signed_bytes(db.session.get(Letter, letter.id))
    reader = PdfReader(io.BytesIO(signed))
    widths = []
    for number in range(1, len(reader.xref_objStm) + 200):
        try:
            obj = reader.get_object(number)
        except Exception:  # noqa: BLE001, S112 - not every number is an object
            continue
        if hasattr(obj, "get") and obj.get("/Subtype") == "/CIDFontType2":
            widths += [w for run in obj["/W"][1::2] for w in run]
    assert widths, "no embedded stamp font"
    assert max(widths) <= 1000  # 'a' is 556 per 1,000 em, not 1,139


def test_the_signature_names_the_services_own_letter(app, login_as, pki):
    """An ormas presence report is signed 'Penerbitan Surat Keterangan Melapor', not as an SKT."""
    from sisakat.services import letter_inapp

    _pades(app, pki)
    signer = factories.user(Role.PENANDATANGAN)
    party_letter = h.prepared_letter()
    ormas_letter = h.prepared_letter(factories.ormas())
    reasons = {
        letter.application.service_code: letter_inapp.ticket(
            letter, actor=signer, name="pades"
        ).job.reason
        for letter in (party_letter, ormas_letter)
    }
    assert reasons == {
        "skt_parpol": "Penerbitan Surat Keterangan Terdaftar",
        "lapor_ormas": "Penerbitan Surat Keterangan Melapor",
    }


@pytest.mark.parametrize("version", ["v1", "v2"])
@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("2011", "Minta Super Admin memeriksa NIK akun Anda"),
        ("500", "Layanan BSrE sedang bermasalah. Coba lagi nanti."),
        ("nonpdf", "Layanan BSrE tidak mengembalikan berkas PDF."),
        ("truncated", "Berkas PDF dari layanan BSrE tidak utuh. Coba lagi."),
        ("foreign", "pejabat yang berwenang"),
        ("stall", "Layanan BSrE tidak menjawab tepat waktu. Coba lagi nanti."),
    ],
)
def test_sig13_every_bsre_failure_through_the_route_changes_nothing(
    app, login_as, pki, fake_bsre, version, mode, message
):
    """SIG-13 end to end: the signer sees the Indonesian message; the letter keeps waiting
    with its number, no signed file is stored, the failure is audited and the passphrase
    is never shown or recorded."""
    signer = _bsre(app, fake_bsre, pki)
    # Only the stalling fake must outlast the read timeout; the others sign with pyHanko, which
    # on a loaded machine can take longer than half a second (a flaky failure otherwise).
    app.config.update(BSRE_API_VERSION=version, BSRE_READ_TIMEOUT=0.5 if mode == "stall" else 30)
    letter = h.prepared_letter()
    number, files = letter.number_text, db.session.scalar(db.select(db.func.count(StoredFile.id)))
    fake_bsre.mode = mode
    page = _sign(login_as(signer), letter, fake_module.PASSPHRASE).get_data(as_text=True)
    assert message in page
    assert fake_module.PASSPHRASE not in page
    letter = db.session.get(Letter, letter.id)
    assert (letter.status, letter.number_text, letter.signed_file_id) == (
        LetterStatus.MENUNGGU_TTE,
        number,
        None,
    )
    assert db.session.scalar(db.select(db.func.count(StoredFile.id))) == files
    details = db.session.execute(db.select(AuditEvent.details)).scalars().all()
    assert not any(fake_module.PASSPHRASE in (d or "") for d in details)
    failed = db.session.execute(
        db.select(AuditEvent).filter_by(action="letter.sign_failed", object_id=str(letter.id))
    ).scalar_one()
    assert failed.outcome == "failed"
    assert message in failed.details


def test_a_letter_approved_on_new_years_eve_and_signed_after_midnight_keeps_its_year(
    app, login_as, pki
):
    """SIGNING.md §1 and §4: the serial and the letter date are taken at approval (setujui), in
    the office zone. Approved at 23.50 WIB on 31 December and signed at 00.10 WIB on 1 January,
    the letter stays 31 Desember 2026 with the 2026 serial; the first approval of 2027 takes
    serial 1 of 2027: no duplicate, no gap."""
    from datetime import date, datetime

    from sisakat.services import letter_inapp, numbering

    app.config["CLOCK"] = lambda: datetime(2026, 12, 31, 16, 50)
    _pades(app, pki)
    letter = h.prepared_letter()
    assert (letter.letter_date, letter.number_text) == (
        date(2026, 12, 31),
        "200.1.5.3/1/BAN.KBP/2026",
    )
    app.config["CLOCK"] = lambda: datetime(2026, 12, 31, 17, 10)
    signer = factories.user(Role.PENANDATANGAN)
    assert letter_inapp.ticket(letter, actor=signer, name="pades").job.stamp_time == (
        "1 Januari 2027 00.10 WIB"
    )
    assert "1 dari 1 surat berhasil" in _sign(login_as(signer), letter, P12_PASSPHRASE).get_data(
        as_text=True
    )
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert (letter.letter_date, letter.number.year, letter.number.serial) == (
        date(2026, 12, 31),
        2026,
        1,
    )
    assert "31 Desember 2026" in " ".join(pdfh.pages_text(h.signed_bytes(letter)))
    january = h.prepared_letter()
    assert (january.letter_date, january.number_text) == (
        date(2027, 1, 1),
        "200.1.5.3/1/BAN.KBP/2027",
    )
    assert numbering.next_serial("skt", 2026) == 2
