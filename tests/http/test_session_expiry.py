"""Idle timeout without lost work: typing keeps a session alive (the page pings
``/akun/sesi``), an expired upload by the progress bar gets a message it can show, and the
login page says 'Sesi Anda berakhir' once."""

from __future__ import annotations

from datetime import datetime, timedelta

from sisakat.models import ApplicationStatus

START = datetime(2026, 6, 1, 2, 0)


def _clock(app, at: list[datetime]) -> None:
    app.config["CLOCK"] = lambda: at[0]


def test_the_keep_alive_ping_holds_the_session_while_someone_types(app, make, login_as):
    at = [START]
    _clock(app, at)
    idle = timedelta(minutes=app.config["SESSION_IDLE_MINUTES"])
    party = make.party()
    client = login_as(party.account)
    at[0] = START + idle * 0.8
    assert client.get("/akun/sesi").status_code == 204
    at[0] = START + idle * 1.6  # past the timeout from login, within it from the ping
    assert client.get("/pemohon/").status_code == 200
    at[0] += idle + timedelta(minutes=1)  # now truly idle
    assert client.get("/pemohon/").status_code == 302


def test_an_expired_upload_by_the_progress_bar_gets_a_message_to_show(app, make, login_as):
    at = [START]
    _clock(app, at)
    application = make.application(status=ApplicationStatus.DRAF, documents=False)
    client = login_as(application.party.account)
    at[0] += timedelta(minutes=app.config["SESSION_IDLE_MINUTES"] + 1)
    answer = client.post(
        f"/pemohon/permohonan/{application.id}/persyaratan/1/unggah",
        data={},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert answer.status_code == 401
    assert answer.json["ok"] is False
    assert answer.json["message"].startswith("Sesi Anda berakhir.")
    assert "Muat ulang halaman" in answer.json["message"]


def test_the_login_page_says_the_session_ended_once(app, make, login_as):
    at = [START]
    _clock(app, at)
    client = login_as(make.party().account)
    at[0] += timedelta(minutes=app.config["SESSION_IDLE_MINUTES"] + 1)
    answer = client.get("/pemohon/profil")
    assert answer.status_code == 302
    assert "/akun/masuk?next=%2Fpemohon%2Fprofil" in answer.location
    page = client.get(answer.location).get_data(as_text=True)
    assert page.count("Sesi Anda berakhir. Silakan masuk kembali.") == 1
    assert "Silakan masuk terlebih dahulu." not in page
    anonymous = app.test_client().get("/pemohon/profil")
    assert "/akun/masuk?next=%2Fpemohon%2Fprofil" in anonymous.location
    page = app.test_client().get("/pemohon/profil", follow_redirects=True).get_data(as_text=True)
    assert "Silakan masuk terlebih dahulu." in page
