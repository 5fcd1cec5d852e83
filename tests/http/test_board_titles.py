"""Board titles as boards write them: "Ketua Umum / Sekretaris Jenderal / Bendahara Umum" fill
the required positions (profile save, submission, the ormas registry, the similar-ormas check);
"Wakil Ketua", "Ketua Bidang ..." and "Ketua Harian" do not. A board listing "Ketua Umum" was
refused with "Jabatan Ketua wajib diisi beserta namanya." though it had filled it in."""

import re

import pytest

from sisakat.extensions import db
from sisakat.models import Action, ApplicationStatus, PartyOfficer
from sisakat.services import duplicates, numbering, ormas_registry, parties, workflow
from tests.images_util import png_bytes
from tests.profile_data import ormas_form, profile_form, with_file

URL = "/pemohon/profil"
CENTRAL_BOARD = [
    ("Ketua Umum", "Rina Contoh"),
    ("Wakil Ketua Umum", "Agus Contoh"),
    ("Sekretaris Jenderal", "Dodi Contoh"),
    ("Bendahara Umum", "Maya Contoh"),
]


def _submit(application, owner):
    version = application.version
    workflow.apply(application, Action.AJUKAN, actor=owner.account, seen_version=version)
    db.session.commit()
    assert application.status == ApplicationStatus.DIAJUKAN


def test_party_board_with_ketua_umum_saves_and_submits(app, make, login_as):
    party = make.party()
    application = make.application(party)
    client = login_as(party.account)
    data = with_file(profile_form(party.version, officers=CENTRAL_BOARD), png_bytes())
    assert client.post(URL, data=data).status_code == 302
    db.session.refresh(party)
    assert [(o.position, o.name) for o in party.officers] == CENTRAL_BOARD  # printed as typed
    assert parties.profile_problems(party) == []
    page = client.get(URL).get_data(as_text=True)
    inputs = re.findall(r'<input[^>]*id="officers-\d+-position"[^>]*>', page)
    shown = [re.search(r'value="([^"]*)"', i) for i in inputs]
    titles = [m.group(1) for m in shown if m and m.group(1)]
    assert titles == [p for p, _ in CENTRAL_BOARD]  # no blank "Ketua" row beside "Ketua Umum"
    _submit(application, party)


def test_ormas_with_general_titles_in_any_case_and_spacing_saves_and_submits(app, make, login_as):
    ormas = make.ormas()
    application = make.application(ormas)
    client = login_as(ormas.account)
    board = [("ketua  umum", "Hadi Contoh"), ("SEKRETARIS UMUM", "Lina Contoh"),
             ("Bendahara Umum", "Tono Contoh")]  # fmt: skip
    assert client.post(URL, data=ormas_form(ormas.version, officers=board)).status_code == 302
    db.session.refresh(ormas)
    assert [o.position for o in ormas.officers] == [p for p, _ in board]
    assert parties.profile_problems(ormas) == []
    _submit(application, ormas)


@pytest.mark.parametrize("title", ["Wakil Ketua", "Ketua Bidang Organisasi", "Ketua Harian"])
def test_a_deputy_or_field_chair_alone_is_refused_naming_the_titles_that_count(
    app, make, login_as, title
):
    party = make.party()
    before = party.version
    client = login_as(party.account)
    board = [(title, "Rina Contoh"), ("Sekretaris", "Dodi Contoh"), ("Bendahara", "Maya Contoh")]
    response = client.post(URL, data=profile_form(party.version, officers=board))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Jabatan Ketua atau Ketua Umum wajib diisi beserta namanya." in page
    assert f'value="{title}"' in page  # nothing typed is lost
    db.session.refresh(party)
    assert party.version == before
    party.officers[0].position = title
    db.session.commit()
    assert "Susunan pengurus: Ketua atau Ketua Umum belum diisi." in parties.profile_problems(party)


def _general_ormas(make, **fields):
    ormas = make.ormas(**fields)
    ormas.officers[0].position = "Ketua Umum"
    ormas.officers.append(PartyOfficer(position="Wakil Ketua", name="Wawan Wakil"))
    db.session.commit()
    return ormas


def test_registry_chair_column_and_search_find_a_ketua_umum(app, make):
    ormas = _general_ormas(make, party_name="Ikatan Umum Contoh", chair="Hadi Umum")
    today = numbering.office_today()
    rows = ormas_registry.every_row(ormas_registry.OrmasFilter(search="hadi umum"), today)
    assert [(r.party.id, r.chair) for r in rows] == [(ormas.id, "Hadi Umum")]
    assert ormas_registry.every_row(ormas_registry.OrmasFilter(search="wawan"), today) == []


def test_similar_ormas_finds_the_same_ketua_umum(app, make):
    first = _general_ormas(make, party_name="Ikatan Pertama Contoh", chair="Hadi Umum")
    second = _general_ormas(make, party_name="Lembaga Kedua Lain", chair="Hadi Umum")
    found = duplicates.similar_ormas(name="Sama Sekali Lain", chair="Hadi Umum")
    assert {(s.party_id, s.reasons) for s in found} == {
        (first.id, ("ketua sama",)),
        (second.id, ("ketua sama",)),
    }
    assert [s.party_id for s in duplicates.similar_to(second)] == [first.id]
    assert duplicates.similar_ormas(name="Sama Sekali Lain", chair="Wawan Wakil") == []


def test_an_accented_look_alike_counts_nowhere(app, make):
    """MariaDB's accent-blind collation must not count "Kétua Umum" where Python does not."""
    ormas = make.ormas(chair="Hadi Aksen")
    ormas.officers[0].position = "Kétua Umum"
    db.session.commit()
    assert "Susunan pengurus: Ketua atau Ketua Umum belum diisi." in parties.profile_problems(ormas)
    today = numbering.office_today()
    assert ormas_registry.every_row(ormas_registry.OrmasFilter(search="hadi aksen"), today) == []
    assert duplicates.similar_ormas(name="Sama Sekali Lain", chair="Hadi Aksen") == []
