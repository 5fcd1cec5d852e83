"""Page throughput against a bare Flask "hello" app under the same Waitress settings.

    python -m benchmarks.bench_pages [--rows 10000] [--runs 3] [--duration 10] [--connections 20]
                                     [--threads 4]

Seeds ``--rows`` party boards (one application each, one board also holding an issued SKT),
then runs ``wrk -t2 -c20 -d10s --latency`` against each page ``--runs`` times, interleaved with
the baseline, and prints medians as percentages of the baseline. Target (docs/BENCHMARKS.md):
the staff queue at least 15% of bare Flask with p99 under 100 ms at 20 connections.

Two floor rows measure, on the same server, what any logged-in page costs before it has content
(the probe routes of ``benchmarks.probes``, which only this benchmark's server registers): a
logged-in route answering plain text, and a logged-in empty page with the base layout. A
reference row serves the staff queue as the straightforward ORM version would write it (the
issue's "about 10%" reference page, on SISAKAT's models and layout).
``--threads`` sets Waitress's worker threads for both apps (default: the app's ``THREADS``).
"""

from __future__ import annotations

import argparse
import json

from benchmarks import common
from benchmarks.seed import seed

# (label, path, who): who logs in ("pemohon", "verifikator", None for anonymous).
# {token} is an unknown token; {letter} the token of a seeded issued letter (Berlaku), asked
# from 1,000 client addresses (measure.MANY_ADDRESSES: the page allows 60 checks per address
# in 10 minutes and counts every check in the rate-limit table).
PAGES = [
    ("floor: logged-in plain text", "/_probe/text", "verifikator"),
    ("floor: logged-in empty base layout", "/_probe/layout", "verifikator"),
    ("party dashboard", "/pemohon/", "pemohon"),
    ("staff queue", "/petugas/", "verifikator"),
    ("reference: staff queue as a plain ORM page", "/_probe/orm-queue", "verifikator"),
    ("public home", "/", None),
    ("public verification (unknown token)", "/verifikasi/{token}", None),
    ("public verification (valid token)", "/verifikasi/{letter}", None),
]


def main() -> None:
    """Seed, serve, measure, print a table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--reset-database", action="store_true")
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    results: dict[str, list[dict]] = {"bare Flask hello": []}
    # One proxy hop is trusted so that the valid-token page sees many addresses; requests
    # without X-Forwarded-For (all other pages) keep their own address.
    with common.instance(
        args.database_url, reset=args.reset_database, SISAKAT_TRUSTED_PROXY_COUNT=1
    ) as inst:
        with common.app_context(inst) as app:
            common.build_schema(app)
            seeded = seed(parties=args.rows, letters=1)
        letter = seeded.letter_tokens[0]
        script = inst.folder / "many-addresses.lua"
        script.write_text(common.MANY_ADDRESSES)
        with (
            common.serve(inst, "sisakat-probes", args.threads) as server,
            common.serve(None, "hello", args.threads) as hello,
        ):
            browsers = {}
            for who in ("pemohon", "verifikator"):
                browsers[who] = common.Browser(server.port)
                # the first board: a draft application and no SKT (seed gives the last the letter)
                browsers[who].login(getattr(seeded, who)[0])
            for _ in range(args.runs):
                kw = {"connections": args.connections, "duration": args.duration}
                base = common.wrk(hello.url("/"), pid=hello.process.pid, **kw)
                results["bare Flask hello"].append(base)
                for label, path, who in PAGES:
                    url = server.url(path.replace("{token}", "A" * 22).replace("{letter}", letter))
                    lua = str(script) if "{letter}" in path else ""
                    run = common.wrk_page(url, server, browsers.get(who), script=lua, **kw)
                    results.setdefault(label, []).append(run)
            log = server.log_text()
    report(results, seeded, args, log)


def report(results, seeded, args, log: str) -> None:
    """Median requests/s as a percentage of the baseline, median p50 and p99."""
    base = common.median_of(results["bare Flask hello"], "rps")
    base_cpu = common.median_of(results["bare Flask hello"], "cpu_ms")
    print(
        f"rows: {len(seeded.pemohon)} parties, {seeded.applications} applications,"
        f" {len(seeded.letter_tokens)} issued SKT"
    )
    print(
        f"{'page':40} {'req/s':>8} {'% base':>7} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'CPU ms':>7} {'x base':>7}"
    )
    summary = {}
    for label, runs in results.items():
        rps, p50, p99, cpu = (common.median_of(runs, k) for k in ("rps", "p50", "p99", "cpu_ms"))
        errors = sorted({e for r in runs for e in r["errors"]})
        summary[label] = {
            "rps": rps,
            "pct": 100 * rps / base,
            "p50": p50,
            "p99": p99,
            "server_cpu_ms_per_request": cpu,
            "errors": errors,
        }
        pct = 100 * rps / base
        print(
            f"{label:40} {rps:8.1f} {pct:6.1f}% {p50:7.1f} {p99:7.1f} {cpu:7.2f}"
            f" {cpu / base_cpu:7.1f} {' '.join(errors)}"
        )
    locked = log.count("database is locked")
    print(f"server log: {locked} 'database is locked', {log.count(' 500 ')} lines with ' 500 '")
    print(json.dumps({"machine": common.machine(), "args": vars(args), "results": summary}))


if __name__ == "__main__":
    main()
