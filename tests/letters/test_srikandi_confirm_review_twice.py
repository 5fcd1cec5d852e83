"""A double click on "Konfirmasi dan Terbitkan" whose first click sent the upload to the super
admin's manual review (the signed letter did not match with the confirmed number): the second
click ran the review step again (a second audit entry, the warning again). It is now told,
calmly, that the upload already waits for review, and nothing changes."""

import re

from sisakat.extensions import db
from sisakat.models import AuditEvent, Letter, LetterStatus, Role
from sisakat.pdf.skt import render_skt
from sisakat.services import letters
from tests import factories
from tests.letters import helpers as h
from tests.letters.test_srikandi import _today
from tests.signing import pdfs

NUMBER = "200.1.5.3/79/BAN.KBP/2026"


def _signed_for_another_name(letter, pki) -> bytes:
    """SRIKANDI's letter with its number and date, printing a party name the letter was not
    drawn up for: no automatic match, a case for manual review."""
    inputs = letters.inputs_of(letter)
    profile = {**inputs["profile"], "party_name": "Partai Lain Sekali"}
    inputs = {**inputs, "profile": profile, "number_text": NUMBER, "issued_on": _today()}
    inputs["srikandi"] = False
    return pdfs.sign(render_skt(letters.context_of(inputs, token=letter.token)), pki.signer)


def _count(action: str) -> int:
    query = db.select(db.func.count(AuditEvent.id)).filter_by(action=action)
    return db.session.execute(query).scalar_one()


def test_a_second_confirm_after_the_first_went_to_review_changes_nothing(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    h.under_review(letter, _signed_for_another_name(letter, pki))  # as the first click left it
    candidate = letter.candidate_file_id
    client = login_as(factories.user(Role.PENANDATANGAN))
    form = {"candidate_id": str(candidate), "number": NUMBER, "letter_date": _today(), "scan": ""}
    second = client.post(f"/tte/surat/{letter.id}/konfirmasi", data=form)
    assert second.status_code == 302
    desk = client.get(second.headers["Location"]).get_data(as_text=True)
    # The desk's standing note on the office's example settings is no answer to the click.
    desk = re.sub(
        r'<div class="alert alert-warning" role="note" id="data-contoh">.*?</div>',
        "",
        desk,
        flags=re.S,
    )
    assert "alert-danger" not in desk
    assert "alert-warning" not in desk
    assert re.search(r"alert-info[^>]*>[^<]*sudah menunggu tinjauan manual", desk)
    letter = db.session.get(Letter, letter.id)
    assert (letter.status, letter.candidate_file_id) == (LetterStatus.PERLU_TINJAUAN, candidate)
    assert _count("letter.needs_review") == 0  # only the first click's (not made here) would be
    assert _count("letter.issue") == 0
