"""Shared pieces of the load test and benchmarks: a throwaway SISAKAT instance, seeding, a
Waitress subprocess on 127.0.0.1, an HTTP client that logs in through the real form, wrk.

Everything runs against 127.0.0.1 only; servers are stopped by their PID when a script ends.
"""

from __future__ import annotations

import http.client
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.measure import MANY_ADDRESSES, machine, median_of, percentile, wrk  # noqa: E402, F401

HOST = "127.0.0.1"
PASSWORD = "kata-sandi-uji-123"  # tests/factories.PASSWORD: every seeded account uses it


def refuse_other_hosts(host: str) -> None:
    """Load and benchmark traffic never leaves this machine."""
    if host != HOST:
        sys.exit(f"refusing host {host!r}: load tests run against {HOST} only")


@dataclass
class Instance:
    """A throwaway SISAKAT installation: instance folder, uploads and database."""

    folder: Path
    database_url: str
    extra_env: dict = field(default_factory=dict)

    def env(self) -> dict:
        """Environment for the server subprocess (and for seeding in this process)."""
        env = dict(os.environ)
        env.update(
            SISAKAT_INSTANCE_PATH=str(self.folder / "instance"),
            SISAKAT_DATABASE_URL=self.database_url,
            SISAKAT_UPLOAD_FOLDER=str(self.folder / "uploads"),
            SISAKAT_SECRET_KEY=self.secret,
            SISAKAT_LOG_TO_STDOUT="true",
            PYTHONDONTWRITEBYTECODE="1",
        )
        env.update(self.extra_env)
        return env

    @property
    def secret(self) -> str:
        """One random key per instance."""
        if not hasattr(self, "_secret"):
            self._secret = secrets.token_urlsafe(48)
        return self._secret


@contextmanager
def instance(database_url: str | None = None, *, reset: bool = False, **extra_env):
    """A temp folder with instance/ and uploads/; SQLite inside it unless a URL is given.
    A server database is emptied (all tables dropped) only when ``reset`` is true."""
    if database_url and not database_url.startswith("sqlite") and not reset:
        sys.exit("a server database is wiped by this script: pass --reset-database to confirm")
    folder = Path(tempfile.mkdtemp(prefix="sisakat-bench-"))
    (folder / "instance").mkdir()
    (folder / "uploads").mkdir()
    url = database_url or f"sqlite:///{folder / 'instance' / 'sisakat.db'}"
    try:
        yield Instance(folder, url, {k: str(v) for k, v in extra_env.items()})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def app_context(inst: Instance):
    """An app context of ``inst`` in this process (for schema and seeding)."""
    saved = dict(os.environ)
    os.environ.update(inst.env())
    try:
        from sisakat import create_app
        from sisakat.extensions import db

        app = create_app()
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def build_schema(app) -> None:
    """Drop whatever is there and create the schema from the models (as the tests do)."""
    import sqlalchemy as sa

    from sisakat.extensions import db

    meta = sa.MetaData()
    meta.reflect(bind=db.engine)
    meta.drop_all(bind=db.engine)
    db.create_all()


@dataclass
class Server:
    """A Waitress subprocess; ``log`` collects its stdout and stderr."""

    process: subprocess.Popen
    port: int
    log: Path
    drain: subprocess.Popen | None = None  # copies the server's stdout into ``log``

    def url(self, path: str = "/") -> str:
        """Full URL on 127.0.0.1."""
        return f"http://{HOST}:{self.port}{path}"

    def rss_kb(self) -> int:
        """Current resident set size of the server process (Linux /proc)."""
        return _proc_status(self.process.pid, "VmRSS")

    def peak_rss_kb(self) -> int:
        """Peak resident set size so far (VmHWM)."""
        return _proc_status(self.process.pid, "VmHWM")

    def log_text(self) -> str:
        """Everything the server wrote."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Terminate the server (killed when it does not stop within 10 s) and its log drain."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.drain is not None:
            self.drain.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


def _proc_status(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{key} not in /proc/{pid}/status")


def start_server(
    inst: Instance | None, which: str = "sisakat", threads: int | None = None
) -> Server:
    """Start ``benchmarks.serve`` on 127.0.0.1 and wait until it answers; the caller stops it
    (``Server.stop``, or kills ``Server.process``). ``threads``: Waitress worker threads, the
    app's default (``THREADS``) unless a benchmark asks otherwise."""
    if threads is None:
        from sisakat.config import DefaultConfig

        threads = DefaultConfig.THREADS
    folder = inst.folder if inst else Path(tempfile.mkdtemp(prefix="sisakat-hello-"))
    log = folder / f"server-{which}-{time.time_ns()}.log"
    env = inst.env() if inst else {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    # -P: no current folder first on sys.path, so PYTHONPATH decides which source tree is served
    # (the same one this process imported; lets a branch be measured before it is merged).
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH"), str(ROOT)) if p)
    cmd = [sys.executable, "-P", "-m", "benchmarks.serve", which, str(threads)]
    with log.open("w") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=out)
    server = Server(process, 0, log)
    try:
        line = process.stdout.readline().decode()
        if not line.startswith("PORT "):
            raise RuntimeError(f"server did not start: {line!r}\n{log.read_text()}")
        server.port = int(line.split()[1])
        with log.open("a") as out:  # keep draining stdout (the access log) into the log file
            server.drain = subprocess.Popen(["cat"], stdin=process.stdout, stdout=out)
        wait_ready(server.port)
    except BaseException:
        server.stop()
        raise
    return server


@contextmanager
def serve(inst: Instance | None, which: str = "sisakat", threads: int | None = None):
    """``start_server`` for the length of a ``with`` block, stopped (by PID) afterwards."""
    server = start_server(inst, which, threads)
    try:
        yield server
    finally:
        server.stop()


def wait_ready(port: int, timeout: float = 30) -> None:
    """Poll until the server answers."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        conn = http.client.HTTPConnection(HOST, port, timeout=2)
        try:
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.05)
        finally:
            conn.close()
    raise RuntimeError("server not ready")


def wrk_page(url: str, server: Server, browser: Browser | None = None, **kw) -> dict:
    """``wrk`` on one of ``server``'s pages, anonymous or as ``browser`` with the cookie it
    holds now (``Browser.settled_cookie``), with the server's CPU per request. A page that sets
    a new session cookie on every answer is reported among the run's errors."""
    cookie, resigns = "", False
    if browser is not None:
        cookie, resigns = browser.settled_cookie(urlsplit(url).path)
    run = wrk(url, cookie=cookie, pid=server.process.pid, **kw)
    if resigns:
        run["errors"].append("every answer sets a new session cookie")
    return run


class _CsrfParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.token = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") == "csrf_token":
            self.token = a.get("value") or ""


def csrf_token(html: str) -> str:
    """The first CSRF token on a page."""
    parser = _CsrfParser()
    parser.feed(html)
    return parser.token


class Browser:
    """A keep-alive HTTP client with a cookie jar, for one virtual user."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.set_cookie = False  # whether the last response set a cookie
        self.location = ""  # the last response's Location header
        self.conn = http.client.HTTPConnection(HOST, port, timeout=30)

    def request(self, method: str, path: str, body=None, headers=None) -> tuple[int, bytes]:
        """Send one request; reconnects once when the server closed the keep-alive socket."""
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
                if attempt == 2:
                    raise
        set_cookies = response.headers.get_all("Set-Cookie") or []
        self.set_cookie = bool(set_cookies)
        self.location = response.headers.get("Location", "")
        for header in set_cookies:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, data

    def close(self) -> None:
        """Close the keep-alive connection."""
        self.conn.close()

    def post_form(self, path: str, fields: dict) -> tuple[int, bytes]:
        """POST an urlencoded form."""
        body = urlencode(fields)
        return self.request(
            "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}
        )

    def login(self, username: str, password: str = PASSWORD) -> None:
        """Log in through the real form (CSRF token included) and land on the home page the
        redirect names, as a browser does (that page adds the CSRF token to the session)."""
        _, page = self.request("GET", "/akun/masuk")
        token = csrf_token(page.decode())
        fields = {"csrf_token": token, "username": username, "password": password}
        status, _ = self.post_form("/akun/masuk", fields)
        if status != 302:
            raise RuntimeError(f"login of {username} failed: {status}")
        self.request("GET", urlsplit(self.location).path or "/")

    def settled_cookie(self, path: str) -> tuple[str, bool]:
        """The Cookie header a browser holds after opening ``path`` now, and whether opening
        it once more still sets a cookie. wrk replays one Cookie header and never stores what
        the server sends back, so a stale cookie would make every measured answer re-sign the
        session (e.g. the idle-timeout stamp, refreshed once a minute), which a browser does
        not cause: take the cookie fresh before each run and report a page that re-signs."""
        self.request("GET", path)
        self.request("GET", path)
        return self.cookie_header(), self.set_cookie

    def cookie_header(self) -> str:
        """The Cookie header (for wrk)."""
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())
