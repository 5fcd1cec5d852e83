"""A SRIKANDI number is one number however it is typed: "200.1.5.3 / 77 / BAN.KBP / 2026" or
"ban.kbp" in lower case was registered beside "200.1.5.3/77/BAN.KBP/2026" as a second letter
with the same printed number (the register compared the exact text only)."""

from datetime import date

import pytest

from sisakat.exceptions import NumberConflict
from sisakat.extensions import db
from sisakat.models import Letter, LetterNumber, LetterStatus, Role
from sisakat.services import numbering
from tests import factories
from tests.letters import helpers as h
from tests.letters.test_srikandi import _confirm
from tests.letters.test_srikandi_typed_number import _scan_confirm_page

NUMBER = "200.1.5.3/77/BAN.KBP/2026"
VARIANTS = (
    "200.1.5.3 / 77 / BAN.KBP / 2026",
    "200.1.5.3/77/ban.kbp/2026",
    "200.1.5.3/ 77/Ban.Kbp/2026",
)
DAY = date(2026, 6, 1)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_register_refuses_the_same_number_spaced_or_in_another_case(app, variant):
    numbering.register_external("skt", NUMBER, local_date=DAY, actor=None)
    with pytest.raises(NumberConflict, match=f"{NUMBER} sudah terdaftar"):
        numbering.register_external("skt", variant, local_date=DAY, actor=None)


def test_the_register_refuses_a_srikandi_number_our_counter_gave_in_another_case(app):
    ours = numbering.allocate("skt", local_date=DAY, actor=None)
    with pytest.raises(NumberConflict, match="sudah terdaftar"):
        numbering.register_external("skt", ours.number_text.lower(), local_date=DAY, actor=None)


def test_a_scan_typed_with_spaces_is_refused_keeping_the_letter_waiting(app, login_as):
    h.srikandi_mode(scans=True)
    first, second = h.prepared_letter(), h.prepared_letter()
    client = login_as(factories.user(Role.SUPERADMIN))
    assert _confirm(client, first, _scan_confirm_page(client, first), NUMBER).status_code == 302
    answer = _confirm(client, second, _scan_confirm_page(client, second), VARIANTS[0])
    assert answer.status_code == 200
    assert f"Nomor surat {NUMBER} sudah terdaftar" in answer.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Letter, second.id).status == LetterStatus.MENUNGGU_TTE
    assert len(db.session.execute(db.select(LetterNumber)).all()) == 1
