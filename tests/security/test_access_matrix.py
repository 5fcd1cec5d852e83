"""AC-1: every endpoint answered as expected for anonymous, two parties and each staff role."""

from __future__ import annotations

import pytest

from tests.security.matrix import LOGIN, OK, ROLES, all_rows, build_world, rule_url

SKIP = {"static"}


@pytest.fixture
def world(app):
    """Party A and B accounts, one user per staff role, and each area's objects."""
    return build_world()


def _check(response, expected, method: str, who: str, endpoint: str) -> None:
    where = f"{endpoint} as {who}: got {response.status_code}"
    assert response.status_code != 500, where
    if expected == LOGIN:
        assert response.status_code == 302, where
        assert "/akun/masuk" in response.headers["Location"], where
    elif expected == OK:
        allowed = {200} if method == "GET" else {200, 302, 303}
        assert response.status_code in allowed, where
        if response.status_code == 302:
            assert "/akun/masuk" not in response.headers["Location"], where
    else:
        assert response.status_code == expected, where


def test_every_endpoint_has_a_row(app):
    rows = all_rows()
    missing = sorted({r.endpoint for r in app.url_map.iter_rules()} - rows.keys() - SKIP)
    assert missing == [], f"endpoints without an access row: {missing}"


def test_access_matrix(app, world, login_as):
    rows = all_rows()
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIP:
            continue
        expect = rows[rule.endpoint]
        url = rule_url(app, rule, world.args) + expect.query
        for who in ROLES:
            user = world.users[who]
            client = login_as(user) if user is not None else app.test_client()
            response = client.open(url, method=expect.method)
            response.close()  # file downloads hold their file open until closed
            _check(response, expect.for_role(who), expect.method, who, rule.endpoint)
