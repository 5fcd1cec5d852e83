"""A board whose term of office (masa bakti) is over cannot be approved: its letter, valid
until the term's last day, would be expired the day it is issued. The review page warns before
the verifier clicks; the office's day decides (WIB), not the UTC day."""

from __future__ import annotations

from datetime import date, datetime

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Letter, LetterNumber, Role, Verdict

# 00.30 WIB on 1 January 2026: still 31 December by the UTC day.
NEW_YEAR_0030_WIB = datetime(2025, 12, 31, 17, 30)
# 23.30 WIB on 31 December 2025: the term's last day.
LAST_DAY_2330_WIB = datetime(2025, 12, 31, 16, 30)
PARTY_ENDED = (
    "Masa bakti kepengurusan berakhir 31 Desember 2025; surat keterangan tidak dapat "
    "diterbitkan. Kembalikan permohonan agar pemohon memperbarui SK kepengurusan."
)
ORMAS_ENDED = (
    "Masa bakti pengurus berakhir 31 Desember 2025; surat keterangan tidak dapat "
    "diterbitkan. Kembalikan permohonan agar pemohon melaporkan susunan pengurus yang baru."
)


def _in_review(make, owner, service_code=None):
    vera = make.user(Role.VERIFIKATOR, full_name="Vera Verifikator")
    application = make.application(
        owner,
        status=ApplicationStatus.DIVERIFIKASI,
        claimed_by=vera,
        verdict=Verdict.SESUAI,
        service_code=service_code,
    )
    return application, vera


def _letters() -> int:
    return db.session.execute(db.select(db.func.count(Letter.id))).scalar_one()


def _numbers() -> int:
    return db.session.execute(db.select(db.func.count(LetterNumber.id))).scalar_one()


def _approve(client, application):
    url = f"/petugas/permohonan/{application.id}/setujui"
    return client.post(url, data={"version": str(application.version), "internal_note": "Cek."})


def test_approval_after_the_term_ended_is_refused_on_the_office_day(app, make, login_as):
    app.config["CLOCK"] = lambda: NEW_YEAR_0030_WIB
    owner = make.party(term_start=date(2021, 1, 1), term_end=date(2025, 12, 31))
    application, vera = _in_review(make, owner)
    client = login_as(vera)
    review = client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
    assert 'id="masa-bakti-berakhir"' in review
    assert PARTY_ENDED in review  # warned before the click
    response = _approve(client, application)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Belum dapat diproses: " + PARTY_ENDED in body
    assert "Cek." in body  # the internal note typed is kept in the form
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI
    assert (_letters(), _numbers()) == (0, 0)  # no letter drawn up, no number taken


def test_on_the_terms_last_day_the_approval_goes_through_unwarned(app, make, login_as):
    app.config["CLOCK"] = lambda: LAST_DAY_2330_WIB
    owner = make.party(term_start=date(2021, 1, 1), term_end=date(2025, 12, 31))
    application, vera = _in_review(make, owner)
    client = login_as(vera)
    review = client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
    assert 'id="masa-bakti-berakhir"' not in review
    assert _approve(client, application).status_code == 302
    db.session.refresh(application)
    assert application.status == ApplicationStatus.MENUNGGU_TTE
    letter = db.session.execute(db.select(Letter)).scalar_one()
    assert letter.valid_until == date(2025, 12, 31)


def test_the_term_the_letter_carries_is_the_submitted_one(app, make, login_as):
    """The party renewed its profile after submitting: the letter would still print the
    submitted (ended) term, so the refusal stands until the application is returned and
    submitted again."""
    app.config["CLOCK"] = lambda: NEW_YEAR_0030_WIB
    owner = make.party(term_start=date(2021, 1, 1), term_end=date(2025, 12, 31))
    application, vera = _in_review(make, owner)
    owner.term_start, owner.term_end = date(2026, 1, 1), date(2030, 12, 31)
    db.session.commit()
    body = _approve(login_as(vera), application).get_data(as_text=True)
    assert "Belum dapat diproses: " + PARTY_ENDED in body
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI


def test_an_ormas_whose_term_ended_is_refused_in_its_own_words(app, make, login_as):
    app.config["CLOCK"] = lambda: NEW_YEAR_0030_WIB
    owner = make.ormas(term_start=date(2021, 1, 1), term_end=date(2025, 12, 31))
    application, vera = _in_review(make, owner, service_code="lapor_ormas")
    client = login_as(vera)
    review = client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
    assert ORMAS_ENDED in review
    body = _approve(client, application).get_data(as_text=True)
    assert "Belum dapat diproses: " + ORMAS_ENDED in body
    db.session.refresh(application)
    assert application.status == ApplicationStatus.DIVERIFIKASI
    assert _letters() == 0
