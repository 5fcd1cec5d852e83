"""Request-level plumbing: security headers, access log, client address for the audit trail."""

from __future__ import annotations

import logging
import re
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

from flask import Flask, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

from sisakat.services import audit

access_log = logging.getLogger("sisakat.access")

CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


# Path segments that look like secrets (verification tokens, reset links): long random strings.
TOKEN_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_-]{20,}(?=/|$)")


def loggable_path(path: str) -> str:
    """The request path with token-like segments masked (query strings are never logged)."""
    return TOKEN_SEGMENT.sub("[disamarkan]", path)


def configure_logging(app: Flask) -> None:
    """Rotating file under instance/logs on the laptop, stdout when hosted; pyHanko quiet."""
    logging.getLogger("pyhanko").setLevel(logging.WARNING)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.WARNING)
    # pypdf logs each robustness fix it applies to a non-compliant upload; we refuse or accept
    # the file ourselves, so only its errors belong in the office log.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    root = logging.getLogger("sisakat")
    root.setLevel(logging.INFO)
    if app.testing or root.handlers:
        return
    if app.config["LOG_TO_STDOUT"]:
        handler: logging.Handler = logging.StreamHandler()
    else:
        folder = Path(app.instance_path) / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / "sisakat.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def serve_options(app: Flask) -> dict:
    """Waitress settings for ``app.py``. Proxy trust is ProxyFix's alone (exact hop count), so
    Waitress must pass the ``X-Forwarded-*`` headers through when a proxy is trusted: by default
    Waitress 3 deletes them, and behind nginx every visitor would then share one address (rate
    limits, audit) and lose ``https``. With no trusted proxy Waitress keeps deleting them."""
    return {
        "host": app.config["HOST"],
        "port": app.config["PORT"],
        "threads": app.config["THREADS"],
        "max_request_body_size": app.config["MAX_CONTENT_LENGTH"] + 1024 * 1024,
        "clear_untrusted_proxy_headers": app.config["TRUSTED_PROXY_COUNT"] == 0,
        "ident": "SISAKAT",
    }


def init_app(app: Flask) -> None:
    """Install the proxy fix (exact hop count), headers and the access log."""
    hops = app.config["TRUSTED_PROXY_COUNT"]
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0)  # type: ignore[method-assign]
    configure_logging(app)

    @app.before_request
    def _start() -> None:
        g.started = time.perf_counter()
        audit.current_ip.set(request.remote_addr or "")

    @app.after_request
    def _headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if response.mimetype == "text/html":
            headers.setdefault("Cache-Control", "no-store")
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        access_log.info(
            '%s "%s %s" %s %.1fms',
            request.remote_addr,
            request.method,
            loggable_path(request.path),
            response.status_code,
            elapsed,
        )
        return response
