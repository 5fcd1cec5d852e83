"""Cold start: from process start to the first 200, SISAKAT against the bare Flask app.

    python -m benchmarks.bench_coldstart [--runs 5]

Each run starts a fresh Python process serving with Waitress on 127.0.0.1 (an existing, empty
database for SISAKAT) and polls ``/`` until it answers 200. Median of ``--runs``.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import time

from benchmarks import common


def first_200(inst, which: str) -> float:
    """Seconds from Popen to the first 200 on ``/``."""
    start = time.perf_counter()
    with common.serve(inst, which) as server:
        while True:
            try:
                conn = http.client.HTTPConnection(common.HOST, server.port, timeout=5)
                conn.request("GET", "/")
                if conn.getresponse().status == 200:
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.005)


def main() -> None:
    """Print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with common.instance() as inst:
        with common.app_context(inst) as app:
            common.build_schema(app)
        hello = [first_200(None, "hello") for _ in range(args.runs)]
        ours = [first_200(inst, "sisakat") for _ in range(args.runs)]
    h, s = statistics.median(hello), statistics.median(ours)
    ratio = 100 * s / h
    print(f"bare Flask hello: {h * 1000:.0f} ms; SISAKAT: {s * 1000:.0f} ms ({ratio:.0f}% of base)")
    print(common.machine())


if __name__ == "__main__":
    main()
