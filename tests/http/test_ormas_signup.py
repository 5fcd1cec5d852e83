"""Ormas sign-up (issue 7): the account with its ormas row and Ketua, and the similar-ormas
warning that must be confirmed before the account is created."""

import json

import pytest

from sisakat.extensions import db
from sisakat.models import ApplicantKind, AuditEvent, Party, User
from tests.auth_helpers import is_logged_in

GOOD = "pohon-durian-berbuah"
WARNING = "Sudah ada ormas terdaftar yang mirip dengan ormas Anda"
CONFIRM = "Saya memahami dan tetap mendaftar"


def _form(**overrides) -> dict:
    data = {
        "kind": "ormas",
        "ormas_name": "Perkumpulan Pemuda Peduli Sungai",
        "ormas_abbreviation": "P3S",
        "chair_name": "Hadi Contoh",
        "email": "sekretariat@p3s.example.com",
        "password": GOOD,
        "confirm": GOOD,
    }
    data.update(overrides)
    return data


def _count() -> int:
    return db.session.execute(db.select(db.func.count(User.id))).scalar_one()


def test_distinct_ormas_is_created_directly_with_its_chair(client, make):
    make.ormas(party_name="Ikatan Nelayan Contoh", abbreviation="INC", chair="Rudi Contoh")
    response = client.post("/akun/daftar", data=_form())
    assert response.status_code == 302
    assert response.headers["Location"] == "/pemohon/"
    party = db.session.execute(
        db.select(Party).filter_by(party_name="Perkumpulan Pemuda Peduli Sungai")
    ).scalar_one()
    assert party.kind == ApplicantKind.ORMAS
    assert (party.board_name, party.abbreviation) == ("Perkumpulan Pemuda Peduli Sungai", "P3S")
    assert [(o.position, o.name) for o in party.officers] == [("Ketua", "Hadi Contoh")]
    assert party.account.email == "sekretariat@p3s.example.com"
    page = client.get("/pemohon/").get_data(as_text=True)
    assert "Profil Ormas" in page
    assert "Laporan Keberadaan Ormas" in page
    assert "SKT Partai Politik" not in page  # only services of its own kind are offered


@pytest.mark.parametrize(
    ("existing", "reason"),
    [
        ({"party_name": "Pemuda Peduli Sungai", "abbreviation": "PPS"}, "nama mirip"),
        ({"party_name": "Lain Sama Sekali", "abbreviation": "P.3.S"}, "singkatan sama"),
        ({"party_name": "Lain Sama Sekali", "abbreviation": "LSS", "chair": "hadi contoh"},
         "ketua sama"),
    ],
)  # fmt: skip
def test_similar_ormas_warns_then_confirmation_creates(client, make, existing, reason):
    other = make.ormas(**{"chair": "Orang Lain", **existing})
    first = client.post("/akun/daftar", data=_form())
    assert first.status_code == 200
    page = first.get_data(as_text=True)
    assert WARNING in page
    assert CONFIRM in page
    assert reason in page
    assert other.party_name in page
    assert other.city in page
    assert "Perkumpulan Pemuda Peduli Sungai" in page  # the applicant's input comes back
    assert "Lina Contoh" not in page
    assert other.account.email not in page
    assert _count() == 1  # only the existing ormas's account
    confirmed = client.post("/akun/daftar", data=_form(confirm_similar="y"))
    assert confirmed.status_code == 302
    assert _count() == 2
    assert is_logged_in(client, "/pemohon/")
    event = db.session.execute(db.select(AuditEvent).order_by(AuditEvent.id.desc())).scalar()
    assert event.action == "account.register"
    assert json.loads(event.details)["similar_confirmed"] == [other.id]


def test_party_with_the_same_name_does_not_warn_an_ormas(client, make):
    make.party(party_name="Perkumpulan Pemuda Peduli Sungai", abbreviation="P3S")
    assert client.post("/akun/daftar", data=_form()).status_code == 302


def test_party_sign_up_is_unchanged_by_existing_ormas(client, make):
    make.ormas(party_name="DPW Partai Contoh")
    data = {"board_name": "DPW Partai Contoh", "email": "dpw@contoh.test"}
    response = client.post("/akun/daftar", data={**data, "password": GOOD, "confirm": GOOD})
    assert response.status_code == 302
    party = db.session.execute(db.select(Party).filter_by(board_name="DPW Partai Contoh").where(
        Party.kind == ApplicantKind.PARPOL)).scalar_one()  # fmt: skip
    assert party.officers == []


def test_markup_in_similar_names_is_shown_inert(client, make):
    markup = '<script>alert("x")</script>'
    make.ormas(party_name=markup, abbreviation="<b>P</b>", chair="Hadi Contoh")
    page = client.post("/akun/daftar", data=_form()).get_data(as_text=True)
    assert WARNING in page
    assert "&lt;script&gt;alert(" in page
    assert "<script>alert(" not in page
    assert "&lt;b&gt;P&lt;/b&gt;" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ormas_name": ""}, "Isi nama ormas."),
        ({"chair_name": ""}, "Isi nama ketua ormas."),
        ({"ormas_name": "Pemuda\x00 Peduli"}, "karakter yang tidak diizinkan"),
        ({"chair_name": "Hadi\nContoh"}, "harus satu baris"),
        ({"kind": "superadmin"}, "Pilihan tidak valid."),
        ({"ormas_abbreviation": "x" * 41}, "maksimal 40 karakter"),
    ],
)
def test_ormas_sign_up_refusals_create_nothing(client, overrides, message):
    response = client.post("/akun/daftar", data=_form(**overrides))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert _count() == 0


def test_the_fields_each_kind_must_fill_are_marked_required(client):
    """'Nama kepengurusan' (a party board) and 'Nama ormas' and 'Nama ketua' (an ormas) are
    refused when empty but carried no asterisk, unlike E-mail and Kata sandi beside them."""
    page = client.get("/akun/daftar").get_data(as_text=True)
    star = ' <span class="text-danger" aria-hidden="true">*</span>'
    for field, label in (
        ("board_name", "Nama kepengurusan"),
        ("ormas_name", "Nama ormas"),
        ("chair_name", "Nama ketua"),
        ("email", "E-mail"),
    ):
        assert f'<label class="form-label" for="{field}">{label}</label>{star}' in page
    assert f'for="ormas_abbreviation">Singkatan ormas</label>{star}' not in page
