"""The Surat Keterangan Melapor names the ormas's legal document by its legal form.

Before: every ormas letter printed "Nomor SK Kemenkumham / SKT Kemendagri" (the profile form's
label, which must cover both), so an ormas without legal-entity status got a letter that
could be read as naming a Kemenkumham decree it does not hold, and the label wrapped over
three lines of the item column. The letter now says which document the number is: an SK
Kemenkumham for a legal entity, an SKT Kemendagri otherwise; a snapshot without a legal form
(stored before the form was required) keeps the label naming both."""

import pytest

from sisakat.models.requirement import ORMAS_LAPOR
from sisakat.pdf.skt import render_skt
from sisakat.services.letter_profile import sample_profile
from tests.pdf import helpers as h

NUMBER = "01-00-00/123/VI/2024"


@pytest.mark.parametrize(
    ("legal_form", "label", "other"),
    [
        ("berbadan_hukum", "Nomor SK Kemenkumham", "SKT Kemendagri"),
        ("tidak_berbadan_hukum", "Nomor SKT Kemendagri", "Kemenkumham"),
    ],
)
def test_the_letter_names_the_document_of_the_ormas_legal_form(legal_form, label, other):
    profile = sample_profile("ormas") | {"legal_form": legal_form, "legal_number": NUMBER}
    ctx = h.context(profile, settings=h.groups(ORMAS_LAPOR))
    lines = dict(ctx.fields)
    assert lines[label] == f"{NUMBER} tanggal 4 Maret 2024"
    assert not [name for name in lines if other in name]
    text = " ".join(h.pages_text(render_skt(ctx))[0].split())
    assert f"{label} : {NUMBER}" in text
    assert other not in text


def test_an_ormas_without_a_legal_form_keeps_the_label_naming_both():
    profile = sample_profile("ormas") | {"legal_form": "", "legal_number": NUMBER}
    lines = dict(h.context(profile, settings=h.groups(ORMAS_LAPOR)).fields)
    assert lines["Nomor SK Kemenkumham / SKT Kemendagri"] == f"{NUMBER} tanggal 4 Maret 2024"
