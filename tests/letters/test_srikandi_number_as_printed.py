"""The number typed on the confirm form is the number the signed letter prints, spaced or cased
otherwise: it was issued as typed ("ban.kbp" in the register and on the public check while the
letter prints "BAN.KBP"), and a failed match called it "tidak sama dengan nomor pada surat" over
the case alone."""

import pytest

from sisakat.extensions import db
from sisakat.models import Letter, LetterNumber, LetterStatus, Role
from sisakat.pdf.skt import render_skt
from sisakat.services import letters, srikandi_number
from tests import factories
from tests.letters import helpers as h
from tests.letters.test_srikandi import _confirm, _srikandi_signed, _today
from tests.signing import pdfs

PRINTED = "200.1.5.3/77/BAN.KBP/2026"


def _issued_with(client, letter, signed: bytes, typed: str) -> Letter:
    page = h.upload(client, letter, signed).get_data(as_text=True)
    assert _confirm(client, letter, page, typed).status_code == 302
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    return letter


@pytest.mark.parametrize("typed", ["200.1.5.3/77/ban.kbp/2026", "200.1.5.3 / 77 / Ban.Kbp / 2026"])
def test_a_number_typed_in_another_case_or_spacing_is_issued_as_printed(app, login_as, pki, typed):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    letter = _issued_with(client, letter, _srikandi_signed(letter, pki, PRINTED), typed)
    assert letter.number_text == PRINTED
    assert db.session.execute(db.select(LetterNumber.number_text)).scalar_one() == PRINTED


def test_spaces_only_extraction_put_in_give_way_to_the_typed_spacing(app, login_as, pki):
    """The letter's text reads "BAN. KBP" (a space between glyphs); typed without any space,
    the register keeps none."""
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    signed = _srikandi_signed(letter, pki, "200.1.5.3/77/BAN. KBP/2026")
    letter = _issued_with(client, letter, signed, "200.1.5.3/77/ban.kbp/2026")
    assert letter.number_text == PRINTED


def _signed_for_another_party(letter, pki) -> bytes:
    """The letter signed in SRIKANDI with the party name changed: tier B cannot match."""
    inputs = letters.inputs_of(letter)
    profile = {**inputs["profile"], "party_name": "Partai Lain Sama Sekali"}
    inputs = {**inputs, "profile": profile, "number_text": PRINTED, "srikandi": False}
    inputs["issued_on"] = _today()
    return pdfs.sign(render_skt(letters.context_of(inputs, token=letter.token)), pki.signer)


def test_the_same_number_in_lower_case_is_no_typing_slip(app, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    signed = _signed_for_another_party(letter, pki)
    srikandi_number.refuse_mistyped_number(letter, signed, "200.1.5.3/77/ban.kbp/2026")
    srikandi_number.refuse_mistyped_number(letter, signed, "200.1.5.3 / 77 / BAN.KBP / 2026")


def test_the_confirm_form_offers_the_number_without_spaces_the_format_never_prints(
    app, login_as, pki
):
    """The form was pre-filled with the extracted "BAN. KBP"; confirmed as offered, the space
    went into the register. The office format holds no space, so none is the number's."""
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    signed = _srikandi_signed(letter, pki, "200.1.5.3/77/BAN. KBP/2026")
    page = h.upload(client, letter, signed).get_data(as_text=True)
    assert f'value="{PRINTED}"' in page
    assert _confirm(client, letter, page, "200.1.5.3/77/BAN. KBP/2026").status_code == 302
    db.session.expire_all()
    assert db.session.get(Letter, letter.id).number_text == PRINTED
