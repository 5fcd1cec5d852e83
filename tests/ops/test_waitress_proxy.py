"""Behind one trusted proxy the app sees the visitor's address and scheme through real
Waitress (which deletes X-Forwarded-* unless told not to); with no trusted proxy a forged
header changes nothing."""

from __future__ import annotations

import http.client
import logging

import pytest

from sisakat.extensions import db
from sisakat.web import serve_options
from tests.conftest import make_app
from tests.waitress_thread import served


def _seen_by_app(app, caplog, headers: dict) -> str:
    """Serve ``app`` with the options app.py uses; return the address the access log wrote."""
    options = {**serve_options(app), "host": "127.0.0.1", "port": 0}
    with served(app, **options) as server:
        conn = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=10)
        with caplog.at_level(logging.INFO, logger="sisakat.access"):
            conn.request("GET", "/healthz", headers=headers)
            assert conn.getresponse().status == 200
        conn.close()
    line = next(r.getMessage() for r in caplog.records if "/healthz" in r.getMessage())
    return line.split(" ", 1)[0]


@pytest.mark.parametrize(("hops", "expected"), [(1, "203.0.113.9"), (0, "127.0.0.1")])
def test_client_address_through_waitress(tmp_path, template_db, caplog, hops, expected):
    app = make_app(tmp_path, template_db, TRUSTED_PROXY_COUNT=hops)
    try:
        forwarded = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
        assert _seen_by_app(app, caplog, forwarded) == expected
    finally:
        with app.app_context():
            db.engine.dispose()
