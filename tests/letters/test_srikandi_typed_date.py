"""SRIKANDI mode: the date confirmed on the confirm page becomes the register's and the public
page's letter date. It was stored as typed, never compared with the signed letter: a slip (or a
wrong guess by the date reader, corrected the wrong way) left the public check showing a date
other than the one on the signed PDF. A date differing from the signed letter's place-and-date
line is now refused beside the date field, the upload kept; the printed date is accepted."""

import re
from datetime import date, datetime

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from sisakat.pdf.skt import render_skt
from sisakat.services import letters
from tests import factories
from tests.letters import helpers as h
from tests.signing import pdfs

NUMBER = "200.1.5.3/92/BAN.KBP/2026"


def test_a_date_other_than_the_printed_one_is_refused(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    app.config["CLOCK"] = lambda: datetime(2026, 6, 1, 2, 0)  # approved on 1 June
    letter = h.prepared_letter()
    app.config["CLOCK"] = lambda: datetime(2026, 6, 5, 2, 0)  # SRIKANDI signs on 5 June
    inputs = {**letters.inputs_of(letter), "number_text": NUMBER, "issued_on": "2026-06-05"}
    inputs["srikandi"] = False
    signed = pdfs.sign(render_skt(letters.context_of(inputs, token=letter.token)), pki.signer)
    client = login_as(factories.user(Role.PENANDATANGAN))
    page = h.upload(client, letter, signed).get_data(as_text=True)
    candidate = re.search(r'name="candidate_id" type="hidden" value="(\d+)"', page).group(1)
    data = {"candidate_id": candidate, "number": NUMBER, "letter_date": "2026-06-01"}
    answer = client.post(f"/tte/surat/{letter.id}/konfirmasi", data=data).get_data(as_text=True)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert letter.letter_date is None
    assert "5 Juni 2026" in answer
    assert 'value="2026-06-01"' in answer  # what was typed stays in the form
    data["letter_date"] = "2026-06-05"
    client.post(f"/tte/surat/{letter.id}/konfirmasi", data=data)
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.letter_date == date(2026, 6, 5)
