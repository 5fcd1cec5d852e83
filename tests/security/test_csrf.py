"""CSRF-1: every POST route, called by an authorised user without a token, answers 400 and
changes nothing; with the token a rendered form carries it is not 400. Routes are enumerated from
the URL map, so a new route cannot slip through."""

from __future__ import annotations

import re

import sqlalchemy as sa

from sisakat.extensions import db
from tests.security.matrix import all_rows, build_world, first_allowed_role, rule_url


def _row_counts() -> dict[str, int]:
    return {
        t.name: db.session.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
        for t in db.metadata.sorted_tables
    }


TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def _rendered_token(client) -> str:
    """The CSRF token of a form rendered for this client's session (the login form for anonymous
    visitors, the logout button in the menu for everyone logged in)."""
    html = client.get("/akun/masuk", follow_redirects=True).get_data(as_text=True)
    found = TOKEN.search(html)
    assert found, "no rendered form carries a csrf_token"
    return found.group(1)


def test_every_post_without_token_is_refused(csrf_app, login_as):
    world = build_world()
    rows = all_rows()
    checked = 0
    for rule in csrf_app.url_map.iter_rules():
        if "POST" not in (rule.methods or ()):
            continue
        expect = rows[rule.endpoint]
        who = first_allowed_role(expect)
        user = world.users[who]
        client = login_as(user) if user is not None else csrf_app.test_client()
        url = rule_url(csrf_app, rule, world.args)
        before = _row_counts()
        response = client.post(url, data={})
        assert response.status_code == 400, f"{rule.endpoint} without CSRF token"
        assert _row_counts() == before, f"{rule.endpoint} changed data without a token"
        checked += 1
    assert checked >= 1


def test_every_post_with_a_rendered_token_is_not_refused(csrf_app, login_as):
    world = build_world()
    rows = all_rows()
    checked = 0
    for rule in csrf_app.url_map.iter_rules():
        if "POST" not in (rule.methods or ()):
            continue
        who = first_allowed_role(rows[rule.endpoint])
        user = world.users[who]
        client = login_as(user) if user is not None else csrf_app.test_client()
        token = _rendered_token(client)
        response = client.post(rule_url(csrf_app, rule, world.args), data={"csrf_token": token})
        response.close()
        assert response.status_code != 400, f"{rule.endpoint} refused a valid CSRF token"
        assert response.status_code < 500, f"{rule.endpoint}: {response.status_code}"
        checked += 1
    assert checked >= 1
