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


def _post_rules(csrf_app, login_as):
    """(endpoint, a client of the first role allowed to post there, its URL) for every POST
    rule of the URL map, so a new route is covered without touching this suite."""
    world = build_world()
    rows = all_rows()
    for rule in csrf_app.url_map.iter_rules():
        if "POST" not in (rule.methods or ()):
            continue
        user = world.users[first_allowed_role(rows[rule.endpoint])]
        client = login_as(user) if user is not None else csrf_app.test_client()
        yield rule.endpoint, client, rule_url(csrf_app, rule, world.args)


def test_every_post_without_token_is_refused(csrf_app, login_as):
    checked = 0
    for endpoint, client, url in _post_rules(csrf_app, login_as):
        before = _row_counts()
        response = client.post(url, data={})
        assert response.status_code == 400, f"{endpoint} without CSRF token"
        assert _row_counts() == before, f"{endpoint} changed data without a token"
        checked += 1
    assert checked >= 1


def test_every_post_with_a_rendered_token_is_not_refused(csrf_app, login_as):
    checked = 0
    for endpoint, client, url in _post_rules(csrf_app, login_as):
        response = client.post(url, data={"csrf_token": _rendered_token(client)})
        response.close()
        assert response.status_code != 400, f"{endpoint} refused a valid CSRF token"
        assert response.status_code < 500, f"{endpoint}: {response.status_code}"
        checked += 1
    assert checked >= 1


def test_an_expired_public_form_says_to_go_back_a_signed_in_form_to_reload(csrf_app, login_as):
    """Back keeps what a visitor typed on the complaint and survey forms (the page needs no
    login); a signed-in page whose session is gone is reached again only through a reload of
    that page, not of this one (which sent the old token again): before, 'muat ulang halaman'."""
    anonymous = csrf_app.test_client()
    for url in ("/pengaduan", "/survei"):
        page = anonymous.post(url, data={"body": "Isian yang panjang."})
        assert page.status_code == 400
        assert "Tekan tombol Kembali pada peramban" in page.get_data(as_text=True), url
    party = login_as(build_world().users["pemohon_a"])
    signed_in = party.post("/akun/kata-sandi", data={}).get_data(as_text=True)
    assert "salin isian yang masih diperlukan, lalu muat ulang halaman itu" in signed_in
    assert "isian Anda masih ada" not in signed_in
