"""The party's application page of an issued letter said only "Surat sudah terbit: unduh dengan
tombol Unduh": it never named the letter's number, date or end of validity, and a letter past
its end still read as a fresh one with a green Unduh button, while its public QR page said
KEDALUWARSA. The page names the letter and says when it ends, or that it has ended."""

from datetime import date

from sisakat.extensions import db
from tests.letter_helpers import fixed_clock, page

# FIXED_AT (tests.auth_helpers.CLOCK_START) is 15 January 2027, 08.00 UTC.


def _issued_page(app, make, login_as, valid_until: date) -> str:
    fixed_clock(app)
    letter = make.issued_letter(
        number_text="200.1.5.3/41/BAN.KBP/2026",
        letter_date=date(2026, 3, 2),
        valid_until=valid_until,
    )
    db.session.commit()
    application = letter.application
    return page(login_as(application.party.account), f"/pemohon/permohonan/{application.id}")


def test_a_letter_in_force_is_named_with_its_end(app, make, login_as):
    text = _issued_page(app, make, login_as, date(2031, 3, 1))
    assert "200.1.5.3/41/BAN.KBP/2026" in text
    assert "tanggal 2 Maret 2026" in text
    assert "berlaku sampai 1 Maret 2031" in text
    assert "kedaluwarsa" not in text


def test_a_letter_past_its_end_says_it_has_ended(app, make, login_as):
    text = _issued_page(app, make, login_as, date(2027, 1, 14))
    assert "200.1.5.3/41/BAN.KBP/2026" in text
    assert "sudah kedaluwarsa" in text
    assert "berakhir 14 Januari 2027" in text
    assert "Surat sudah terbit: unduh" not in text  # not told it is a fresh letter


def test_the_last_day_is_still_in_force(app, make, login_as):
    text = _issued_page(app, make, login_as, date(2027, 1, 15))
    assert "berlaku sampai 15 Januari 2027" in text
    assert "kedaluwarsa" not in text
