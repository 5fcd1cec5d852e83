"""CSRF-1: every POST route, called by an authorised user without a token, answers 400 and
changes nothing. Routes are enumerated from the URL map, so a new route cannot slip through."""

from __future__ import annotations

import sqlalchemy as sa

from sisakat.extensions import db
from sisakat.models import Role
from tests.security.matrix import OK, ROLES, World, all_rows, area_modules


def _row_counts() -> dict[str, int]:
    return {
        t.name: db.session.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
        for t in db.metadata.sorted_tables
    }


def test_every_post_without_token_is_refused(csrf_app, make, login_as):
    world = World()
    party_a, party_b = make.party(), make.party()
    world.users = {
        "anon": None,
        "pemohon_a": party_a.account,
        "pemohon_b": party_b.account,
        "verifikator": make.user(Role.VERIFIKATOR),
        "penandatangan": make.user(Role.PENANDATANGAN),
        "superadmin": make.user(Role.SUPERADMIN),
    }
    world.args.update(party_a=party_a, party_b=party_b)
    for module in area_modules():
        if hasattr(module, "setup"):
            module.setup(world)
    rows = all_rows()
    checked = 0
    for rule in csrf_app.url_map.iter_rules():
        if "POST" not in (rule.methods or ()):
            continue
        expect = rows[rule.endpoint]
        who = next(r for r in ROLES if expect.for_role(r) == OK)
        user = world.users[who]
        client = login_as(user) if user is not None else csrf_app.test_client()
        with csrf_app.test_request_context():
            from flask import url_for

            url = url_for(rule.endpoint, **{k: world.args[k] for k in rule.arguments})
        before = _row_counts()
        response = client.post(url, data={})
        assert response.status_code == 400, f"{rule.endpoint} without CSRF token"
        assert _row_counts() == before, f"{rule.endpoint} changed data without a token"
        checked += 1
    assert checked >= 1
