"""LOAD-1: a bounded load test on 127.0.0.1 that stops by itself.

    python -m benchmarks.load.run_load [--users 50] [--duration 60]
        [--database-url URL --reset-database]

Starts SISAKAT with Waitress on 127.0.0.1 (any other host is refused), seeds one party board
per Pemohon user (every other board also holding an issued SKT) plus staff, then runs
``--users`` threads for ``--duration`` seconds, each a logged-in user (or anonymous visitor)
repeating a mix of pages: party dashboards, uploads (the requirement upload forms found on the
party's pages, open while its application is a draft), downloads of the issued SKT (links to
``.../unduh``, an audited write), the staff queue, the public home and the public verification
page, for the seeded letters' tokens (200) and for unknown tokens (404).

Verification requests carry an ``X-Forwarded-For`` of one of 1,000 addresses and the server
trusts one proxy hop, as QR scans from many visitors behind the office's reverse proxy would:
the page allows 60 checks per address (QR-1), so from one address it would measure its own 429
page. The server is stopped by its PID. Exit 1 on any 5xx, 429, connection error, unexpected
status (a download or a valid token not 200), traceback or "database is locked" in the server
log, or when no upload form or download link is found on the party's pages. Prints latency
percentiles per step.

A thread pool over ``http.client`` rather than locust: no extra dependency (locust pulls gevent
and a web UI), exact control over login with CSRF tokens, and the same code path on Windows.
"""

from __future__ import annotations

import argparse
import base64
import random
import re
import sys
import threading
import time
import uuid
from collections import defaultdict

from benchmarks import common
from benchmarks.seed import seed
from tests.fuzz.formkit import SMALL_PDF, parse_forms

LINK = re.compile(r'href="(/pemohon/[^"#?]*)"')
EXPECTED = {
    "upload": {302},
    "download": {200},
    "verification (valid token)": {200},
    "verification (unknown)": {404},
}


class Stats:
    """Latencies and statuses per step, shared by all threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.status: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.errors: list[str] = []

    def add(self, step: str, status: int, ms: float) -> None:
        """Record one request."""
        with self.lock:
            self.latency[step].append(ms)
            self.status[step][status] += 1


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, data) in files.items():
        head = (
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class VirtualUser:
    """One user's session and the steps open to it."""

    def __init__(self, port: int, role: str, username: str | None, tokens: list[str]) -> None:
        self.browser = common.Browser(port)
        self.role = role
        self.tokens = tokens  # public tokens of the seeded letters (anonymous visitors)
        if username:
            self.browser.login(username)
        self.uploads: list[tuple[str, dict, str]] = []
        self.downloads: list[str] = []
        if role == "pemohon":
            self._discover()

    def _discover(self) -> None:
        """Upload forms and download links on the party's pages (one level from the dashboard)."""
        _, page = self.browser.request("GET", "/pemohon/")
        html = page.decode()
        for path in {"/pemohon/", *LINK.findall(html)}:
            status, body = self.browser.request("GET", path)
            text = body.decode(errors="replace")
            self.downloads += [p for p in LINK.findall(text) if "unduh" in p]
            for form in parse_forms(text):
                files = [n for n, kind in form.fields.items() if kind == "file"]
                action = form.action or path
                # requirement uploads only (the profile's logo field is a form of its own)
                if status == 200 and form.method == "post" and files and "unggah" in action:
                    token = common.csrf_token(text)
                    hidden = {n: "" for n, k in form.fields.items() if k == "hidden"}
                    self.uploads.append((action, {**hidden, "csrf_token": token}, files[0]))

    def steps(self) -> list[tuple[str, str, str]]:
        """(step name, method, path) this user may repeat."""
        if self.role == "pemohon":
            steps = [("party dashboard", "GET", "/pemohon/")] * 3
            steps += [("upload", "POST", "") for _ in self.uploads[:1]]
            steps += [("download", "GET", d) for d in self.downloads[:2]]
            return steps
        if self.role == "verifikator":
            return [("staff queue", "GET", "/petugas/")]
        steps = [("public home", "GET", "/"), ("verification (unknown)", "GET", "/verifikasi/")]
        return steps + [("verification (valid token)", "GET", "/verifikasi/")] * bool(self.tokens)

    def run_step(self, step: str, method: str, path: str) -> int:
        """Send one step's request; returns the status."""
        if step == "upload":
            action, fields, name = random.choice(self.uploads)
            body, kind = _multipart(fields, {name: ("dokumen.pdf", SMALL_PDF)})
            return self.browser.request("POST", action, body, {"Content-Type": kind})[0]
        if path == "/verifikasi/":
            known = step == "verification (valid token)"
            # an unknown token is well formed (26 base32 characters), so the database is asked
            unknown = base64.b32encode(uuid.uuid4().bytes).decode().rstrip("=")
            token = random.choice(self.tokens) if known else unknown
            n = random.randrange(1000)
            visitor = {"X-Forwarded-For": f"10.0.{n // 250}.{n % 250 + 1}"}
            return self.browser.request(method, path + token, headers=visitor)[0]
        return self.browser.request(method, path)[0]


def worker(vu: VirtualUser, stats: Stats, deadline: float) -> None:
    """Repeat the user's steps until the deadline."""
    steps = vu.steps()
    while time.monotonic() < deadline:
        step = random.choice(steps)
        started = time.perf_counter()
        try:
            status = vu.run_step(*step)
        except OSError as exc:
            with stats.lock:
                stats.errors.append(f"{step[0]}: {exc!r}")
            continue
        stats.add(step[0], status, (time.perf_counter() - started) * 1000)


def _roles(users: int) -> list[str]:
    """70% party boards, 20% staff, 10% anonymous visitors."""
    return [
        "verifikator" if i % 10 in (1, 6) else "anon" if i % 10 == 9 else "pemohon"
        for i in range(users)
    ]


def main() -> int:
    """Seed, serve, load, judge."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--host", default=common.HOST)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--reset-database", action="store_true")
    args = parser.parse_args()
    common.refuse_other_hosts(args.host)
    roles = _roles(args.users)
    parties = roles.count("pemohon")
    # One trusted proxy hop: verification requests carry X-Forwarded-For (see the docstring);
    # the other steps send none and keep 127.0.0.1.
    with common.instance(
        args.database_url, reset=args.reset_database, SISAKAT_TRUSTED_PROXY_COUNT=1
    ) as inst:
        with common.app_context(inst) as app:
            common.build_schema(app)
            seeded = seed(parties=parties, staff=roles.count("verifikator"), letters=parties // 2)
        with common.serve(inst) as server:
            names = {"pemohon": iter(seeded.pemohon), "verifikator": iter(seeded.verifikator)}
            vus = [
                VirtualUser(
                    server.port, r, next(names[r]) if r in names else None, seeded.letter_tokens
                )
                for r in roles
            ]
            stats = Stats()
            deadline = time.monotonic() + args.duration
            threads = [threading.Thread(target=worker, args=(vu, stats, deadline)) for vu in vus]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            log = server.log_text()
    return report(stats, log, args, seeded, vus)


def report(stats: Stats, log: str, args, seeded, vus) -> int:
    """Print percentiles; return 1 on any error."""
    total = sum(len(v) for v in stats.latency.values())
    rate = total / args.duration
    print(f"{args.users} users, {args.duration:.0f} s, {total} requests ({rate:.0f}/s)")
    uploads, downloads = sum(len(v.uploads) for v in vus), sum(len(v.downloads) for v in vus)
    print(
        f"upload forms found: {uploads}, download links: {downloads}, "
        f"issued letters to verify: {len(seeded.letter_tokens)}"
    )
    print(f"{'step':28} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  statuses")
    failures = list(stats.errors)
    # the first board's application is a draft and the last half hold letters (seed)
    if seeded.pemohon and not uploads:
        failures.append("no requirement upload form found on the party's pages")
    if seeded.letter_tokens and not downloads:
        failures.append("no SKT download link found on the party's pages")
    for step, values in sorted(stats.latency.items()):
        codes = dict(sorted(stats.status[step].items()))
        p = [common.percentile(values, q) for q in (50, 95, 99)]
        print(f"{step:28} {len(values):7} {p[0]:8.1f} {p[1]:8.1f} {p[2]:8.1f}  {codes}")
        failures += [f"{step}: {n} x {c}" for c, n in codes.items() if c >= 500 or c == 429]
        if step in EXPECTED:
            failures += [
                f"{step}: {n} x {c} (expected {sorted(EXPECTED[step])})"
                for c, n in codes.items()
                if c not in EXPECTED[step] and c < 500 and c != 429
            ]
    if "database is locked" in log:
        failures.append(
            f"'database is locked' x {log.count('database is locked')} in the server log"
        )
    if "Traceback" in log:
        failures.append("a traceback in the server log")
    print("FAIL: " + "; ".join(failures[:20]) if failures else "OK: no 5xx, no lock errors")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
