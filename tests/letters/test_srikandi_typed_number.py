"""A number typed in SRIKANDI mode must look like a letter number: "abc" was accepted (only
empty and length were checked). One rule (``number_format.check_typed_number``) serves the
confirm page, the scan path, the manual review and the register itself."""

from datetime import date
from html import escape

import pytest

from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.models import Letter, LetterNumber, LetterStatus, Role
from sisakat.services import numbering
from tests import factories
from tests.letters import helpers as h
from tests.letters.test_srikandi import _confirm, _srikandi_signed

REAL_SHAPES = ("000.1.2.3/123/BAN.KBP/2025", "B-123/KBP/XII/2025", "400.14/1234/KESBANGPOL")


def _scan_confirm_page(client, letter) -> str:
    page = h.upload(client, letter, factories.pdf_bytes(f"Pindaian {letter.token}"), scan="y")
    return page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "Nomor surat harus memuat angka"),
        ("<b>123</b>/KBP", "tidak dipakai dalam nomor surat (&lt; &gt;)"),
        ("/123/KBP/2025/", "tidak boleh diawali atau diakhiri tanda baca"),
    ],
)
def test_a_typed_non_number_is_refused_beside_the_field_keeping_it(app, login_as, typed, message):
    h.srikandi_mode(scans=True)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    answer = _confirm(client, letter, _scan_confirm_page(client, letter), typed)
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    assert 'id="number-error">' in html
    assert message in html
    assert f'value="{escape(typed)}"' in html  # what was typed stays in the field
    db.session.expire_all()
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE
    assert db.session.execute(db.select(LetterNumber)).first() is None


def test_a_typed_non_number_on_an_e_signed_upload_is_asked_again_not_reviewed(app, login_as, pki):
    """Without the rule, "abc" failed the match and went to the super admin's manual review."""
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    signed = _srikandi_signed(letter, pki, "200.1.5.3/1436/BAN.KBP/2026")
    page = h.upload(client, letter, signed).get_data(as_text=True)
    answer = _confirm(client, letter, page, "abc")
    assert "Nomor surat harus memuat angka" in answer.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE


@pytest.mark.parametrize("number", REAL_SHAPES)
def test_the_shapes_srikandi_numbers_take_are_issued(app, login_as, number):
    h.srikandi_mode(scans=True)
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    assert _confirm(client, letter, _scan_confirm_page(client, letter), number).status_code == 302
    letter = db.session.get(Letter, letter.id)
    assert (letter.status, letter.number_text) == (LetterStatus.BERLAKU, number)


@pytest.mark.parametrize("typed", ["abc", "12\x07/KBP", "123/KBP-", "1&2"])
def test_the_register_itself_refuses_what_no_letter_number_is(app, typed):
    """The register is the last gate: any path that records a SRIKANDI number meets the rule."""
    with pytest.raises(DomainError) as refused:
        numbering.register_external("skt", typed, local_date=date(2025, 6, 1), actor=None)
    assert refused.value.field == "number"
    for number in REAL_SHAPES:
        row = numbering.register_external("skt", number, local_date=date(2025, 6, 1), actor=None)
        assert row.number_text == number


def test_the_manual_review_refuses_a_typed_non_number_keeping_the_form(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    h.under_review(letter, _srikandi_signed(letter, pki, "200.1.5.3/88/BAN.KBP/2026"))
    client = login_as(factories.user(Role.SUPERADMIN))
    data = {
        "decision": "terima",
        "reason": "Nomor dibaca dari SRIKANDI.",
        "number": "abc",
        "letter_date": numbering.office_today().isoformat(),
    }
    answer = client.post(f"/tte/surat/{letter.id}/tinjau", data=data)
    html = answer.get_data(as_text=True)
    assert "Nomor surat harus memuat angka" in html
    assert 'value="abc"' in html
    assert "Nomor dibaca dari SRIKANDI.</textarea>" in html
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.PERLU_TINJAUAN
    assert db.session.execute(db.select(LetterNumber)).first() is None
