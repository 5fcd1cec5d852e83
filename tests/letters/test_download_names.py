"""Download names follow the letter's own title: an ormas's Surat Keterangan Melapor is saved as
SKM-..., not as SKT-... (an ormas's SKT is a Kemendagri document; a file named SKT-... on an
ormas's disk reads as one)."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Letter, LetterStatus, Role
from sisakat.services import settings
from tests import factories
from tests.letters import helpers as h


def _filename(response) -> str:
    """The plain ``filename=`` of the answer's Content-Disposition (the answer is closed)."""
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    response.close()
    return disposition.split("filename=", 1)[1].split(";", 1)[0].strip('"')


def _issued(letter: Letter, pki, login_as) -> Letter:
    response = h.upload(login_as(factories.user(Role.SUPERADMIN)), letter, h.signed(letter, pki))
    assert response.status_code == 302
    letter = db.session.get(Letter, letter.id)
    assert letter.status == LetterStatus.BERLAKU
    return letter


def test_party_and_ormas_letters_are_named_by_their_own_title(app, login_as, pki):
    h.trust_office(pki)
    settings.update({"verification.allow_download": True}, actor=None)
    db.session.commit()
    party_letter = h.prepared_letter()
    ormas_letter = h.prepared_letter(factories.ormas())
    desk = login_as(factories.user(Role.PENANDATANGAN))
    names = {
        _filename(desk.get(f"/tte/surat/{ormas_letter.id}/pdf")),
        _filename(desk.get(f"/tte/surat/{ormas_letter.id}/konsep.docx")),
    }
    assert names == {f"skm-konsep-{ormas_letter.id}.pdf", f"skm-konsep-{ormas_letter.id}.docx"}
    assert _filename(desk.get(f"/tte/surat/{party_letter.id}/pdf")).startswith("skt-konsep-")
    for letter, stem in ((ormas_letter, "SKM"), (party_letter, "SKT")):
        letter = _issued(letter, pki, login_as)
        expected = f"{stem}-{letter.number_text.replace('/', '-')}.pdf"
        applicant = login_as(letter.application.party.account)
        assert _filename(applicant.get(f"/pemohon/skt/{letter.id}/unduh")) == expected
        public = app.test_client()
        assert _filename(public.get(f"/verifikasi/{letter.token}/unduh")) == expected
    assert expected.startswith("SKT-200.1.5.3-")
