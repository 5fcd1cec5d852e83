"""E-mail notifications: outbox filled in the request, delivered after it, retried, opt-out."""

from datetime import timedelta

from sisakat.extensions import db
from sisakat.models import ApplicationStatus as S
from sisakat.models import EmailStatus, OutgoingEmail, Role, utcnow
from sisakat.services import mail
from tests.monitoring import mail_server
from tests.workflow_http import act


def submitted_by_party(make, login_as):
    """A verifier exists; the party submits its complete draft over HTTP."""
    verifier = make.user(Role.VERIFIKATOR, email="verifikator@kesbangpol.example.test")
    application = make.application()
    client = login_as(application.party.account)
    response = act(client, f"/pemohon/permohonan/{application.id}/ajukan", application)
    assert "Permohonan diajukan." in response.get_data(as_text=True)
    return application, verifier


def test_staff_email_delivered_after_submission(app, make, login_as):
    port = mail_server.free_port()
    mail_server.use_smtp(app, port)
    controller, inbox = mail_server.start(port)
    try:
        application, _verifier = submitted_by_party(make, login_as)
        assert mail.deliver_due() == (2, 0)  # the party and the verifier
    finally:
        controller.stop()
    to_staff = next(m for m in inbox.messages if m["To"] == "verifikator@kesbangpol.example.test")
    board = application.party.board_name
    label = f"Permohonan #{application.id} · SKT Partai Politik"
    assert (
        to_staff["Subject"] == f"[SISAKAT] {label} — {board}: permohonan masuk antrean verifikasi."
    )
    body = to_staff.get_content()
    assert "Yth." in body
    assert f"/petugas/permohonan/{application.id}" in body
    assert to_staff["From"] == "sisakat@kesbangpol.example.test"


def test_smtp_down_does_not_break_request_and_mail_is_retried(app, make, login_as):
    port = mail_server.free_port()
    mail_server.use_smtp(app, port)  # nobody listens yet
    application, _verifier = submitted_by_party(make, login_as)
    db.session.refresh(application)
    assert application.status == S.DIAJUKAN
    now = utcnow()
    assert mail.deliver_due(now=now) == (0, 2)
    rows = db.session.execute(db.select(OutgoingEmail)).scalars().all()
    assert {(r.status, r.attempts) for r in rows} == {(EmailStatus.PENDING, 1)}
    assert all("Error" in r.last_error for r in rows)
    controller, inbox = mail_server.start(port)
    try:
        assert mail.deliver_due(now=now) == (0, 0)  # not due before the back-off
        assert mail.deliver_due(now=now + timedelta(minutes=2)) == (2, 0)
    finally:
        controller.stop()
    assert len(inbox.messages) == 2
    db.session.expire_all()
    assert {r.status for r in db.session.execute(db.select(OutgoingEmail)).scalars()} == {
        EmailStatus.SENT
    }


def test_opted_out_user_gets_no_email_but_the_bell(app, make, login_as):
    verifier = make.user(Role.VERIFIKATOR)
    client = login_as(verifier)
    response = client.post("/akun/notifikasi/email", data={"reminders": "y"})
    assert response.status_code == 302
    assert mail.preferences(verifier) == {"applications": False, "reminders": True}
    application = make.application()
    act(
        login_as(application.party.account),
        f"/pemohon/permohonan/{application.id}/ajukan",
        application,
    )
    addresses = db.session.execute(db.select(OutgoingEmail.to_address)).scalars().all()
    assert verifier.email not in addresses
    assert application.party.account.email in addresses
    page = client.get("/akun/notifikasi").get_data(as_text=True)
    assert "permohonan masuk antrean verifikasi" in page


def test_a_row_is_claimed_by_one_sender_only(app):
    row = mail.enqueue("pihak@contoh.test", "[SISAKAT] Uji", "Isi", kind="applications")
    db.session.commit()
    now = utcnow()
    assert mail._claim(row.id, now) is True
    assert mail._claim(row.id, now) is False  # a second process finds it taken
    assert mail._claim(row.id, now + mail.STALE_CLAIM + timedelta(seconds=1)) is True


def test_send_mail_command_without_smtp_fails_loudly_and_keeps_the_mail(app, runner):
    """A scheduled task without an SMTP server must not look healthy ("0 terkirim, 0 gagal"
    with exit 0) while e-mails pile up."""
    mail.enqueue("pihak@contoh.test", "[SISAKAT] Uji", "Isi", kind="applications")
    db.session.commit()
    result = runner.invoke(args=["send-mail"])
    assert result.exit_code == 1
    assert "GAGAL: SMTP belum disetel (SISAKAT_SMTP_HOST); 1 e-mail menunggu" in result.output
    assert db.session.execute(db.select(OutgoingEmail.status)).scalar_one() == EmailStatus.PENDING
    assert runner.invoke(args=["send-mail", "--limit", "-1"]).exit_code == 2  # not "no limit"


def test_mail_gives_up_after_max_attempts(app):
    mail_server.use_smtp(app, mail_server.free_port())  # nobody listens
    row = mail.enqueue("pihak@contoh.test", "[SISAKAT] Uji", "Isi", kind="applications")
    db.session.commit()
    moment = utcnow()
    for _ in range(mail.MAX_ATTEMPTS):
        assert mail.deliver_due(now=moment) == (0, 1)
        moment += timedelta(days=1)
    assert mail.deliver_due(now=moment) == (0, 0)
    db.session.refresh(row)
    assert (row.status, row.attempts) == (EmailStatus.FAILED, mail.MAX_ATTEMPTS)
