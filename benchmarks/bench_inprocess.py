"""Per-request cost inside the process (no server, no wrk): CPU time and Python calls.

    python -m benchmarks.bench_inprocess [--rows 10000] [--profile /petugas/] [--threads 4]

Seeds ``--rows`` parties, logs in through the real form with the Flask test client and measures,
for the bare Flask "hello" app and for SISAKAT pages: process CPU time per request (minimum of 7
batches, so other processes on a shared machine inflate it less than wall time) and Python
function calls per request (cProfile; exact). The probe routes of ``benchmarks.probes`` are
added to this process's app only: a logged-in route answering plain text and a logged-in empty
page with the base layout (SISAKAT's fixed cost), and the staff queue written as a
straightforward ORM page (25 ``Application`` entities with ``db.paginate``, the same layout),
for comparison with the real queue. ``--profile PATH`` prints the cProfile of that page (the top
60 functions by cumulative time, then the top 40 by own time).

``--threads N`` also runs every page from N threads at once (each its own logged-in client,
as Waitress's worker threads serve concurrent requests) and reports CPU time and context
switches per request: what a page costs a busy server compared with one request at a time.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import threading
import time

from benchmarks import common
from benchmarks.probes import add_probes
from benchmarks.seed import seed

PAGES = [
    ("probe: logged-in plain text", "/_probe/text", "verifikator"),
    ("probe: logged-in empty base layout", "/_probe/layout", "verifikator"),
    ("staff queue", "/petugas/", "verifikator"),
    ("probe: staff queue as a plain ORM page", "/_probe/orm-queue", "verifikator"),
    ("party dashboard", "/pemohon/", "pemohon"),
    ("public home", "/", None),
]


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


def measure_threads(clients: list, path: str, requests: int = 600, rounds: int = 3):
    """(CPU ms, context switches) per request for GET ``path`` asked from one thread per client
    at once (best of ``rounds``). ``getrusage`` counts every thread of the process (POSIX:
    imported here, so the rest of the script also runs on Windows)."""
    import resource

    best = (float("inf"), 0.0)
    per = requests // len(clients)
    start = threading.Barrier(len(clients) + 1)  # reusable: one pass per round

    def work(client):
        start.wait()
        for _ in range(per):
            client.get(path)

    for _ in range(rounds):
        threads = [threading.Thread(target=work, args=(c,)) for c in clients]
        for thread in threads:
            thread.start()
        before, cpu = resource.getrusage(resource.RUSAGE_SELF), time.process_time()
        start.wait()
        for thread in threads:
            thread.join()
        cpu, after = time.process_time() - cpu, resource.getrusage(resource.RUSAGE_SELF)
        switches = after.ru_nvcsw + after.ru_nivcsw - before.ru_nvcsw - before.ru_nivcsw
        n = per * len(clients)
        best = min(best, (cpu / n * 1000, switches / n))
    return best


def _logged_in(app, username: str | None):
    """A test client holding its own session of ``username`` (anonymous when None)."""
    client = app.test_client()
    if username:
        page = client.get("/akun/masuk").get_data(as_text=True)
        fields = {
            "csrf_token": common.csrf_token(page),
            "username": username,
            "password": common.PASSWORD,
        }
        assert client.post("/akun/masuk", data=fields).status_code == 302
    return client


def main() -> None:
    """Seed, log in, measure, print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--profile", default="")
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    from benchmarks.serve import hello_app

    hello_flask = hello_app(4)
    hello = hello_flask.test_client()
    with common.instance() as inst:
        with common.app_context(inst) as app:
            common.build_schema(app)
            seeded = seed(parties=args.rows)
        # Outside the app context: each request pushes its own, with its own session and
        # connection checkout, as under the server.
        logging.getLogger("sisakat.access").disabled = True  # the server logs; this measures code
        add_probes(app)
        users = {None: None, "verifikator": seeded.verifikator[0], "pemohon": seeded.pemohon[0]}
        clients = {who: _logged_in(app, name) for who, name in users.items()}
        base_ms, base_calls = measure(hello, "/")
        print(f"{'request':38} {'CPU ms':>7} {'x hello':>8} {'calls':>7}")
        print(f"{'bare Flask hello':38} {base_ms:7.2f} {1:8.1f} {base_calls:7.0f}")
        for label, path, who in PAGES:
            ms, calls = measure(clients[who], path)
            print(f"{label:38} {ms:7.2f} {ms / base_ms:8.1f} {calls:7.0f}")
        if args.threads:
            n = args.threads
            print(
                f"\n{'request':38} {'1 thread: CPU ms':>16} {'switches':>9}"
                f" {f'{n} threads: CPU ms':>18} {'switches':>9} {'x':>5}"
            )
            rows = [("bare Flask hello", "/", [hello_flask.test_client() for _ in range(n)])]
            for label, path, who in PAGES:
                rows.append((label, path, [_logged_in(app, users[who]) for _ in range(n)]))
            for label, path, many in rows:
                one = measure_threads(many[:1], path)
                busy = measure_threads(many, path)
                print(
                    f"{label:38} {one[0]:16.2f} {one[1]:9.1f} {busy[0]:18.2f} {busy[1]:9.1f}"
                    f" {busy[0] / one[0]:5.2f}"
                )
        if args.profile:
            who = next((w for _, p, w in PAGES if p == args.profile), "verifikator")
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(100):
                clients[who].get(args.profile)
            profile.disable()
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(60)
            stats.sort_stats("tottime").print_stats(40)


if __name__ == "__main__":
    main()
