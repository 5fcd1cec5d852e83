"""What a letter says is frozen at approval: the signing paths and the public verification page
take the signatory from the letter, not from settings changed since."""

import pytest

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role, SigningMethod
from sisakat.services import settings
from tests import factories
from tests.letters import helpers as h
from tests.pdf import helpers as pdfh

NAME = "Dr. Contoh Pejabat, M.Si."  # the built-in signatory the letters below print
POSITION = "KEPALA BADAN KESATUAN BANGSA DAN POLITIK PROVINSI SUMATERA SELATAN"
CHANGED = {
    "signatory.name": "Drs. Pejabat Pengganti, M.M.",
    "signatory.prefix": "",
    "signatory.on_behalf_of": "",
    "signatory.position": "SEKRETARIS BADAN",
}


def _set(values: dict) -> None:
    settings.update(values, actor=None)
    db.session.commit()


def _printed(letter: Letter) -> str:
    """The unsigned letter's text on one line."""
    return " ".join(" ".join(pdfh.pages_text(h.unsigned(letter))).split())


@pytest.mark.parametrize(
    ("prefix", "behalf", "shown"),
    [
        ("Plt.", "", f"Plt. {POSITION}"),
        ("a.n.", "GUBERNUR SUMATERA SELATAN", f"a.n. GUBERNUR SUMATERA SELATAN, {POSITION}"),
    ],
)
def test_a_scan_names_the_signatory_the_letter_prints(app, login_as, prefix, behalf, shown):
    """Before: a scan was issued in the name of the signatory in the settings at upload time,
    without the a.n./Plt. line, so after a change of signatory the public page named someone
    the letter does not. Now the letter's frozen signatory, prefix and position are shown."""
    _set({"signing.allow_scan": True, "signatory.prefix": prefix, "signatory.on_behalf_of": behalf})
    letter = h.prepared_letter()
    printed = _printed(letter)
    assert NAME in printed
    assert all(word in printed for word in shown.replace(",", "").split())
    _set(CHANGED)  # a new signatory after approval, before the scan comes back
    client = login_as(factories.user(Role.SUPERADMIN))
    h.upload(client, letter, factories.pdf_bytes("Pindaian bertanda tangan basah"), scan="y")
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.signing_method == SigningMethod.SCAN
    assert (letter.signer_name, letter.signer_position) == (NAME, shown)
    page = app.test_client().get(f"/verifikasi/{letter.token}").get_data(as_text=True)
    assert f"{NAME}<br><small>{shown}</small>" in page
    assert "Pejabat Pengganti" not in page
    assert "SEKRETARIS BADAN" not in page
