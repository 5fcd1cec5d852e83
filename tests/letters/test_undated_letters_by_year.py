"""Letters SRIKANDI has not dated yet (waiting for its signature, or returned to the verifier
before it was) in the staff letter search's date range and the admin register's year filter:
filed under the office day they were drawn up at approval, the earliest date SRIKANDI may give
them, until SRIKANDI dates them."""

from datetime import date, datetime

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from tests import factories
from tests.letter_helpers import fixed_clock, page
from tests.letters import helpers as h

# 00.30 WIB on 1 January 2027: still 31 December 2026 in UTC.
NEW_YEAR_NIGHT = datetime(2026, 12, 31, 17, 30)


def _search(client, start: str, end: str) -> str:
    return page(client, f"/petugas/surat?dari={start}&sampai={end}")


def _review_link(letter: Letter) -> str:
    return f'href="/petugas/permohonan/{letter.application_id}"'


def test_a_letter_waiting_for_srikandi_is_found_in_the_year_it_was_approved(app, login_as):
    """Approved at 00.30 WIB on 1 January 2027 in SRIKANDI mode: no date until SRIKANDI gives
    one, and the search for 2027 listed nothing; it is now found in 2027, not in 2026."""
    h.srikandi_mode()
    fixed_clock(app, NEW_YEAR_NIGHT)
    letter = h.prepared_letter()
    assert letter.letter_date is None
    assert letter.status == LetterStatus.MENUNGGU_TTE
    staff = login_as(factories.user(Role.VERIFIKATOR))
    assert _review_link(letter) in page(staff, "/petugas/surat")
    assert _review_link(letter) in _search(staff, "2027-01-01", "2027-12-31")
    assert _review_link(letter) in _search(staff, "2027-01-01", "2027-01-01")
    assert _review_link(letter) not in _search(staff, "2026-01-01", "2026-12-31")
    assert _review_link(letter) not in _search(staff, "2027-01-02", "2027-12-31")


def test_a_dated_letter_is_found_by_its_letter_date_not_its_approval(app, login_as):
    """A letter SRIKANDI dated 4 January 2027, approved on 1 January: filed under its date."""
    h.srikandi_mode()
    fixed_clock(app, NEW_YEAR_NIGHT)
    letter = h.prepared_letter()
    letter.letter_date = date(2027, 1, 4)  # as the confirmation of SRIKANDI's date stores it
    db.session.commit()
    staff = login_as(factories.user(Role.VERIFIKATOR))
    assert _review_link(letter) in _search(staff, "2027-01-04", "2027-01-04")
    assert _review_link(letter) not in _search(staff, "2027-01-01", "2027-01-03")


def test_a_srikandi_letter_returned_before_it_was_dated_is_in_the_register_of_its_year(
    app, login_as
):
    """Returned to the verifier before SRIKANDI dated it: the register lists it Dibatalkan; the
    filter Tahun 2027 left it out. It is now under 2027, the year it was approved."""
    h.srikandi_mode()
    fixed_clock(app, NEW_YEAR_NIGHT)
    letter = h.prepared_letter()
    signer = login_as(factories.user(Role.PENANDATANGAN))
    application = letter.application
    reason = "Susunan pengurus belum sesuai SK DPP."
    returned = signer.post(
        f"/tte/surat/{letter.id}/kembalikan",
        data={"version": str(application.version), "reason": reason, "confirm": "y"},
    )
    assert returned.status_code == 302
    db.session.expire_all()
    cancelled = db.session.get(Letter, letter.id)
    assert cancelled.status == LetterStatus.DIBATALKAN
    assert cancelled.letter_date is None
    admin = login_as(factories.user(Role.SUPERADMIN))
    assert reason in page(admin, "/admin/surat")
    assert reason in page(admin, "/admin/surat?tahun=2027")
    assert reason not in page(admin, "/admin/surat?tahun=2026")


def test_the_register_lists_undated_letters_after_dated_ones_on_every_database(app, login_as):
    """Newest first by letter date: a letter never dated (returned before SRIKANDI dated it)
    sorted last on SQLite and MariaDB but first on PostgreSQL (NULLs sort high there); it is now
    last on all three."""
    h.srikandi_mode()
    fixed_clock(app, NEW_YEAR_NIGHT)
    undated = h.prepared_letter()
    undated.status, undated.revoked_reason = LetterStatus.DIBATALKAN, "Dikembalikan."
    board = undated.application.party.board_name
    dated = factories.issued_letter(number_text="200.1.5.3/007/BAN.KBP/2027")
    dated.letter_date = date(2027, 1, 4)
    db.session.commit()
    admin = login_as(factories.user(Role.SUPERADMIN))
    for path in ("/admin/surat", "/admin/surat?tahun=2027"):
        rows = page(admin, path).split("<tbody", 1)[1]
        assert rows.index(dated.number_text) < rows.index(board), rows
