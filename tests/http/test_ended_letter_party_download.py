"""The party pressed "Unduh SKT" on a page opened before its letter was revoked or replaced (or
followed a saved download link): the answer was the 404 page, "Halaman atau data yang Anda cari
tidak ada", about a letter the party holds on paper. It now goes to the application's page,
which says what became of the letter; another party's letter stays a 404."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import AuditEvent, Role
from sisakat.services import letter_registry


def _downloads() -> int:
    query = db.select(db.func.count(AuditEvent.id)).filter_by(action="letter.download")
    return db.session.execute(query).scalar_one()


def test_a_revoked_letter_leads_to_its_application_page(app, make, login_as):
    admin = make.user(Role.SUPERADMIN)
    letter = make.issued_letter(number_text="200.1.5.3/9/BAN.KBP/2026")
    letter_registry.revoke(letter, reason="Uji.", actor=admin, seen_version=letter.version)
    db.session.commit()
    client = login_as(letter.application.party.account)
    answer = client.get(f"/pemohon/skt/{letter.id}/unduh")
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith(f"/pemohon/permohonan/{letter.application_id}")
    text = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "Surat nomor 200.1.5.3/9/BAN.KBP/2026 sudah dicabut" in text
    assert "tidak dapat diunduh lagi" in text
    assert _downloads() == 0


def test_a_replaced_letter_names_the_new_one(app, make, login_as):
    admin = make.user(Role.SUPERADMIN)
    party = make.party()
    old = make.issued_letter(party, number_text="200.1.5.3/1/BAN.KBP/2026")
    new = make.issued_letter(party, number_text="200.1.5.3/2/BAN.KBP/2026")
    letter_registry.supersede_previous(new, admin)
    db.session.commit()
    client = login_as(party.account)
    answer = client.get(f"/pemohon/skt/{old.id}/unduh")
    assert answer.status_code == 302
    text = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert (
        "Surat nomor 200.1.5.3/1/BAN.KBP/2026 sudah diganti oleh surat nomor "
        "200.1.5.3/2/BAN.KBP/2026" in text
    )
    assert _downloads() == 0


def test_another_partys_revoked_letter_stays_not_found(app, make, login_as):
    admin = make.user(Role.SUPERADMIN)
    letter = make.issued_letter()
    letter_registry.revoke(letter, reason="Uji.", actor=admin, seen_version=letter.version)
    db.session.commit()
    other = make.party()
    assert login_as(other.account).get(f"/pemohon/skt/{letter.id}/unduh").status_code == 404
