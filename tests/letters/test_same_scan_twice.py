"""Found in QA: a wet-signed scan (an image, no text layer) is checked for nothing that ties it
to its letter, so the head who picked the same scan file again for the next letter on the desk
issued that letter with the first letter's scan: its party downloaded another party's letter,
and its QR page showed that letter. The very same file already kept for another letter is
refused, naming that letter; the letter stays at the desk."""

import pytest

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from sisakat.services import settings
from tests import factories
from tests.letters import helpers as h


@pytest.mark.parametrize("srikandi", [False, True])
def test_the_scan_kept_for_another_letter_is_refused(app, login_as, srikandi):
    if srikandi:  # the first scan waits for its SRIKANDI number as the letter's candidate
        h.srikandi_mode(scans=True)
    else:  # SISAKAT numbers: the first scan issues its letter at once
        settings.update({"signing.allow_scan": True}, actor=None)
        db.session.commit()
    first, second = h.prepared_letter(), h.prepared_letter()
    scan = factories.pdf_bytes("Pindaian surat bertanda tangan basah")
    client = login_as(factories.user(Role.PENANDATANGAN))
    h.upload(client, first, scan, scan="y")
    db.session.expire_all()
    first = db.session.get(Letter, first.id)
    assert (first.signed_file_id or first.candidate_file_id) is not None

    answer = h.upload(client, second, scan, scan="y")
    html = client.get("/tte/").get_data(as_text=True) if answer.status_code == 302 else answer.text
    assert "sudah diunggah untuk surat" in html
    db.session.expire_all()
    second = db.session.get(Letter, second.id)
    assert second.status == LetterStatus.MENUNGGU_TTE
    assert (second.signed_file_id, second.candidate_file_id) == (None, None)

    other = factories.pdf_bytes("Pindaian surat kedua yang lain")
    h.upload(client, second, other, scan="y")  # its own scan still goes through
    db.session.expire_all()
    second = db.session.get(Letter, second.id)
    assert (second.signed_file_id or second.candidate_file_id) is not None
