"""HDR-1 and AUTH-2 in hosted mode: every kind of response carries the production headers, HSTS
behind TLS only, cookies are Secure, and a foreign Host header is refused."""

from __future__ import annotations

import pytest

from sisakat.extensions import db
from tests.conftest import make_app

HOST = "sisakat.kesbangpol.example.test"
TLS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}


@pytest.fixture
def hosted_app(tmp_path, template_db):
    """Production-like settings: one trusted proxy, trusted hosts, secure cookies, CSRF on."""
    app = make_app(
        tmp_path,
        template_db,
        TRUSTED_PROXY_COUNT=1,
        TRUSTED_HOSTS=f"{HOST}, www.{HOST}",
        SESSION_COOKIE_SECURE=True,
        WTF_CSRF_ENABLED=True,
    )
    yield app
    with app.app_context():
        db.engine.dispose()


class _HostClient:
    """A test client that sends every request to ``host`` through the TLS proxy."""

    def __init__(self, app, host: str) -> None:
        self.client, self.headers = app.test_client(), {**TLS, "Host": host}

    def get(self, url, headers=None, **kw):
        return self.client.get(url, headers={**self.headers, **(headers or {})}, **kw)

    def post(self, url, headers=None, **kw):
        return self.client.post(url, headers={**self.headers, **(headers or {})}, **kw)


def _responses(client):
    big = {"username": "x" * (12 * 1024 * 1024)}
    return {
        "html": client.get("/", headers=TLS),
        "form+cookie": client.get("/akun/masuk", headers=TLS),
        "redirect": client.get("/admin/", headers=TLS),
        "404": client.get("/tidak-ada", headers=TLS),
        "405": client.get("/akun/keluar", headers=TLS),
        "400-csrf": client.post("/akun/masuk", data={"username": "a"}, headers=TLS),
        "413": client.post("/akun/masuk", data=big, headers=TLS),
        "json": client.get("/healthz", headers=TLS),
        "static": client.get("/static/css/sisakat.css", headers=TLS),
    }


def test_every_response_type_carries_production_headers(hosted_app):
    client = _HostClient(hosted_app, HOST)
    responses = _responses(client)
    for kind, response in responses.items():
        h = response.headers
        assert response.status_code != 500, kind
        csp = h.get("Content-Security-Policy", "")
        assert "frame-ancestors 'none'" in csp, kind
        assert "object-src 'none'" in csp, kind
        assert "unsafe-inline" not in csp, kind
        assert h.get("X-Content-Type-Options") == "nosniff", kind
        assert h.get("Referrer-Policy") == "same-origin", kind
        assert h.get("Strict-Transport-Security", "").startswith("max-age="), kind
        response.close()
    assert [responses[k].status_code for k in ("413", "400-csrf", "405")] == [413, 400, 405]
    cookie = responses["form+cookie"].headers["Set-Cookie"]
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_no_hsts_over_plain_http_and_foreign_host_refused(hosted_app):
    plain = hosted_app.test_client().get("/", headers={"Host": HOST})
    assert plain.status_code == 200
    assert "Strict-Transport-Security" not in plain.headers
    evil = _HostClient(hosted_app, "evil.example")
    assert evil.get("/", headers=TLS).status_code == 400
