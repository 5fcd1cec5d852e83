"""What a letter says is frozen at approval: the signing paths and the public verification page
take the signatory and the city from the letter, not from settings changed since."""

import io

import pytest
from pypdf import PdfReader

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role, SigningMethod
from sisakat.services import settings
from tests import factories
from tests.letters import helpers as h
from tests.pdf import helpers as pdfh
from tests.pki import P12_PASSPHRASE

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
    ("prefix", "behalf", "shown", "extra"),
    [
        ("Plt.", "", f"Plt. {POSITION}", {}),
        ("a.n.", "GUBERNUR SUMATERA SELATAN", f"a.n. GUBERNUR SUMATERA SELATAN, {POSITION}", {}),
        # The signatory page's a.n. advice: the region with the a.n. line, "SEKRETARIS," alone
        # (the public page showed "..., SEKRETARIS," with the letter's trailing comma).
        (
            "a.n.",
            POSITION,
            f"a.n. {POSITION}, SEKRETARIS",
            {"signatory.position": "SEKRETARIS,", "signatory.region_line": ""},
        ),
    ],
)
def test_a_scan_names_the_signatory_the_letter_prints(app, login_as, prefix, behalf, shown, extra):
    """Before: a scan was issued in the name of the signatory in the settings at upload time,
    without the a.n./Plt. line, so after a change of signatory the public page named someone
    the letter does not. Now the letter's frozen signatory, prefix and position are shown."""
    _set(
        {
            "signing.allow_scan": True,
            "signatory.prefix": prefix,
            "signatory.on_behalf_of": behalf,
            **extra,
        }
    )
    letter = h.prepared_letter()
    printed = _printed(letter)
    assert NAME in printed
    assert all(word in printed for word in shown.replace(",", "").split())
    _set(CHANGED)  # a new signatory after approval, before the scan comes back
    client = login_as(factories.user(Role.SUPERADMIN))
    h.upload(client, letter, factories.pdf_bytes("Pindaian bertanda tangan basah"), scan="y")
    said = client.get("/tte/").get_data(as_text=True)  # the flash, shown on the desk
    assert "Pindaian surat bertanda tangan basah diterima; surat telah terbit." in said
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert letter.signing_method == SigningMethod.SCAN
    assert (letter.signer_name, letter.signer_position) == (NAME, shown)
    page = app.test_client().get(f"/verifikasi/{letter.token}").get_data(as_text=True)
    assert f"{NAME}<br><small>{shown}</small>" in page
    assert "Pejabat Pengganti" not in page
    assert "SEKRETARIS BADAN" not in page


def _signature_value(signed: bytes, key: str) -> str:
    """A value of the signature dictionary (``/Location``, ``/Reason``) of the signed PDF."""
    for field in PdfReader(io.BytesIO(signed)).get_fields().values():
        if field.get("/FT") == "/Sig" and field.get("/V") is not None:
            return str(field["/V"].get_object().get(key) or "")
    raise AssertionError("no signature")


def test_in_app_signing_location_is_the_city_the_letter_prints(app, login_as, pki):
    """Before: the PAdES/BSrE signature's location was the city in the settings at signing
    time, so a letter dated "Palembang, ..." could carry a signature made "in" another city.
    Now the location is the letter's frozen place."""
    h.trust_office(pki)
    app.config["SIGNING_P12_PATH"] = str(pki.signer.p12_path)
    _set({"signing.backend": "pades"})
    letter = h.prepared_letter()
    assert "Palembang, " in _printed(letter)
    _set({"agency.city": "Balikpapan"})
    client = login_as(factories.user(Role.PENANDATANGAN))
    client.post(f"/tte/surat/{letter.id}/tandatangani", data={"passphrase": P12_PASSPHRASE})
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    assert _signature_value(h.signed_bytes(letter), "/Location") == "Palembang"


def test_public_page_names_the_agency_frozen_in_the_letter(app, login_as):
    """Before: an agency value left empty when the letter was approved was filled in from the
    settings on the public page, so a region set later appeared as the issuer of an older
    letter. Now the page shows the agency frozen in the letter, empty parts included."""
    _set({"signing.allow_scan": True, "agency.region": ""})
    letter = h.prepared_letter()
    _set({"agency.region": "KABUPATEN CONTOH BARU", "agency.name": "DINAS CONTOH BARU"})
    client = login_as(factories.user(Role.SUPERADMIN))
    h.upload(client, letter, factories.pdf_bytes("Pindaian bertanda tangan basah"), scan="y")
    assert db.session.get(Letter, letter.id).status == LetterStatus.BERLAKU
    page = app.test_client().get(f"/verifikasi/{letter.token}").get_data(as_text=True)
    assert "BADAN KESATUAN BANGSA DAN POLITIK</td>" in page
    assert "CONTOH BARU" not in page
