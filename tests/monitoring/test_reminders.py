"""Reminders before the SKT or the term ends (idempotent), renewal, WhatsApp links."""

from datetime import date, datetime

from sisakat.extensions import db
from sisakat.formatting import wa_link
from sisakat.models import Action as A
from sisakat.models import Application, Notification, OutgoingEmail, ReminderSent, Role
from sisakat.models import ApplicationStatus as S
from sisakat.services import reminders, settings
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
    assert [n.message for n in notes if "30 April 2026" in n.message][0].startswith("SKT ")
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
    assert "Perpanjangan hanya untuk SKT yang akan atau sudah berakhir." in page.get_data(True)


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
