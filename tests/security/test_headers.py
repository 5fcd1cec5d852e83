"""HDR-1: security headers on every kind of response, HSTS only over TLS; templates keep to the
CSP (no inline script, no event attributes) and load nothing from other hosts (no CDN)."""

from __future__ import annotations

import pytest
from werkzeug.http import parse_options_header

from sisakat.models import Role
from tests.auth_helpers import form_login

HTTPS = "https://sisakat.kesbangpol.example.test"


def assert_security_headers(response, where: str) -> None:
    """CSP without inline script, nosniff, Referrer-Policy and framing refused."""
    csp = {
        part.split()[0]: part.split()[1:]
        for part in response.headers.get("Content-Security-Policy", "").split(";")
        if part.strip()
    }
    assert csp.get("object-src") == ["'none'"], where
    assert csp.get("base-uri") == ["'none'"], where
    assert csp.get("frame-ancestors") == ["'none'"], where
    scripts = csp.get("script-src", csp.get("default-src", []))
    assert scripts, where
    assert "'unsafe-inline'" not in scripts, where
    assert "'unsafe-eval'" not in scripts, where
    assert response.headers.get("X-Content-Type-Options") == "nosniff", where
    assert response.headers.get("Referrer-Policy") in {"same-origin", "no-referrer"}, where
    assert response.headers.get("X-Frame-Options") == "DENY", where


def _responses(app, client, make):
    """One response of every type the app produces."""
    big = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    user = make.user(Role.VERIFIKATOR)
    for _ in range(5):
        form_login(client, user.username, "salah-sekali-123", ip="10.7.0.1")
    yield "html", 200, client.get("/")
    yield "json", 200, client.get("/healthz")
    yield "404", 404, client.get("/tidak-ada")
    yield "405", 405, client.get("/akun/keluar")
    yield "413", 413, client.post("/akun/masuk", data=big, content_type="text/plain")
    yield "429", 429, form_login(client, user.username, ip="10.7.0.1")
    yield "static", 200, client.get("/static/css/sisakat.css")
    yield "redirect", 302, client.get("/pemohon/")


def test_headers_on_every_response_type(app, client, make):
    seen = set()
    for kind, status, response in _responses(app, client, make):
        assert response.status_code == status, kind
        assert_security_headers(response, kind)
        assert "Strict-Transport-Security" not in response.headers, f"{kind}: HSTS over HTTP"
        seen.add(kind)
        response.close()  # static files are streamed from an open file
    assert len(seen) == 8


@pytest.mark.parametrize("path", ["/", "/healthz", "/tidak-ada", "/pemohon/"])
def test_hsts_only_when_served_over_https(client, path):
    response = client.get(path, base_url=HTTPS)
    assert_security_headers(response, path)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Strict-Transport-Security" not in client.get(path).headers


def test_a_routes_own_header_is_kept_once_whatever_its_spelling(app):
    """The defaults never replace or repeat a header the route set, matched case-insensitively
    (a route's stricter ``referrer-policy``); ``no-store`` only on HTML."""
    from flask import Response

    from sisakat.web import add_security_headers

    page = Response("<p>x</p>", mimetype="text/html")
    page.headers["referrer-policy"] = "no-referrer"
    page.headers["cache-control"] = "private"
    add_security_headers(page, secure=True)
    assert page.headers.getlist("Referrer-Policy") == ["no-referrer"]
    assert page.headers.getlist("Cache-Control") == ["private"]
    assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert_security_headers(page, "own headers")

    data = Response("{}", mimetype="application/json")
    add_security_headers(data, secure=False)
    assert "Cache-Control" not in data.headers
    assert "Strict-Transport-Security" not in data.headers
    assert [k for k, _ in data.headers].count("Content-Security-Policy") == 1


def test_every_export_is_an_attachment_no_cache_keeps(app, make, login_as):
    """Every XLSX and CSV route of the URL map (``routing.download``, the headers of every file
    drawn for a request, ``storage.send_drawn``): an attachment named for its kind (RFC 6266,
    the exact name in ``filename*``), kept by no cache (a board's data on a shared office
    computer), with the security headers of any other answer."""
    admin = login_as(make.user(Role.SUPERADMIN))  # may open every report and export
    types = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "csv": "text/csv"}  # fmt: skip
    exports = [r.rule for r in app.url_map.iter_rules() if r.rule.rsplit(".", 1)[-1] in types]
    assert len(exports) >= 8
    for url in exports:
        response = admin.get(url)
        kind = url.rsplit(".", 1)[-1]
        assert response.status_code == 200, url
        assert response.mimetype == types[kind], url
        disposition = response.headers["Content-Disposition"]
        value, options = parse_options_header(disposition)
        assert value == "attachment", url
        assert options["filename"].endswith(f".{kind}"), url
        assert f"filename*=UTF-8''{options['filename']}" in disposition, url
        assert response.headers.getlist("Cache-Control") == ["private, no-store"], url
        assert_security_headers(response, url)
