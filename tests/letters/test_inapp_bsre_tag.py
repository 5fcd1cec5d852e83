"""BSrE in-app signing placed by marker (``SISAKAT_BSRE_TAG_KOORDINAT``): a letter drawn while
the option is set prints the marker and is signed by it, through the routes, on API v1 and v2;
a letter drawn before it keeps the coordinates."""

import pytest

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from sisakat.services import settings
from tests import factories
from tests.fakes import bsre as fake_module
from tests.letters import helpers as h
from tests.pdf.helpers import pages_text

MARKER = "[qr_bsre]"


def _bsre(app, fake, pki, version):
    h.trust_office(pki)
    app.config.update(
        BSRE_BASE_URL=fake.url,
        BSRE_USERNAME=fake_module.USERNAME,
        BSRE_PASSWORD=fake_module.PASSWORD,
        BSRE_API_VERSION=version,
    )
    settings.update({"signing.backend": "bsre"}, actor=None)
    db.session.commit()
    return factories.user(Role.PENANDATANGAN, nik=fake_module.NIK)


def _sign(client, letter):
    path = f"/tte/surat/{letter.id}/tandatangani"
    return client.post(path, data={"passphrase": fake_module.PASSPHRASE}).get_data(as_text=True)


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_a_letter_drawn_with_the_marker_is_signed_by_it(app, login_as, pki, fake_bsre, version):
    signer = _bsre(app, fake_bsre, pki, version)
    app.config["BSRE_TAG_KOORDINAT"] = MARKER
    letter = h.prepared_letter()
    assert "".join(pages_text(h.unsigned(letter))).count(MARKER) == 1
    assert "berhasil" in _sign(login_as(signer), letter)
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU
    assert fake_bsre.requests[-1]["tag"] == MARKER


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_a_letter_drawn_before_the_marker_was_set_keeps_the_coordinates(
    app, login_as, pki, fake_bsre, version
):
    signer = _bsre(app, fake_bsre, pki, version)
    before = h.prepared_letter()
    assert MARKER not in "".join(pages_text(h.unsigned(before)))
    app.config["BSRE_TAG_KOORDINAT"] = MARKER
    assert "berhasil" in _sign(login_as(signer), before)
    assert db.session.get(Letter, before.id).status == LetterStatus.BERLAKU
    assert fake_bsre.requests[-1]["tag"] is None  # placed by page and position


def test_without_the_option_or_off_the_bsre_path_no_marker_is_printed(app, pki, fake_bsre):
    _bsre(app, fake_bsre, pki, "v1")
    assert MARKER not in "".join(pages_text(h.unsigned(h.prepared_letter())))
    app.config["BSRE_TAG_KOORDINAT"] = MARKER
    settings.update({"signing.backend": "srikandi"}, actor=None)  # upload-back: no marker
    db.session.commit()
    assert MARKER not in "".join(pages_text(h.unsigned(h.prepared_letter())))


def test_a_marker_the_letter_also_holds_elsewhere_falls_back_to_coordinates(
    app, login_as, pki, fake_bsre
):
    """A one-character marker ("#", what newer Esign versions take) in a party's name could
    draw the signature over the name; such a letter is placed by coordinates instead."""
    signer = _bsre(app, fake_bsre, pki, "v1")
    app.config["BSRE_TAG_KOORDINAT"] = "#"
    letter = h.prepared_letter(factories.party(party_name="Partai Contoh #1"))
    assert "".join(pages_text(h.unsigned(letter))).count("#") == 2
    assert "berhasil" in _sign(login_as(signer), letter)
    assert fake_bsre.requests[-1]["tag"] is None
