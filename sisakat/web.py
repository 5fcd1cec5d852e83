"""Request-level plumbing: security headers, access log, client address for the audit trail."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import socket
import sys
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

from flask import Flask, g, request
from flask.templating import Environment
from werkzeug.middleware.proxy_fix import ProxyFix

from sisakat.services import audit

access_log = logging.getLogger("sisakat.access")


class PageEnvironment(Environment):
    """Flask's Jinja environment, giving each template its globals as a plain dict: Jinja's
    ``ChainMap`` over the environment's globals costs ~3 Python calls per global each time a
    template renders or is included, and ~6 per global at each ``{% from ... import %}`` (two
    dozen globals: ~250 calls a page). Jinja documents that the environment's globals may be
    changed only before a template is loaded, which ``create_app`` keeps (``templating``)."""

    def make_globals(self, d=None) -> dict:
        """The environment's globals overlaid with the template's own ``d``: a fresh dict,
        so a template's changes stay its own, as with Jinja's ``ChainMap``."""
        return {**self.globals, **(d or {})}


class App(Flask):
    """Flask, remembering which callables are plain functions: Flask asks ``ensure_sync`` about
    every hook, context processor and view on every request (~8 Python calls each, a dozen
    times per page), and whether a function is ``async def`` never changes. Async callables
    are still wrapped by Flask each time; the memory is bounded (a closure made per request
    would otherwise pile up)."""

    SYNC_MAX = 512
    jinja_environment = PageEnvironment

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._sync_callables: set = set()

    def ensure_sync(self, func):
        """``func`` itself when it is a plain function, else Flask's sync wrapper."""
        try:
            if func in self._sync_callables:
                return func
        except TypeError:  # an unhashable callable: asked each time, as Flask does
            return super().ensure_sync(func)
        result = super().ensure_sync(func)
        if result is func and len(self._sync_callables) < self.SYNC_MAX:
            self._sync_callables.add(func)
        return result


CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

# Every answer gets these unless its route set its own (a route's stricter Referrer-Policy, say).
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
)
HSTS = ("Strict-Transport-Security", "max-age=31536000; includeSubDomains")


def add_security_headers(response, *, secure: bool) -> None:
    """Add each of ``SECURITY_HEADERS`` (HSTS over TLS; ``no-store`` for HTML) that the response
    lacks: ``setdefault`` semantics, with the names the route set read once instead of one
    case-insensitive search per header."""
    headers = response.headers
    present = {key.lower() for key, _ in headers}
    wanted = SECURITY_HEADERS + ((HSTS,) if secure else ())
    if response.mimetype == "text/html":
        wanted += (("Cache-Control", "no-store"),)
    for key, value in wanted:
        if key.lower() not in present:
            headers.add(key, value)


# Path segments that look like secrets (verification tokens, reset links): long random strings.
TOKEN_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_-]{20,}(?=/|$)")


def loggable_path(path: str) -> str:
    """The request path with token-like segments masked (query strings are never logged)."""
    return TOKEN_SEGMENT.sub("[disamarkan]", path)


# Characters that could forge or hide log lines: C0/C1 controls (newline, carriage return, NUL,
# escape), zero-width characters and bidi overrides. A client can put them in a path (%0a).
_LOG_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


class LogFormatter(logging.Formatter):
    """One record, one line: unsafe characters in the message are written as escapes
    (``\\x0a``), so a request path cannot start a forged log line. Tracebacks, which the
    app writes itself, keep their line breaks."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        record.message = _LOG_UNSAFE.sub(
            lambda m: (
                f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
            ),
            record.message,
        )
        return super().formatMessage(record)


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
    handler.setFormatter(LogFormatter(LOG_FORMAT))
    root.addHandler(handler)
    # Waitress's warnings ("Task queue depth is 2" on every burst of requests) would otherwise
    # reach the console through logging's last resort: into the same log as ours instead.
    waitress = logging.getLogger("waitress")
    waitress.addHandler(handler)
    waitress.setLevel(logging.INFO)
    waitress.propagate = False


# How far above MAX_CONTENT_LENGTH Waitress still takes a request body in. Flask refuses such a
# body with the Indonesian 413 page naming the cap (what a form sent without JavaScript, whose
# size check is in the page script, gets for a big scan); over the ceiling, Waitress answers
# itself from the headers, in English, and closes the connection (the browser often shows a
# reset). Memory stays bounded: Waitress keeps at most INBUF_OVERFLOW of a body in memory and
# spools the rest to an unlinked temporary file (TMPDIR) until the request is answered. The
# price is disk and bandwidth: each open upload may hold up to the ceiling (61 MB with the
# default 10 MB cap) in the temp folder, at most one per connection (Waitress's
# connection_limit, 100). docs/OPERATIONS.md ("Uploads over the cap") says the same.
OVERSIZE_MARGIN = 50 * 1024 * 1024
INBUF_OVERFLOW = 512 * 1024  # Waitress's default, pinned: the in-memory part of one body


def serve_options(app: Flask) -> dict:
    """Waitress settings for ``app.py``. Proxy trust is ProxyFix's alone (exact hop count), so
    Waitress must pass the ``X-Forwarded-*`` headers through when a proxy is trusted: by default
    Waitress 3 deletes them, and behind nginx every visitor would then share one address (rate
    limits, audit) and lose ``https``. With no trusted proxy Waitress keeps deleting them.
    Bodies up to ``OVERSIZE_MARGIN`` over the cap reach Flask, which answers our 413 page."""
    return {
        "host": app.config["HOST"],
        "port": app.config["PORT"],
        "threads": app.config["THREADS"],
        "max_request_body_size": app.config["MAX_CONTENT_LENGTH"] + OVERSIZE_MARGIN,
        "inbuf_overflow": INBUF_OVERFLOW,
        "clear_untrusted_proxy_headers": app.config["TRUSTED_PROXY_COUNT"] == 0,
        "ident": "SISAKAT",
    }


# "Address already in use": POSIX errno, and Winsock's code on Windows.
_ADDRESS_IN_USE = {errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", 10048)}
_ALL_INTERFACES = {"", "0.0.0.0", "::"}  # noqa: S104 - names, not a bind


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses on the office network (no packet is sent; none offline)."""
    found: list[str] = []
    # Connecting a UDP socket only picks the outgoing interface: nothing leaves the machine.
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.254.254.254", 9))
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):  # every interface's address (Windows lists them all)
        found.extend(socket.gethostbyname_ex(socket.gethostname())[2])
    return [a for a in dict.fromkeys(found) if not a.startswith(("127.", "0."))]


def urls_to_open(host: str, port: int, lan: list[str] | None = None) -> list[str]:
    """Where people open the app: on this machine and, when it listens on every interface,
    from other devices on the office network."""
    if host not in _ALL_INTERFACES:
        return [f"http://{host}:{port}/"]
    others = lan_addresses() if lan is None else lan
    return [f"http://127.0.0.1:{port}/"] + [f"http://{a}:{port}/" for a in others]


def taken_port_message(port: int, *, os_name: str = os.name) -> str:
    """What to do when ``port`` is taken, typed as the laptop's shell takes it: Windows' Command
    Prompt knows no ``NAME=value command``."""
    if os_name == "nt":
        other = "ketik set SISAKAT_PORT=8081 lalu scripts\\run.bat di Command Prompt"
    else:
        other = "mis. SISAKAT_PORT=8081 scripts/run.sh"
    return (
        f"Port {port} sudah dipakai program lain; mungkin SISAKAT sudah berjalan "
        f"(coba buka http://127.0.0.1:{port}/). Hentikan program itu, atau jalankan "
        f"SISAKAT pada port lain dengan SISAKAT_PORT ({other})."
    )


def run_server(app: Flask) -> int:
    """Serve ``app`` with Waitress until stopped; an exit code. A port that is taken (SISAKAT
    already running, say) is told in plain Indonesian instead of a traceback."""
    from waitress import create_server

    options = serve_options(app)
    port = options["port"]
    try:
        server = create_server(app, **options)
    except OSError as exc:
        if exc.errno in _ADDRESS_IN_USE:
            print(taken_port_message(port), file=sys.stderr)
        else:
            print(
                f"SISAKAT tidak dapat membuka port {port}: {exc.strerror or exc}", file=sys.stderr
            )
        return 1
    urls = urls_to_open(options["host"], server.effective_port)
    print("SISAKAT berjalan. Buka di peramban:")
    for number, url in enumerate(urls):
        label = "di komputer ini:" if number == 0 else "dari perangkat lain (LAN):"
        print(f"  {label:27}{url}")
    print("Tekan Ctrl+C untuk berhenti.", flush=True)
    server.run()
    return 0


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
        req = request._get_current_object()  # read four times below: one proxy lookup
        add_security_headers(response, secure=req.is_secure)
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        access_log.info(
            '%s "%s %s" %s %.1fms',
            req.remote_addr,
            req.method,
            loggable_path(req.path),
            response.status_code,
            elapsed,
        )
        return response
