"""A board holding an SKT in force saw the same plain "Ajukan" beside the service on its
dashboard as a board with none, and nothing said that the letter of a new application replaces
the one it holds (``letter_registry.supersede_previous``: the old one becomes Diganti). A board
looking for its letter on a phone pressed the first button it saw. The dashboard now names the
letter in force beside the service and the button asks before starting the new application."""

from datetime import date

from sisakat.extensions import db
from tests.letter_helpers import fixed_clock, page

HELD = "200.1.5.3/41/BAN.KBP/2026"


def _dashboard(app, make, login_as, valid_until: date) -> str:
    fixed_clock(app)  # 15 January 2027
    letter = make.issued_letter(number_text=HELD, valid_until=valid_until)
    db.session.commit()
    return page(login_as(letter.application.party.account), "/pemohon/")


def test_the_letter_in_force_is_named_and_the_new_application_asked_first(app, make, login_as):
    text = _dashboard(app, make, login_as, date(2031, 3, 1))
    assert f"Anda memegang surat nomor {HELD}, berlaku sampai 1 Maret 2031" in text
    assert "menggantikan surat itu" in text
    assert 'data-confirm="Surat nomor ' + HELD in text


def test_an_expired_letter_does_not_hold_the_service_back(app, make, login_as):
    text = _dashboard(app, make, login_as, date(2027, 1, 14))
    assert "Anda memegang surat nomor" not in text
    assert 'data-confirm="Surat nomor' not in text


def test_a_board_without_a_letter_sees_the_plain_button(app, make, login_as):
    party = make.party()
    db.session.commit()
    text = page(login_as(party.account), "/pemohon/")
    assert "Ajukan" in text
    assert "Anda memegang surat nomor" not in text


def test_an_expired_letter_is_marked_on_its_dashboard_row(app, make, login_as):
    """The row kept the green Unduh and the Terbit badge alone after the letter's end, as on
    the day it was issued; it now says the letter has expired."""
    text = _dashboard(app, make, login_as, date(2027, 1, 14))
    assert "Surat kedaluwarsa" in text
    assert "Surat kedaluwarsa" not in _dashboard(app, make, login_as, date(2027, 1, 15))
