"""A signed letter changed after signing is expected input at the upload-back, not a server
fault: the user reads the Indonesian refusal, the log gets one WARNING line naming the letter,
and pyHanko's "Error in diff operation" traceback reaches neither the log nor stderr."""

import logging

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from tests import factories
from tests.letters import helpers as h
from tests.signing import pdfs

REFUSAL = "Ada perubahan pada dokumen setelah ditandatangani."


def test_a_letter_changed_after_signing_logs_one_line_and_no_traceback(
    app, login_as, pki, caplog, capsys
):
    h.trust_office(pki)
    letter = h.prepared_letter()
    changed = pdfs.append_text(h.signed(letter, pki), "BERLAKU SELAMANYA")
    client = login_as(factories.user(Role.PENANDATANGAN))
    # As in the office without a log handler of its own for pyHanko: what reaches the root
    # logger is printed on stderr (Python's last-resort handler does the same).
    stderr = logging.StreamHandler()
    logging.getLogger().addHandler(stderr)
    caplog.set_level(logging.INFO)
    try:
        answer = h.upload(client, letter, changed)
    finally:
        logging.getLogger().removeHandler(stderr)
    assert answer.status_code == 302
    assert REFUSAL in client.get("/tte/").get_data(as_text=True)
    assert db.session.get(Letter, letter.id).status == LetterStatus.MENUNGGU_TTE
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "Error in diff operation" not in err
    assert not [r for r in caplog.records if r.exc_info]
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    line = warnings[0].getMessage()
    assert warnings[0].levelno == logging.WARNING
    assert f"letter {letter.id}" in line
    assert "\n" not in line
