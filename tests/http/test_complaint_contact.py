"""The complaint's Kontak was free text: "warga@gmail" or "0812 345" was stored, and staff had no
way to answer (a reply is e-mailed only to an e-mail contact). It must now be an e-mail address,
an Indonesian mobile number, or empty; a wrong one is refused beside the field, all kept."""

from sisakat.extensions import db
from sisakat.models import Complaint
from sisakat.services import complaint_mail, contact_rules, settings

FORM = {"name": "Warga", "category": "d0", "body": "Antrean di loket terlalu lama sekali."}


def _stored() -> list[str]:
    return list(db.session.execute(db.select(Complaint.contact).order_by(Complaint.id)).scalars())


def test_a_contact_staff_cannot_answer_is_refused_beside_the_field_keeping_the_text(app, client):
    for typed in ("warga@gmail", "0812 345", "Pak RT sebelah", "+1 555 123 4567", "0712345678"):
        page = client.post("/pengaduan", data={**FORM, "contact": typed})
        html = page.get_data(as_text=True)
        assert page.status_code == 200, typed
        beside = html.split('id="contact-error">', 1)[1].split("</div>", 1)[0]
        assert contact_rules.CONTACT_PROBLEM in beside, typed
        assert f'value="{typed}"' in html
        assert "Antrean di loket terlalu lama sekali.</textarea>" in html
    assert _stored() == []


def test_e_mail_indonesian_mobile_numbers_and_empty_are_accepted(app, client):
    accepted = [
        "warga@contoh.test",
        "0812-3456-7890",
        "0812 3456 789",
        "+62 812 3456 7890",
        "6281234567890",
        "",
    ]
    settings.update({"public.post_limit": 20}, actor=None)
    db.session.commit()
    for typed in accepted:
        assert client.post("/pengaduan", data={**FORM, "contact": typed}).status_code == 302, typed
    assert _stored() == accepted


def test_the_reply_mail_reads_the_same_e_mail_rule(app, make):
    assert complaint_mail.reply_address(make.complaint(contact="warga@contoh.test"))
    assert complaint_mail.reply_address(make.complaint(contact="0812-3456-7890")) == ""
