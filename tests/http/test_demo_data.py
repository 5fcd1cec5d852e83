"""``flask demo-data``: fictional staff and complete party profiles, once, and one submitted
example application that the verifier finds in the queue."""

import re

from sisakat.extensions import db
from sisakat.models import Application, ApplicationStatus, Party, Role, User
from sisakat.services import demo, documents, storage
from sisakat.services.parties import profile_problems
from sisakat.services.passwords import verify_password


def test_demo_data_creates_accounts_once_with_printed_passwords(app, runner):
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output
    users = {u.username: u for u in db.session.execute(db.select(User)).scalars()}
    assert sorted(users) == sorted(demo.usernames())
    roles = sorted(u.role.value for u in users.values())
    assert roles == ["pemohon", "pemohon", "pemohon", "pemohon", "penandatangan", "verifikator"]
    assert Role.SUPERADMIN not in {u.role for u in users.values()}
    for username, user in users.items():
        line = re.search(rf"{username}\s+(\S+)", result.output)
        assert verify_password(user.password_hash, line.group(1))
    parties = list(db.session.execute(db.select(Party)).scalars())
    assert len(parties) == 4
    kinds = sorted(p.kind.value for p in parties)
    assert kinds == ["ormas", "parpol", "parpol", "parpol"]
    assert all(profile_problems(p) == [] for p in parties)
    assert all(p.logo.content_type == "image/png" for p in parties)
    again = runner.invoke(args=["demo-data"])
    assert again.exit_code == 1
    assert "Data demo sudah ada" in again.output
    assert db.session.execute(db.select(db.func.count(User.id))).scalar_one() == 6


def test_demo_data_submits_an_example_application_with_real_pdfs(app, runner, login_as):
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output
    example = db.session.execute(db.select(Application)).scalar_one()
    assert example.status == ApplicationStatus.DIAJUKAN
    assert example.party.account.username == "demo-pcm"
    assert f"Permohonan contoh #{example.id} ({example.party.board_name})" in result.output
    required = [state for state in documents.checklist(example) if state.requirement.required]
    assert required, "the default requirement list was not loaded"
    for state in required:
        (document,) = state.versions
        assert storage.read_bytes(document.stored_file).startswith(b"%PDF-")
        assert document.page_count == 1
        assert document.stored_file.display_name.startswith("contoh-")
    verifier = db.session.execute(db.select(User).filter_by(username="demo-verifikator"))
    queue = login_as(verifier.scalar_one()).get("/petugas/").get_data(as_text=True)
    assert example.party.board_name in queue
    assert "1 permohonan" in queue


def test_demo_boards_at_a_kabupaten_office_are_its_own_dpc_boards(app, runner):
    # Before: a regency office's demo data held a Provinsi board and a Kota Palembang one, which
    # that office never registers (office.board_levels) and whose profiles it then refuses.
    from sisakat.models import ApplicantKind, Level
    from sisakat.services import office, settings

    settings.update({"agency.region": "KABUPATEN CONTOH ILIR"}, actor=None)
    db.session.commit()
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output
    parties = db.select(Party).filter_by(kind=ApplicantKind.PARPOL)
    boards = db.session.execute(parties).scalars().all()
    assert len(boards) == 3
    for party in boards:
        assert party.level == Level.KABUPATEN
        assert office.level_problem(party.level) is None
        assert party.board_name.startswith("DPC ")
        assert party.board_name.endswith("Kabupaten Contoh Ilir")
        assert party.region_name == party.city == "Kabupaten Contoh Ilir"
        assert profile_problems(party) == []
