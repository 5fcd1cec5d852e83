"""A staff note with line breaks reaches the party's e-mail: the message is still sent, the
note in its body and a short subject on one header line, and a row the email package refuses
fails alone instead of stopping the delivery run with the row stuck in "sending"."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import EmailStatus, OutgoingEmail
from sisakat.services import mail
from tests.monitoring import mail_server
from tests.monitoring.test_mail import submitted_by_party
from tests.workflow_http import act, page_text

NOTE = "Ditolak karena:\n- SK kepengurusan kedaluwarsa\nBcc: penyusup@contoh.test"


def test_rejection_note_with_line_breaks_is_mailed_on_one_subject_line(app, make, login_as):
    port = mail_server.free_port()
    mail_server.use_smtp(app, port)
    controller, inbox = mail_server.start(port)
    try:
        application, verifier = submitted_by_party(make, login_as)
        staff = login_as(verifier)
        base = f"/petugas/permohonan/{application.id}"
        act(staff, f"{base}/ambil", application)
        assert "Permohonan ditolak." in page_text(
            act(staff, f"{base}/tolak", application, note=NOTE)
        )
        assert mail.deliver_due() == (4, 0)
    finally:
        controller.stop()
    db.session.expire_all()
    assert {r.status for r in db.session.execute(db.select(OutgoingEmail)).scalars()} == {
        EmailStatus.SENT
    }
    rejected = [m for m in inbox.messages if "ditolak" in m["Subject"]]
    assert len(rejected) == 1
    # The subject names the change; the note, line breaks and all, is in the body only.
    assert (
        rejected[0]["Subject"]
        == f"[SISAKAT] Permohonan #{application.id} · SKT Partai Politik: Permohonan Anda ditolak."
    )
    assert "SK kepengurusan kedaluwarsa" in rejected[0].get_content()
    assert rejected[0]["Bcc"] is None
    assert {m["To"] for m in inbox.messages} <= {
        application.party.account.email,
        verifier.email,
    }


def test_a_row_the_email_package_refuses_fails_alone(app, make):
    port = mail_server.free_port()
    mail_server.use_smtp(app, port)
    bad = OutgoingEmail(to_address="a@contoh.test", subject="x\ny", body="isi", kind="")
    good = OutgoingEmail(to_address="b@contoh.test", subject="baik", body="isi", kind="")
    db.session.add_all([bad, good])
    db.session.commit()
    controller, inbox = mail_server.start(port)
    try:
        assert mail.deliver_due() == (1, 1)
    finally:
        controller.stop()
    db.session.expire_all()
    assert (bad.status, bad.attempts) == (EmailStatus.PENDING, 1)
    assert "ValueError" in bad.last_error
    assert good.status == EmailStatus.SENT
    assert [m["To"] for m in inbox.messages] == ["b@contoh.test"]
