"""Some editors paste the Unicode line separator U+2028 and paragraph separator U+2029 where
a line break was. ``clean_text`` folded the Unicode spaces but kept these two: a one-line
field (a requirement's name) stored a break nobody typed as one, and a multi-line field (its
description) kept a character the page shows as no break at all. Both now fold to "\\n": the
one-line field refuses it through the single-line rule, the multi-line one keeps a line break."""

from __future__ import annotations

from sisakat.extensions import db
from sisakat.models import Requirement, Role
from sisakat.text_cleaning import clean_text
from tests.workflow_http import seed_requirements

URL = "/admin/persyaratan/baru"


def test_line_and_paragraph_separators_fold_to_a_line_break():
    assert clean_text("Baris satu\u2028baris dua\u2029baris tiga") == (
        "Baris satu\nbaris dua\nbaris tiga"
    )
    assert clean_text("\u2029Rina Contoh\u2028") == "Rina Contoh"
    assert clean_text("\u2028\u2029") == ""


def test_a_one_line_field_refuses_a_pasted_line_separator(app, make, login_as):
    seed_requirements()
    admin = login_as(make.user(Role.SUPERADMIN))
    response = admin.post(URL, data={"name": "Surat kuasa\u2028pengurus", "active": "y"})
    assert response.status_code == 200
    assert "Isian ini harus satu baris." in response.get_data(as_text=True)
    names = db.select(Requirement.name).where(Requirement.name.like("Surat kuasa%"))
    assert db.session.execute(names).first() is None


def test_a_multi_line_field_keeps_a_line_break(app, make, login_as):
    seed_requirements()
    admin = login_as(make.user(Role.SUPERADMIN))
    data = {"name": "Surat kuasa pengurus", "active": "y"}
    data["description"] = "Dipindai dari aslinya.\u2029Bukan fotokopi.\u2028Paling banyak 2 MB."
    assert admin.post(URL, data=data).status_code == 302
    stored = db.session.execute(
        db.select(Requirement.description).filter_by(name="Surat kuasa pengurus")
    ).scalar_one()
    assert stored == "Dipindai dari aslinya.\nBukan fotokopi.\nPaling banyak 2 MB."
