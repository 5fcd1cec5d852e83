"""``flask demo-data``: fictional staff and complete party profiles, once."""

import re

from sisakat.extensions import db
from sisakat.models import Party, Role, User
from sisakat.services import demo
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
