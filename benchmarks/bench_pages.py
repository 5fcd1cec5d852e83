"""Page throughput against a bare Flask "hello" app under the same Waitress settings.

    python -m benchmarks.bench_pages [--rows 10000] [--runs 3] [--duration 10] [--connections 20]

Seeds ``--rows`` party boards (with one application each once the workflow feature exists),
then runs ``wrk -t2 -c20 -d10s --latency`` against each page ``--runs`` times, interleaved with
the baseline, and prints medians as percentages of the baseline. Target (docs/BENCHMARKS.md):
the staff queue at least 15% of bare Flask with p99 under 100 ms at 20 connections.
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
    ("party dashboard", "/pemohon/", "pemohon"),
    ("staff queue", "/petugas/", "verifikator"),
    ("public home", "/", None),
    ("public verification (unknown token)", "/verifikasi/{token}", None),
    ("public verification (valid token)", "/verifikasi/{letter}", None),
]


def _available(app, path: str) -> bool:
    adapter = app.url_map.bind("localhost")
    probe = path.replace("{token}", "x" * 22).replace("{letter}", "x" * 26)
    try:
        adapter.match(probe, method="GET")
    except Exception:  # noqa: BLE001 - NotFound/RequestRedirect: the page is not built yet
        return False
    return True


def main() -> None:
    """Seed, serve, measure, print a table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--reset-database", action="store_true")
    args = parser.parse_args()
    results: dict[str, list[dict]] = {"bare Flask hello": []}
    # One proxy hop is trusted so that the valid-token page sees many addresses; requests
    # without X-Forwarded-For (all other pages) keep their own address.
    with common.instance(
        args.database_url, reset=args.reset_database, SISAKAT_TRUSTED_PROXY_COUNT=1
    ) as inst:
        with common.app_context(inst) as app:
            common.build_schema(app)
            seeded = seed(parties=args.rows)
            letter = _issued_letter()
            pages = [p for p in PAGES if _available(app, p[1])]
            if letter is None:
                pages = [p for p in pages if "{letter}" not in p[1]]
        missing = [p[0] for p in PAGES if p not in pages]
        script = inst.folder / "many-addresses.lua"
        script.write_text(common.MANY_ADDRESSES)
        with common.serve(inst) as server, common.serve(None, "hello") as hello:
            browsers = {}
            for who in ("pemohon", "verifikator"):
                browsers[who] = common.Browser(server.port)
                browsers[who].login(getattr(seeded, who)[0])
            for _ in range(args.runs):
                kw = {"connections": args.connections, "duration": args.duration}
                base = common.wrk(hello.url("/"), pid=hello.process.pid, **kw)
                results["bare Flask hello"].append(base)
                for label, path, who in pages:
                    url = server.url(path.replace("{token}", "A" * 22).replace("{letter}", letter))
                    lua = str(script) if "{letter}" in path else ""
                    run = common.wrk_page(url, server, browsers.get(who), script=lua, **kw)
                    results.setdefault(label, []).append(run)
            log = server.log_text()
    report(results, seeded, missing, args, log)


def _issued_letter() -> str | None:
    """The public token of one issued letter (factories.issued_letter), None before letters."""
    from tests import factories

    if not hasattr(factories, "issued_letter"):
        return None
    return factories.issued_letter().token


def report(results, seeded, missing, args, log: str) -> None:
    """Median requests/s as a percentage of the baseline, median p50 and p99."""
    base = common.median_of(results["bare Flask hello"], "rps")
    base_cpu = common.median_of(results["bare Flask hello"], "cpu_ms")
    print(f"rows: {len(seeded.pemohon)} parties, {seeded.applications} applications. {seeded.note}")
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
    for label in missing:
        print(f"{label:40} not yet available")
    locked = log.count("database is locked")
    print(f"server log: {locked} 'database is locked', {log.count(' 500 ')} lines with ' 500 '")
    print(json.dumps({"machine": common.machine(), "args": vars(args), "results": summary}))


if __name__ == "__main__":
    main()
