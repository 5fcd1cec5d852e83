"""A double click on "Konfirmasi dan Terbitkan" (SRIKANDI's number confirmed after upload-back):
the letter is issued once, and the second answer takes the user where the first goes with a
calm note that the letter is already issued, not an error above the form."""

import re

from sisakat.extensions import db
from sisakat.models import AuditEvent, Letter, LetterNumber, LetterStatus, Role
from tests import factories
from tests.letters import helpers as h
from tests.letters.test_srikandi import _srikandi_signed, _today

NUMBER = "200.1.5.3/78/BAN.KBP/2026"


def _confirm_form(page: str) -> dict:
    candidate = re.search(r'name="candidate_id" type="hidden" value="(\d+)"', page).group(1)
    return {"candidate_id": candidate, "number": NUMBER, "letter_date": _today(), "scan": ""}


def test_a_second_confirm_goes_to_the_desk_saying_the_letter_is_issued(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    client = login_as(factories.user(Role.PENANDATANGAN))
    page = h.upload(client, letter, _srikandi_signed(letter, pki, NUMBER)).get_data(as_text=True)
    form = _confirm_form(page)
    url = f"/tte/surat/{letter.id}/konfirmasi"
    first = client.post(url, data=form)
    second = client.post(url, data=form)
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"] == first.headers["Location"]
    desk = client.get(second.headers["Location"]).get_data(as_text=True)
    assert "alert-danger" not in desk
    assert re.search(r"alert-info[^>]*>[^<]*sudah terbit", desk)
    assert NUMBER in desk
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert db.session.execute(db.select(db.func.count(LetterNumber.id))).scalar_one() == 1
    issues = db.select(db.func.count(AuditEvent.id)).filter_by(action="letter.issue")
    assert db.session.execute(issues).scalar_one() == 1
