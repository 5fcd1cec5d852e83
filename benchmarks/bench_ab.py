"""Before/after on one machine in one run: two source trees served at once over copies of one
seeded database, wrk runs interleaved with the bare Flask baseline, medians of ``--runs``.

    git archive main | tar -x -C /tmp/before
    python -m benchmarks.bench_ab --before-src /tmp/before [--rows 10000] [--runs 3]
        [--drop-index-before ix_applications_status_queue]

The database is seeded with this tree's schema; ``--drop-index-before`` removes an index the
change under test adds, so "before" runs without it. SQLite only (the copies are files).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3

from benchmarks import common
from benchmarks.seed import seed

PAGES = [
    ("staff queue", "/petugas/", "verifikator"),
    ("party dashboard", "/pemohon/", "pemohon"),
    ("public home", "/", None),
]


def _copy(inst: common.Instance, name: str, extra_env: dict) -> common.Instance:
    """A copy of the seeded instance folder for one of the two trees."""
    folder = inst.folder.parent / f"{inst.folder.name}-{name}"
    shutil.copytree(inst.folder, folder)
    url = f"sqlite:///{folder / 'instance' / 'sisakat.db'}"
    return common.Instance(folder, url, extra_env)


def main() -> None:
    """Seed once, serve both trees and the baseline, measure interleaved, print medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before-src", required=True)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--drop-index-before", default="")
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {}
    with common.instance() as inst:
        with common.app_context(inst) as app:
            common.build_schema(app)
            seeded = seed(parties=args.rows)
        before = _copy(inst, "before", {"PYTHONPATH": args.before_src})
        after = _copy(inst, "after", {})
        if args.drop_index_before:
            with sqlite3.connect(before.folder / "instance" / "sisakat.db") as con:
                con.execute(f'DROP INDEX IF EXISTS "{args.drop_index_before}"')
        try:
            _measure(before, after, seeded, args, runs)
        finally:
            for copy in (before, after):
                shutil.rmtree(copy.folder, ignore_errors=True)
    base = common.median_of(runs["bare Flask hello"], "rps")
    for label, found in runs.items():
        rps = common.median_of(found, "rps")
        p50 = common.median_of(found, "p50")
        p99 = common.median_of(found, "p99")
        cpu = common.median_of(found, "cpu_ms")
        errors = " ".join(sorted({e for run in found for e in run["errors"]}))
        print(
            f"{label:28s} {rps:8.1f} req/s {100 * rps / base:5.1f}%  p50 {p50:7.1f}  p99 {p99:7.1f}"
            f"  server CPU {cpu:6.2f} ms/request  {errors}"
        )


def _measure(before, after, seeded, args, runs) -> None:
    """Interleaved wrk runs: baseline, then each page on before and after."""
    with (
        common.serve(before) as old,
        common.serve(after) as new,
        common.serve(None, "hello") as hello,
    ):
        browsers = {}
        for name, server in (("before", old), ("after", new)):
            for who in {who for _, _, who in PAGES if who}:
                browsers[name, who] = common.Browser(server.port)
                browsers[name, who].login(getattr(seeded, who)[0])
        kw = {"connections": 20, "duration": args.duration}
        for _ in range(args.runs):
            base = common.wrk(hello.url("/"), pid=hello.process.pid, **kw)
            runs.setdefault("bare Flask hello", []).append(base)
            for label, path, who in PAGES:
                for name, server in (("before", old), ("after", new)):
                    browser = browsers.get((name, who))
                    run = common.wrk_page(server.url(path), server, browser, **kw)
                    runs.setdefault(f"{label} ({name})", []).append(run)
        log = old.log_text() + new.log_text()
    print(f"server logs: {log.count('database is locked')} 'database is locked', ", end="")
    print(f"{log.count(' 500 ')} lines with ' 500 '")


if __name__ == "__main__":
    main()
