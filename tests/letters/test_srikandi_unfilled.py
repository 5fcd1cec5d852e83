"""SRIKANDI numbering: a letter signed before SRIKANDI put in its number and date (the PDF still
prints ``${nomor_naskah}`` and ``${tgl_naskah}``) matched tier A (our exact bytes plus a
signature), the desk asked for the number, and the party got a Berlaku letter reading
"Nomor : ${nomor_naskah}" and "Palembang, ${tgl_naskah}". Now it is refused, nothing stored."""

import re

from sisakat.extensions import db
from sisakat.models import FileKind, Letter, LetterStatus, Role, StoredFile
from sisakat.services import numbering, storage
from tests import factories
from tests.letters import helpers as h
from tests.pdf import helpers as pdfh

REFUSED = "belum diisi SRIKANDI"


def _letter_files() -> int:
    kinds = (FileKind.LETTER_SIGNED, FileKind.SIGNED_CANDIDATE)
    return len(db.session.execute(db.select(StoredFile).where(StoredFile.kind.in_(kinds))).all())


def test_a_signed_letter_still_printing_the_srikandi_placeholders_is_refused(app, login_as, pki):
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    assert "${nomor_naskah}" in " ".join(pdfh.pages_text(h.unsigned(letter)))
    client = login_as(factories.user(Role.PENANDATANGAN))
    answer = h.upload(client, letter, h.signed(letter, pki))
    html = client.get("/tte/").get_data(as_text=True) if answer.status_code == 302 else answer.text
    assert REFUSED in html
    assert "${nomor_naskah}" in html
    assert 'name="candidate_id"' not in html  # no number asked for
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert (letter.status, letter.candidate_file_id) == (LetterStatus.MENUNGGU_TTE, None)
    assert _letter_files() == 0


def test_confirming_a_number_for_such_an_upload_issues_nothing(app, login_as, pki):
    """An upload kept before the rule (or a forged form): confirming it refuses too."""
    h.trust_office(pki)
    h.srikandi_mode()
    letter = h.prepared_letter()
    row = storage.save_bytes(
        h.signed(letter, pki),
        kind=FileKind.SIGNED_CANDIDATE,
        content_type="application/pdf",
        display_name="skt-ttd.pdf",
        uploaded_by=None,
    )
    letter.candidate_file_id = row.id
    db.session.commit()
    client = login_as(factories.user(Role.PENANDATANGAN))
    data = {
        "candidate_id": str(row.id),
        "scan": "",
        "number": "200.1.5.3/79/BAN.KBP/2026",
        "letter_date": numbering.office_today().isoformat(),
    }
    answer = client.post(f"/tte/surat/{letter.id}/konfirmasi", data=data)
    assert answer.status_code == 200
    assert REFUSED in answer.text
    assert re.search(r'name="number"[^>]*value="200.1.5.3/79/BAN.KBP/2026"', answer.text)
    db.session.expire_all()
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.MENUNGGU_TTE
    assert letter.number_id is None
