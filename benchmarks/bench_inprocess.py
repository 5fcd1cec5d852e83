"""Per-request cost inside the process (no server, no wrk): CPU time and Python calls.

    python -m benchmarks.bench_inprocess [--rows 10000] [--profile /petugas/]

Seeds ``--rows`` parties, logs in through the real form with the Flask test client and measures,
for the bare Flask "hello" app and for SISAKAT pages: process CPU time per request (minimum of 7
batches, so other processes on a shared machine inflate it less than wall time) and Python
function calls per request (cProfile; exact). Two probe routes are added to this process's app
only, to show SISAKAT's fixed cost: a logged-in route answering plain text, and a logged-in empty
page with the base layout. ``--profile PATH`` prints the cProfile of that page (top 40).
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import time

from benchmarks import common
from benchmarks.seed import seed

PAGES = [
    ("probe: logged-in plain text", "/_probe/text", "verifikator"),
    ("probe: logged-in empty base layout", "/_probe/layout", "verifikator"),
    ("staff queue", "/petugas/", "verifikator"),
    ("party dashboard", "/pemohon/", "pemohon"),
    ("public home", "/", None),
]


def _add_probes(app) -> None:
    from flask import render_template
    from flask_login import login_required

    layout = app.jinja_env.from_string('{% extends "base.html" %}')

    @login_required
    def text():
        return "ok"

    @login_required
    def empty_layout():
        return render_template(layout)

    app.add_url_rule("/_probe/text", "probe_text", text)
    app.add_url_rule("/_probe/layout", "probe_layout", empty_layout)


def measure(client, path: str, batch: int = 60, batches: int = 7) -> tuple[float, float]:
    """(CPU ms per request, Python calls per request) for GET ``path``."""
    for _ in range(20):
        assert client.get(path).status_code == 200, path
    best = float("inf")
    for _ in range(batches):
        start = time.process_time()
        for _ in range(batch):
            client.get(path)
        best = min(best, (time.process_time() - start) / batch * 1000)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(20):
        client.get(path)
    profile.disable()
    return best, pstats.Stats(profile).total_calls / 20


def main() -> None:
    """Seed, log in, measure, print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--profile", default="")
    args = parser.parse_args()
    from benchmarks.serve import hello_app

    hello = hello_app(4).test_client()
    with common.instance() as inst:
        with common.app_context(inst) as app:
            common.build_schema(app)
            seeded = seed(parties=args.rows)
        # Outside the app context: each request pushes its own, with its own session and
        # connection checkout, as under the server.
        logging.getLogger("sisakat.access").disabled = True  # the server logs; this measures code
        _add_probes(app)
        clients = {None: app.test_client()}
        for who in ("verifikator", "pemohon"):
            client = app.test_client()
            page = client.get("/akun/masuk").get_data(as_text=True)
            fields = {
                "csrf_token": common.csrf_token(page),
                "username": getattr(seeded, who)[0],
                "password": common.PASSWORD,
            }
            assert client.post("/akun/masuk", data=fields).status_code == 302
            clients[who] = client
        base_ms, base_calls = measure(hello, "/")
        print(f"{'request':38} {'CPU ms':>7} {'x hello':>8} {'calls':>7}")
        print(f"{'bare Flask hello':38} {base_ms:7.2f} {1:8.1f} {base_calls:7.0f}")
        for label, path, who in PAGES:
            ms, calls = measure(clients[who], path)
            print(f"{label:38} {ms:7.2f} {ms / base_ms:8.1f} {calls:7.0f}")
        if args.profile:
            who = next((w for _, p, w in PAGES if p == args.profile), "verifikator")
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(100):
                clients[who].get(args.profile)
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
