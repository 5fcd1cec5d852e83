"""Values nobody can see or nobody checked: names made only of zero-width or blank characters
count as empty (the required-field message), and the verifier's catalogue reason must come from
the catalogue (a forged one with NUL and ESC was saved and shown to the party)."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from sisakat.forms_common import clean_text
from sisakat.models import ApplicationDocument, ApplicationRequirement, Party, Role, User, Verdict
from tests.profile_data import profile_form

GOOD = "pohon-durian-berbuah"
INVISIBLE = ["\u200b\u200b", "\u200c\u200d\u2060\ufeff", " \u3164 ", "\u2800", "\u200e\u0301"]


def test_clean_text_empties_values_without_a_visible_character():
    for value in INVISIBLE:
        assert clean_text(value) == ""
    assert clean_text(" Partai\u200bContoh ") == "PartaiContoh"  # zero-width: dropped
    assert clean_text("e\u0301") == "\u00e9"


@pytest.mark.parametrize("name", INVISIBLE)
def test_invisible_board_name_at_sign_up_is_empty(client, name):
    data = {"kind": "parpol", "board_name": name, "email": "dpw@contoh.test"}
    response = client.post("/akun/daftar", data={**data, "password": GOOD, "confirm": GOOD})
    assert response.status_code == 200
    assert "Isi nama kepengurusan." in response.text
    assert db.session.execute(db.select(User)).first() is None


@pytest.mark.parametrize("name", INVISIBLE)
def test_invisible_party_name_in_the_profile_is_empty(app, make, login_as, name):
    party = make.party()
    before = party.party_name
    client = login_as(party.account)
    response = client.post("/pemohon/profil", data=profile_form(party.version, party_name=name))
    assert response.status_code == 200
    assert "Isi nama partai." in response.text
    db.session.expire_all()
    assert db.session.get(Party, party.id).party_name == before


def _claimed_document(make):
    verifier = make.user(Role.VERIFIKATOR)
    application = make.application(status="diverifikasi", claimed_by=verifier)
    document = (
        db.session.execute(
            db.select(ApplicationDocument)
            .join(ApplicationRequirement)
            .where(ApplicationRequirement.application_id == application.id)
        )
        .scalars()
        .first()
    )
    url = f"/petugas/permohonan/{application.id}/dokumen/{document.id}/nilai"
    return verifier, document, url


@pytest.mark.parametrize(
    "template", ["\x00\x1b[31mBelum dilegalisir", "Alasan karangan sendiri", "x" * 300]
)
def test_forged_catalogue_reason_is_refused(app, make, login_as, template):
    verifier, document, url = _claimed_document(make)
    client = login_as(verifier)
    data = {"verdict": "tidak_sesuai", "reason_template": template}
    page = client.post(url, data=data, follow_redirects=True)
    assert page.status_code == 200
    assert "belum tersimpan" in page.text  # the document and the reason named beside it
    db.session.expire_all()
    assert db.session.get(ApplicationDocument, document.id).verdict is None
    client.post(url, data={**data, "reason_template": "Belum dilegalisir"})
    db.session.expire_all()
    judged = db.session.get(ApplicationDocument, document.id)
    assert (judged.verdict, judged.reason) == (Verdict.TIDAK_SESUAI, "Belum dilegalisir")


def test_catalogue_and_typed_reason_together_fit_the_column(app, make, login_as):
    verifier, document, url = _claimed_document(make)
    client = login_as(verifier)
    data = {"verdict": "tidak_sesuai", "reason_template": "Belum dilegalisir", "reason": "a" * 490}
    page = client.post(url, data=data, follow_redirects=True)
    assert "paling banyak 500 karakter" in page.text
    db.session.expire_all()
    assert db.session.get(ApplicationDocument, document.id).verdict is None
