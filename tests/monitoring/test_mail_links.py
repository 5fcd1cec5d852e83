"""The links in the e-mails SISAKAT sends are the configured public address plus the page, the
same address the letters' QR codes carry. A PUBLIC_BASE_URL typed with a space at its end (the
Windows Command Prompt keeps it: ``set SISAKAT_PUBLIC_BASE_URL=https://... ``) left the QR
codes and the complaint replies right, but the application e-mails linked to
"https://sisakat.../ /pemohon/permohonan/1", which no mail program opens."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import OutgoingEmail
from sisakat.services import letters
from tests.conftest import BASE_URL
from tests.monitoring.test_mail import submitted_by_party

TYPED = f"{BASE_URL}/ "


def test_application_e_mails_link_to_the_public_address_however_it_was_typed(app, make, login_as):
    app.config["PUBLIC_BASE_URL"] = TYPED
    application, verifier = submitted_by_party(make, login_as)
    rows = db.session.execute(db.select(OutgoingEmail).order_by(OutgoingEmail.id)).scalars()
    links = {
        row.to_address: row.body.split("rinciannya:\n", 1)[1].split("\n", 1)[0] for row in rows
    }
    assert letters.verification_url("t").startswith(f"{BASE_URL}/verifikasi/")
    assert links == {
        application.party.account.email: f"{BASE_URL}/pemohon/permohonan/{application.id}",
        verifier.email: f"{BASE_URL}/petugas/permohonan/{application.id}",
    }


def test_a_public_address_typed_with_spaces_is_stored_without_them(tmp_path, template_db):
    from tests.conftest import make_app

    application = make_app(tmp_path, template_db, PUBLIC_BASE_URL=f"  {TYPED}")
    assert application.config["PUBLIC_BASE_URL"] == BASE_URL


def test_each_notification_e_mail_links_to_the_page_that_turns_it_off(app, make, login_as):
    """The footer sent readers to "menu Notifikasi > Pengaturan E-mail", a menu no page has
    (the bell carries no word): it now gives the page's address."""
    application, verifier = submitted_by_party(make, login_as)
    rows = db.session.execute(db.select(OutgoingEmail)).scalars().all()
    assert len(rows) == 2
    for row in rows:
        assert "menu Notifikasi" not in row.body
        assert f"Pengaturan E-mail: {BASE_URL}/akun/notifikasi/email\n" in row.body
