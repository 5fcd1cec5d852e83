"""A board's term of office ending between approval and signature: the signing desk refuses
to issue the letter (it would be expired the day it is issued), by upload-back and in the app,
on the office's day; nothing is stored or issued and the letter still waits."""

from __future__ import annotations

from datetime import date, datetime

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, FileKind, Letter, LetterStatus, Role, StoredFile
from sisakat.services import settings
from tests import factories
from tests.letters import helpers as h
from tests.pki import P12_PASSPHRASE

APPROVED_AT = datetime(2026, 1, 10, 3, 0)  # 10.00 WIB on 10 January, the term's last day
NEXT_DAY_0030_WIB = datetime(2026, 1, 10, 17, 30)  # 11 January by the office, 10 by UTC
ENDED = (
    "Masa bakti kepengurusan berakhir 10 Januari 2026; surat keterangan tidak dapat "
    "diterbitkan. Kembalikan surat ke verifikator agar permohonan dikembalikan kepada pemohon "
    "untuk memperbarui SK kepengurusan."
)


def _letter_of_a_term_ending_today(app) -> Letter:
    app.config["CLOCK"] = lambda: APPROVED_AT
    owner = factories.party(term_start=date(2021, 1, 11), term_end=date(2026, 1, 10))
    letter = h.prepared_letter(owner)
    assert letter.valid_until == date(2026, 1, 10)
    return letter


def _still_waiting(letter: Letter) -> None:
    fresh = db.session.get(Letter, letter.id)
    assert fresh.status == LetterStatus.MENUNGGU_TTE
    assert fresh.signed_file_id is None
    assert fresh.application.status == ApplicationStatus.MENUNGGU_TTE
    kinds = db.session.execute(db.select(StoredFile.kind)).scalars().all()
    assert FileKind.LETTER_SIGNED not in kinds


def test_upload_back_after_the_term_ended_is_refused(app, login_as, pki):
    h.trust_office(pki)
    letter = _letter_of_a_term_ending_today(app)
    data = h.signed(letter, pki)
    app.config["CLOCK"] = lambda: NEXT_DAY_0030_WIB
    client = login_as(factories.user(Role.SUPERADMIN))
    response = h.upload(client, letter, data)
    assert response.status_code == 302
    assert ENDED in client.get("/tte/").get_data(as_text=True)
    _still_waiting(letter)


def test_in_app_signing_after_the_term_ended_is_refused_before_signing(app, login_as, pki):
    h.trust_office(pki)
    app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    letter = _letter_of_a_term_ending_today(app)
    app.config["CLOCK"] = lambda: NEXT_DAY_0030_WIB
    client = login_as(factories.user(Role.PENANDATANGAN))
    url = f"/tte/surat/{letter.id}/tandatangani"
    body = client.post(url, data={"passphrase": P12_PASSPHRASE}).get_data(as_text=True)
    assert ENDED in body
    _still_waiting(letter)


def test_on_the_terms_last_day_the_upload_issues(app, login_as, pki):
    h.trust_office(pki)
    letter = _letter_of_a_term_ending_today(app)
    response = h.upload(login_as(factories.user(Role.SUPERADMIN)), letter, h.signed(letter, pki))
    assert response.status_code == 302
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU


def test_the_signing_queue_says_the_term_ended_and_offers_only_the_return(app, login_as, pki):
    """The refusal came only when the signer acted: the queue offered the tick and Tandatangani
    for a letter whose term ended since approval. Now its row says why and keeps the return."""
    h.trust_office(pki)
    app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    letter = _letter_of_a_term_ending_today(app)
    signer = login_as(factories.user(Role.PENANDATANGAN))
    on_time = signer.get("/tte/").get_data(as_text=True)
    tick = f'name="letter_ids" value="{letter.id}"'
    assert tick in on_time
    assert ENDED not in on_time
    app.config["CLOCK"] = lambda: NEXT_DAY_0030_WIB
    signer = login_as(factories.user(Role.PENANDATANGAN))  # the night ended the first session
    page = signer.get("/tte/").get_data(as_text=True)
    assert ENDED in page
    assert tick not in page  # no tick for the batch
    assert f"/tte/surat/{letter.id}/tandatangani" not in page
    assert f"/tte/surat/{letter.id}/kembalikan" in page
    _still_waiting(letter)


def _under_review_after_the_term_ended(app) -> Letter:
    letter = h.under_review(_letter_of_a_term_ending_today(app), factories.pdf_bytes("Unggahan"))
    app.config["CLOCK"] = lambda: NEXT_DAY_0030_WIB
    return letter


def test_the_review_page_says_the_term_ended_and_offers_no_accept(app, login_as):
    """The review page offered "Terima: terbitkan berkas ini" for a letter whose term ended since
    approval; the refusal came only on saving. Now a red alert says why, with the return, and
    only the rejection is offered."""
    letter = _under_review_after_the_term_ended(app)
    admin = login_as(factories.user(Role.SUPERADMIN))
    page = admin.get(f"/tte/surat/{letter.id}/tinjau").get_data(as_text=True)
    assert 'class="alert alert-danger" role="note" id="masa-bakti-berakhir"' in page
    assert ENDED in page
    assert 'value="terima"' not in page
    assert 'value="tolak"' in page
    assert f"/tte/surat/{letter.id}/kembalikan" in page
    assert db.session.get(Letter, letter.id).status == LetterStatus.PERLU_TINJAUAN


def test_the_queue_row_of_a_letter_under_review_says_the_term_ended(app, login_as):
    letter = _under_review_after_the_term_ended(app)
    for role in (Role.SUPERADMIN, Role.PENANDATANGAN):
        page = login_as(factories.user(role)).get("/tte/").get_data(as_text=True)
        assert ENDED in page, role
        assert f"/tte/surat/{letter.id}/kembalikan" in page


def test_a_running_term_keeps_the_accept_on_the_review_page(app, login_as):
    letter = h.under_review(_letter_of_a_term_ending_today(app), factories.pdf_bytes("Unggahan"))
    page = login_as(factories.user(Role.SUPERADMIN)).get(f"/tte/surat/{letter.id}/tinjau")
    body = page.get_data(as_text=True)
    assert 'value="terima"' in body
    assert ENDED not in body
