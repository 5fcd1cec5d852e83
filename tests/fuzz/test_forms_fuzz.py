"""FUZZ-1: every form, found from the URL map, never answers 500 to hostile input.

For each endpoint accepting POST, a user the access matrix allows posts Hypothesis-made values
(NUL and control characters, 10,000-character strings, bidi marks, emoji, markup, hostile files)
for the form's real field names, plus forged extra fields. GET filter forms get the same through
their query strings. Examples per test: ``SISAKAT_FUZZ_EXAMPLES`` (default 200).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sisakat.extensions import db
from sisakat.models import User
from tests.fuzz.formkit import (
    ALLOWED,
    EXTRA_QUERY,
    FUZZ_SETTINGS,
    Form,
    form_data,
    forms_on,
    post_fields,
    url_map_endpoints,
)
from tests.security.matrix import all_rows, build_world, first_allowed_role, rule_url

POST_ENDPOINTS = url_map_endpoints({"POST"})
GET_ENDPOINTS = url_map_endpoints({"GET"})


def _rule(app, endpoint: str):
    return next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)


def _client_factory(app, world, who: str, login_as):
    """A fresh client per example: an example may have logged the user out."""
    user = world.users[who]

    def client():
        if user is None:
            return app.test_client()
        db.session.expire_all()
        return login_as(db.session.get(User, user.id))

    return client


def _has_files(data: dict) -> bool:
    return any(isinstance(v, tuple) for v in data.values())


@pytest.mark.parametrize("endpoint", POST_ENDPOINTS)
def test_post_form_never_answers_500(app, login_as, endpoint):
    world = build_world()
    rule = _rule(app, endpoint)
    who = first_allowed_role(all_rows()[endpoint])
    assert who is not None, f"{endpoint}: no user kind may post here"
    url = rule_url(app, rule, world.args)
    client = _client_factory(app, world, who, login_as)
    form = post_fields(client(), url, "GET" in rule.methods)

    @FUZZ_SETTINGS
    @given(data=form_data(form))
    def post(data):
        kind = "multipart/form-data" if _has_files(data) else None
        response = client().post(url, data=data, content_type=kind)
        response.close()
        assert response.status_code in ALLOWED, f"{endpoint} as {who}: {response.status_code}"

    post()


def _get_forms(app, world, login_as):
    """(endpoint, url, client factory, form) for every GET form (filters) on a GET page."""
    rows = all_rows()
    found = []
    for endpoint in GET_ENDPOINTS:
        who = first_allowed_role(rows[endpoint])
        if who is None:
            continue
        url = rule_url(app, _rule(app, endpoint), world.args)
        client = _client_factory(app, world, who, login_as)
        for form in forms_on(client(), url):
            if form.method == "get" and form.fields:
                found.append((endpoint, url, client, form))
    return found


def _fuzz_query(endpoint: str, url: str, client, form: Form) -> None:
    """Hypothesis values for a GET form's fields (and the paging parameter) in the query, with
    forged parameters (``EXTRA_QUERY``), sent to its page and to each link inside the form (a
    list's XLSX and CSV exports read the same filters)."""
    paging = Form("get", url, {**form.fields, "halaman": "text", "page": "text"}, form.options)
    targets = [url, *sorted({urlsplit(link).path for link in form.links} - {urlsplit(url).path})]

    @FUZZ_SETTINGS
    @given(query=form_data(paging, extras=EXTRA_QUERY), target=st.sampled_from(targets))
    def get(query, target):
        response = client().get(target, query_string=query)
        response.close()
        assert response.status_code in ALLOWED, f"{target}?{query}: {response.status_code}"

    get()


def test_get_filter_forms_never_answer_500(app, login_as):
    world = build_world()
    forms = _get_forms(app, world, login_as)
    assert forms, "no GET filter form found (the user list has one)"
    for endpoint, url, client, form in forms:
        _fuzz_query(endpoint, url, client, form)


@pytest.mark.parametrize("value", ["0", "2147483648", "9223372036854775808", "9" * 40])
def test_out_of_range_ids_answer_404_not_500(app, login_as, value):
    world = build_world()
    rows = all_rows()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or not rule.arguments:
            continue
        expect = rows[rule.endpoint]
        who = first_allowed_role(expect) or "anon"  # nobody allowed: the anonymous answer
        client = _client_factory(app, world, who, login_as)()
        args = {k: (value if k.endswith("_id") else world.args[k]) for k in rule.arguments}
        url = rule_url(app, rule, args)
        response = client.open(url, method=expect.method)
        response.close()
        # Werkzeug answers 405 when the path matches another method's rule but the converter
        # refused the id: still a clean refusal, never a 500.
        assert response.status_code in ALLOWED | {405}, f"{url}: {response.status_code}"


def test_text_strategy_reaches_nul_and_long_values():
    """The strategy itself must produce what the suite promises (guards against a silent edit)."""
    from tests.fuzz.formkit import NASTY

    assert "\x00" in NASTY
    assert any(len(v) >= 10_000 for v in NASTY)
    assert any("\u202e" in v for v in NASTY)


def test_field_discovery_reads_real_field_names(app, login_as):
    """The fuzzer posts the names the page really uses (a parser break would fuzz nothing)."""
    world = build_world()
    anon = app.test_client()
    register = post_fields(anon, "/akun/daftar", serves_get=True)
    assert {"board_name", "email", "password", "confirm"} <= register.fields.keys()
    assert "auth.register" in POST_ENDPOINTS
    admin = login_as(world.users["superadmin"])
    url = f"/admin/pengguna/{world.args['user_id']}/nonaktifkan"
    assert "version" in post_fields(admin, url, serves_get=False).fields
    edit = post_fields(admin, f"/admin/pengguna/{world.args['user_id']}", serves_get=True)
    assert edit.options["role"] == ["verifikator", "penandatangan", "superadmin"]
    # A list's exports sit as links inside its GET form: the filters are fuzzed there too.
    register = next(f for f in forms_on(admin, "/admin/surat") if f.method == "get")
    assert {"q", "status", "tahun", "partai"} <= register.fields.keys()
    exports = {urlsplit(link).path for link in register.links}
    assert {"/admin/surat.xlsx", "/admin/surat.csv"} <= exports
