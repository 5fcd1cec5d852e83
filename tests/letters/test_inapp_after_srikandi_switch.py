"""The office switched numbering to SRIKANDI while letters drawn with a SISAKAT number still
wait: those keep their in-app signing (docs/letters.md: only a letter without a number cannot
be signed in-app); the unnumbered ones say why on their row, and the server still refuses them."""

import re

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role, SigningMethod
from sisakat.services import settings
from tests import factories
from tests.letters import helpers as h
from tests.pki import P12_PASSPHRASE

NO_NUMBER_NOTE = "Belum bernomor: tandatangani di SRIKANDI lalu unggah kembali."


def _letters(app, pki):
    h.trust_office(pki)
    app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    settings.update({"signing.backend": "pades"}, actor=None)
    db.session.commit()
    numbered = h.prepared_letter()
    h.srikandi_mode()
    return numbered, h.prepared_letter()


def _row(page: str, letter: Letter) -> str:
    start = page.index(f"/tte/surat/{letter.id}/pdf")
    end = page.index("</tr>", start)
    return page[page.rindex("<tr>", 0, start) : end]


def test_a_numbered_letter_is_still_offered_in_app_after_the_switch(app, login_as, pki):
    numbered, unnumbered = _letters(app, pki)
    assert numbered.number_text
    assert unnumbered.number_id is None
    client = login_as(factories.user(Role.PENANDATANGAN))
    page = client.get("/tte/").get_data(as_text=True)
    row = _row(page, numbered)
    assert f'name="letter_ids" value="{numbered.id}"' in row
    assert f"/tte/surat/{numbered.id}/tandatangani" in row
    assert "Tandatangani yang dipilih" in page
    other = _row(page, unnumbered)
    assert 'name="letter_ids"' not in other
    assert "/tandatangani" not in other
    assert NO_NUMBER_NOTE in other
    answer = client.post(
        f"/tte/surat/{numbered.id}/tandatangani", data={"passphrase": P12_PASSPHRASE}
    )
    assert "1 dari 1 surat berhasil" in answer.get_data(as_text=True)
    letter = db.session.get(Letter, numbered.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.signing_method == SigningMethod.PADES


def test_the_server_still_refuses_an_unnumbered_letter(app, login_as, pki):
    _numbered, unnumbered = _letters(app, pki)
    client = login_as(factories.user(Role.PENANDATANGAN))
    answer = client.post(
        f"/tte/surat/{unnumbered.id}/tandatangani", data={"passphrase": P12_PASSPHRASE}
    )
    body = re.sub(r"\s+", " ", answer.get_data(as_text=True))
    assert "Surat belum bernomor (penomoran SRIKANDI); gunakan unggah kembali." in body
    assert db.session.get(Letter, unnumbered.id).status == LetterStatus.MENUNGGU_TTE
