"""Measuring helpers: wrk runs and their parsing, percentiles, the machine description."""

from __future__ import annotations

import os
import platform
import re
import sqlite3
import statistics
import subprocess
import time
from pathlib import Path

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent


WRK_RPS = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_PCT = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)")


WRK_COUNT = re.compile(r"(\d+) requests in ")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, all its threads (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def wrk(
    url: str,
    *,
    connections: int = 20,
    duration: int = 10,
    cookie: str = "",
    script: str = "",
    pid: int | None = None,
) -> dict:
    """One ``wrk -t2 -c<n> -d<s>s --latency`` run: requests/s, p50/p99 in ms, error lines.
    ``script``: a wrk Lua script (e.g. ``MANY_ADDRESSES``). ``pid``: the server process, whose
    CPU time per answered request is then reported as ``cpu_ms`` (what the page costs the
    server, apart from the share of the 2 cores that wrk itself takes)."""
    assert url.startswith(f"http://{HOST}:"), url
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    if script:
        cmd += ["-s", script]
    before = cpu_seconds(pid) if pid else 0.0
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    spent = cpu_seconds(pid) - before if pid else float("nan")
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    pct = {int(p): float(v) * scale[u] for p, v, u in WRK_PCT.findall(out)}
    errors = [m.group(0) for m in WRK_ERRORS.finditer(out)]
    return {
        "rps": float(WRK_RPS.search(out).group(1)),
        "p50": pct[50],
        "p99": pct[99],
        "cpu_ms": 1000 * spent / max(int(WRK_COUNT.search(out).group(1)), 1),
        "errors": errors,
    }


# wrk Lua: each request comes from one of 1,000 client addresses (X-Forwarded-For, read by a
# server started with SISAKAT_TRUSTED_PROXY_COUNT=1), as QR scans from many visitors would; one
# address would hit the per-address limit of the public verification page after 60 requests.
MANY_ADDRESSES = """
local n = 0
request = function()
  n = n + 1
  local i = (n * 7919) % 1000
  wrk.headers["X-Forwarded-For"] = "10.77." .. math.floor(i / 250) .. "." .. (i % 250 + 1)
  return wrk.format(nil)
end
"""


def median_of(runs: list[dict], key: str) -> float:
    """Median of one figure over several runs."""
    return statistics.median(r[key] for r in runs)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile of a list (p in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def machine() -> dict:
    """What the figures were measured on."""
    from importlib.metadata import version

    mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    info = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": commit,
        "cpus": os.cpu_count(),
        "ram_gb": round(int(mem) / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
    for name in ("flask", "werkzeug", "sqlalchemy", "waitress", "reportlab"):
        info[name] = version(name)
    return info
