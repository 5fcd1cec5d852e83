"""A board whose term of office ends soon (within the register's "segera berakhir" window,
``reminder.days_before``) is approved as before, but its letter is valid only until that day:
the review page, the signing queue and the signing review page say so; an ended term is still
refused, and a term further off gets no word."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Letter, Role, Verdict
from sisakat.services import expiry, settings
from tests import factories
from tests.letters import helpers as h

# 10.00 WIB on 31 December 2026 (the office's today).
NOW = datetime(2026, 12, 31, 3, 0)
TODAY = date(2026, 12, 31)
IN_FIVE_DAYS = (
    "Masa bakti kepengurusan berakhir 5 Januari 2027 (5 hari lagi); surat keterangan akan "
    "berlaku sampai tanggal itu. Setelah itu pemohon perlu memperbarui SK kepengurusan."
)
SHORT = "Masa bakti kepengurusan berakhir 5 Januari 2027 (5 hari lagi); surat berlaku sampai"
SOON_BOX = 'id="masa-bakti-segera-berakhir"'


def _in_review(app, term_end: date, *, ormas: bool = False):
    app.config["CLOCK"] = lambda: NOW
    make = factories.ormas if ormas else factories.party
    owner = make(term_start=date(2022, 1, 1), term_end=term_end)
    code = "lapor_ormas" if ormas else None
    vera = factories.user(Role.VERIFIKATOR)
    application = factories.application(
        owner,
        status=ApplicationStatus.DIVERIFIKASI,
        claimed_by=vera,
        verdict=Verdict.SESUAI,
        service_code=code,
    )
    return application, vera


def _review(client, application) -> str:
    return client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)


def _approve(client, application):
    url = f"/petugas/permohonan/{application.id}/setujui"
    return client.post(url, data={"version": str(application.version)})


def test_a_term_ending_in_five_days_is_noticed_and_approval_goes_through(app, login_as):
    application, vera = _in_review(app, date(2027, 1, 5))
    client = login_as(vera)
    page = _review(client, application)
    assert SOON_BOX in page
    assert IN_FIVE_DAYS in page
    assert 'id="masa-bakti-berakhir"' not in page  # a notice, not the refusal
    assert _approve(client, application).status_code == 302
    db.session.refresh(application)
    assert application.status == ApplicationStatus.MENUNGGU_TTE
    letter = db.session.execute(db.select(Letter)).scalar_one()
    assert letter.valid_until == date(2027, 1, 5)
    signer = login_as(factories.user(Role.PENANDATANGAN))
    queue = signer.get("/tte/").get_data(as_text=True)
    assert SHORT in queue
    assert f"/tte/surat/{letter.id}/kembalikan" in queue


def test_the_signing_review_page_notices_a_term_ending_soon(app, login_as):
    app.config["CLOCK"] = lambda: NOW
    owner = factories.party(term_start=date(2022, 1, 1), term_end=date(2027, 1, 5))
    letter = h.under_review(h.prepared_letter(owner), factories.pdf_bytes("Unggahan uji"))
    client = login_as(factories.user(Role.SUPERADMIN))
    page = client.get(f"/tte/surat/{letter.id}/tinjau").get_data(as_text=True)
    assert SOON_BOX in page
    assert SHORT in page


def test_a_term_beyond_the_window_gets_no_notice(app, login_as):
    later = TODAY + timedelta(days=expiry.days_before() + 1)
    application, vera = _in_review(app, later)
    client = login_as(vera)
    assert SOON_BOX not in _review(client, application)
    assert _approve(client, application).status_code == 302
    queue = login_as(factories.user(Role.PENANDATANGAN)).get("/tte/").get_data(as_text=True)
    assert "Masa bakti" not in queue


def test_a_term_ended_yesterday_is_still_refused_without_the_notice(app, login_as):
    application, vera = _in_review(app, date(2026, 12, 30))
    client = login_as(vera)
    page = _review(client, application)
    assert 'id="masa-bakti-berakhir"' in page
    assert SOON_BOX not in page
    body = _approve(client, application).get_data(as_text=True)
    assert "Belum dapat diproses: Masa bakti kepengurusan berakhir 30 Desember 2026;" in body
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI


def test_today_and_tomorrow_are_said_in_words_for_each_kind(app, login_as):
    application, vera = _in_review(app, TODAY)
    page = _review(login_as(vera), application)
    assert "Masa bakti kepengurusan berakhir 31 Desember 2026 (hari ini)" in page
    application, vera = _in_review(app, TODAY + timedelta(days=1), ormas=True)
    page = _review(login_as(vera), application)
    assert "Masa bakti pengurus berakhir 1 Januari 2027 (besok)" in page
    assert "pemohon perlu melaporkan susunan pengurus yang baru." in page


def test_the_window_is_the_registers_setting(app, login_as):
    settings.update({"reminder.days_before": 3}, actor=None)
    db.session.commit()
    application, vera = _in_review(app, date(2027, 1, 5))
    assert SOON_BOX not in _review(login_as(vera), application)
    application, vera = _in_review(app, date(2027, 1, 3))
    assert "(3 hari lagi)" in _review(login_as(vera), application)
