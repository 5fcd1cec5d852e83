"""Text pasted from Word or a PDF carries spaces that look like spaces but are not: the
no-break space U+00A0 (Word's "Ketua Umum"), the narrow one U+202F, en and em spaces, the
ideographic space U+3000, and the zero-width space U+200B. Before, they were stored as typed:
a board whose "Ketua Umum" was pasted with U+00A0 had no Ketua (the board rule squashes plain
spaces only, in Python and SQL), and a requirement or a name carried characters nobody sees.
Every text field's filter (``text_cleaning.clean_text``) folds them to a plain space and drops
the zero-width ones, so what is stored, compared and printed on the letter is plain."""

from __future__ import annotations

import json
import sys
import unicodedata

from sisakat.extensions import db
from sisakat.models import Party, PartyOfficer, Requirement, Role
from sisakat.services.letters import profile_from_snapshot
from sisakat.services.workflow_guards import snapshot_profile
from sisakat.text_cleaning import clean_text
from tests.pdf import helpers as pdf
from tests.profile_data import profile_form
from tests.workflow_http import seed_requirements

PASTED = [  # (position, name) as pasted; every one names a required position
    ("Ketua\u00a0Umum", "Rina\u202fContoh, S.H."),
    ("Sekretaris\u2003Jenderal", "Dodi\u200b Contoh"),
    ("\u3000Bendahara\u2002", "Maya\u00a0Dewi\u00a0Contoh"),
]
STORED = [
    ("Ketua Umum", "Rina Contoh, S.H."),
    ("Sekretaris Jenderal", "Dodi Contoh"),
    ("Bendahara", "Maya Dewi Contoh"),
]


def test_every_unicode_space_folds_and_zero_width_ones_go():
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"]
    assert len(spaces) == 17
    for space in spaces:
        assert clean_text(f"Ketua{space}Umum") == "Ketua Umum", hex(ord(space))
    for gone in "\u200b\u2060\ufeff":
        assert clean_text(f"\ufeffRina{gone}Contoh") == "RinaContoh", hex(ord(gone))
    # what is no space stays: line breaks and tabs of a long text, joiners, letters, accents
    assert clean_text("Baris\u00a0satu\n\tbaris dua") == "Baris satu\n\tbaris dua"
    assert clean_text("Dodi\u200dContoh Ṣalih-Putri") == "Dodi\u200dContoh Ṣalih-Putri"


def test_a_board_pasted_from_word_counts_and_prints_as_typed(app, make, login_as):
    party = make.party()
    client = login_as(party.account)
    data = profile_form(party.version, officers=PASTED, reporter_name="Rina\u00a0Contoh")
    saved = client.post("/pemohon/profil", data=data)
    page = saved.get_data(as_text=True)
    assert "wajib diisi beserta namanya" not in page, "before: no pasted title filled a position"
    assert saved.status_code == 302
    db.session.expire_all()
    stored = db.session.execute(
        db.select(PartyOfficer.position, PartyOfficer.name)
        .filter_by(party_id=party.id)
        .order_by(PartyOfficer.id)
    ).all()
    assert [tuple(row) for row in stored] == STORED
    assert db.session.get(Party, party.id).reporter_name == "Rina Contoh"
    # the letter prints the board as stored: names, titles, commas and degrees untouched
    application = make.application(db.session.get(Party, party.id))
    profile = profile_from_snapshot(json.loads(snapshot_profile(application)))
    assert list(pdf.context(profile).board) == STORED


def test_a_requirement_name_pasted_with_unicode_spaces_is_stored_plain(app, make, login_as):
    seed_requirements()
    admin = login_as(make.user(Role.SUPERADMIN))
    typed = "Surat\u00a0kuasa\u200b pengurus\u3000"
    added = admin.post("/admin/persyaratan/baru", data={"name": typed, "active": "y"})
    assert added.status_code == 302
    names = db.session.execute(
        db.select(Requirement.name).where(Requirement.name.like("Surat%kuasa%"))
    ).scalars()
    assert list(names) == ["Surat kuasa pengurus"]
