"""Reminders before the letter or the term ends (idempotent, in the words of the applicant's
kind), renewal, WhatsApp links."""

import json
from datetime import date, datetime

import pytest

from sisakat.extensions import db
from sisakat.formatting import wa_link
from sisakat.models import Action as A
from sisakat.models import Application, Notification, OutgoingEmail, ReminderSent, Role
from sisakat.models import ApplicationStatus as S
from sisakat.services import catalog, reminders, settings
from tests import factories
from tests.monitoring_helpers import issued_letter, timeline


def issued_board(app):
    """A board whose SKT (valid to 30 April 2026) was issued in January; today 20 March 2026."""
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    application = timeline([(A.AJUKAN, "2026-01-05 09:00"), (A.TERBITKAN, "2026-01-05 09:40")])
    issued_letter(application, valid_until=date(2026, 4, 30))
    return application


def test_send_reminders_is_idempotent_per_board_and_end_date(app, runner):
    application = issued_board(app)
    first = runner.invoke(args=["send-reminders"])
    assert "1 pengingat dikirim." in first.output
    assert "0 pengingat dikirim." in runner.invoke(args=["send-reminders"]).output
    account = application.party.account
    notes = db.session.execute(
        db.select(Notification).where(Notification.user_id == account.id)
    ).scalars()
    assert [n.message for n in notes if "30 April 2026" in n.message][0].startswith(
        "Surat Keterangan Terdaftar DPW Partai Contoh"
    )
    mails = db.session.execute(db.select(OutgoingEmail).where(OutgoingEmail.kind == "reminders"))
    assert len(mails.scalars().all()) == 1
    assert db.session.execute(db.select(ReminderSent.kind)).scalars().all() == ["skt"]
    settings.update({"reminder.days_before": 10}, actor=None)
    db.session.commit()
    assert reminders.due(date(2026, 3, 20)) == []  # outside a 10-day window


def test_party_renews_from_the_last_issued_application(app, login_as):
    previous = issued_board(app)
    client = login_as(previous.party.account)
    assert 'id="perpanjang"' in client.get("/pemohon/").get_data(as_text=True)
    response = client.post("/pemohon/perpanjang")
    assert response.status_code == 302
    renewal = db.session.execute(
        db.select(Application).where(Application.renewal_of_id == previous.id)
    ).scalar_one()
    assert renewal.status == S.DRAF
    assert renewal.party_id == previous.party_id
    assert response.headers["Location"].endswith(f"/pemohon/permohonan/{renewal.id}")
    again = client.post("/pemohon/perpanjang", follow_redirects=True)
    assert "Masih ada permohonan yang berjalan" in again.get_data(as_text=True)


def test_renewal_refused_when_nothing_ends_soon(app, login_as):
    previous = issued_board(app)
    settings.update({"reminder.days_before": 5}, actor=None)
    db.session.commit()
    page = login_as(previous.party.account).post("/pemohon/perpanjang", follow_redirects=True)
    assert (
        "Perpanjangan hanya untuk Surat Keterangan Terdaftar yang akan atau sudah berakhir."
        in page.get_data(True)
    )


WORDS = {
    "parpol": (
        "Masa bakti kepengurusan {board} berakhir pada 15 April 2026. Ajukan perpanjangan "
        "Surat Keterangan Terdaftar setelah kepengurusan baru ditetapkan.",
        "Surat Keterangan Terdaftar {board} berlaku sampai 30 April 2026.",
    ),
    "ormas": (
        "Masa bakti pengurus organisasi kemasyarakatan {board} berakhir pada 15 April 2026. "
        "Setelah pengurus baru ditetapkan, ajukan perpanjangan Surat Keterangan Melapor dengan "
        "melaporkan susunan pengurus yang baru.",
        "Surat Keterangan Melapor organisasi kemasyarakatan {board} berlaku sampai 30 April 2026.",
    ),
}


def _board_ending(kind: str):
    """A board of ``kind`` whose term ends 15 April and whose letter (frozen with its service's
    title) is valid to 30 April 2026; the service renamed since."""
    maker = factories.ormas if kind == "ormas" else factories.party
    owner = maker(term_end=date(2026, 4, 15))
    application = factories.application(owner, status=S.TERBIT, documents=False)
    service = catalog.require(application.service_code)
    letter = issued_letter(application, valid_until=date(2026, 4, 30))
    frozen = {"letter": {"title": service.letter_title}}
    letter.context_json = json.dumps({"service_code": service.code, "settings": frozen})
    service.letter_title = "SURAT KETERANGAN GANTI NAMA"  # edited after the letter was issued
    db.session.commit()
    return owner


@pytest.mark.parametrize("kind", ["parpol", "ormas"])
def test_reminders_use_the_words_of_the_applicants_kind(app, runner, kind):
    """Before: an ormas was told its "SKT" would expire and to renew its "Surat Keterangan
    Terdaftar (SKT) kepengurusan" (an ormas holds a Surat Keterangan Melapor; its SKT comes from
    Kemendagri). Now both reminders, in-app and by e-mail, name the board's own letter."""
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    owner = _board_ending(kind)
    assert "2 pengingat dikirim." in runner.invoke(args=["send-reminders"]).output
    notes = db.session.execute(
        db.select(Notification.message).where(Notification.user_id == owner.account_id)
    ).scalars()
    term, validity = (x.format(board=owner.board_name) for x in WORDS[kind])
    messages = sorted(notes)
    assert messages[0] == term
    assert messages[1].startswith(validity)
    mails = db.session.execute(db.select(OutgoingEmail).where(OutgoingEmail.kind == "reminders"))
    mails = mails.scalars().all()
    assert sorted(m.body.split("Pengingat dari SISAKAT:\n")[1].split("\n")[0] for m in mails) == (
        messages
    )
    said = " ".join([*messages, *(m.subject + m.body for m in mails)])
    assert "GANTI NAMA" not in said.upper()  # the letter as issued, not the renamed service
    if kind == "ormas":
        assert "SKT" not in said
        assert "Terdaftar" not in said
        assert "kepengurusan" not in said


def test_an_ormas_asking_to_renew_too_early_hears_of_its_own_letter(app, login_as):
    app.config["CLOCK"] = lambda: datetime(2026, 3, 20, 3, 0)
    owner = _board_ending("ormas")
    settings.update({"reminder.days_before": 5}, actor=None)
    db.session.commit()
    page = login_as(owner.account).post("/pemohon/perpanjang", follow_redirects=True)
    assert (
        "Perpanjangan hanya untuk Surat Keterangan Melapor yang akan atau sudah berakhir."
        in page.get_data(as_text=True)
    )


def test_whatsapp_links_normalise_indonesian_numbers(app, make, login_as):
    assert wa_link("0812-3456-7890", "Halo") == "https://wa.me/6281234567890?text=Halo"
    assert wa_link("+62 812 3456 7890") == "https://wa.me/6281234567890"
    assert wa_link("12") == ""
    settings.update({"contact.whatsapp": "6281200000001"}, actor=None)
    db.session.commit()
    page = login_as(make.party().account).get("/akun/notifikasi").get_data(as_text=True)
    assert 'href="https://wa.me/6281200000001?text=Halo%20Kesbangpol' in page


def test_staff_see_whatsapp_next_to_the_party_phone(app, make, login_as):
    application = make.application(status=S.DIAJUKAN)
    client = login_as(make.user(Role.VERIFIKATOR))
    page = client.get(f"/petugas/permohonan/{application.id}").get_data(as_text=True)
    assert 'href="https://wa.me/6281200000000?text=Halo%20DPW%20Partai%20Contoh' in page
    history = client.get(f"/laporan/rekap-partai/{application.party_id}").get_data(as_text=True)
    assert "https://wa.me/6281200000000?text=" in history
    assert f"Permohonan #{application.id}" in history
