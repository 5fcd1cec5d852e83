"""The benchmark scripts still run, at toy size: they are not part of the app, so nothing else
notices when a change breaks one (``bench_upload`` once stayed broken for a day). Figures are
not checked (QUALITY.md: no timed assertions), only that each script measured every row it
names. Run once, on the SQLite pass: the scripts make their own SQLite instance anyway."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from tests.conftest import SERVER_URL, require_or_skip
from tests.ops.helpers import run_python

pytestmark = pytest.mark.skipif(
    bool(SERVER_URL), reason="the scripts use their own SQLite instance: once per run is enough"
)


def _run(*args: str) -> str:
    # The scripts set up their own instance; the suite's SISAKAT_* settings must not leak in.
    env = {k: v for k, v in os.environ.items() if not k.startswith("SISAKAT_")}
    return run_python(["-m", *args], env)


def _row(output: str, label: str) -> str:
    rows = [line for line in output.splitlines() if line.startswith(label)]
    assert rows, f"no row {label!r} in:\n{output}"
    return rows[0]


def test_query_count_benchmark_measures_every_page_and_finds_them_constant():
    out = _run("benchmarks.bench_queries", "--rows", "3")
    pages = ("party dashboard", "staff queue", "user list (admin)", "public home")
    for label in (*pages, "public verification"):
        assert re.search(r"\s\d+\s+\d+\s+constant$", _row(out, label)), _row(out, label)


def test_pdf_benchmark_renders_the_letter_and_the_baseline():
    out = _run("benchmarks.bench_pdf", "--runs", "1")
    assert re.search(r"\s[\d.]+\s+[\d.]+\s+1\.00$", _row(out, "baseline platypus letter"))
    assert re.search(r"\s[\d.]+\s+[\d.]+\s+[\d.]+$", _row(out, "render_skt"))


def test_upload_benchmark_stores_the_file_through_the_party_form():
    out = _run("benchmarks.bench_upload", "--mb", "1")
    assert "target: party upload form /pemohon/permohonan/" in out
    assert re.search(r"answer 302 in \d+ ms; peak RSS growth [\d.]+ MB", out), out
    assert re.search(r"validation: \d+ ms \(accepted\)", out), out


def test_page_benchmark_serves_every_page_without_errors_or_cookie_rewrites():
    """Every row of ``bench_pages`` answered through Waitress and wrk: a renamed page (404), a
    page that fails (5xx) or a logged-in page that re-sends its session cookie on every answer
    (a write per request) shows up as an error next to its figures."""
    if shutil.which("wrk") is None:
        require_or_skip("wrk is not installed (apt-get install wrk)")
    out = _run(
        "benchmarks.bench_pages",
        "--rows",
        "5",
        "--runs",
        "1",
        "--duration",
        "1",
        "--connections",
        "4",
    )
    labels = (
        "bare Flask hello",
        "floor: logged-in plain text",
        "floor: logged-in empty base layout",
        "party dashboard",
        "staff queue",
        "reference: staff queue as a plain ORM page",
        "public home",
        "public verification (valid token)",
    )
    figures = r"\s[\d.]+\s+[\d.]+%\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s*$"
    for label in labels:
        assert re.search(figures, _row(out, label)), _row(out, label)
    # The unknown token answers 404 (then 429) by design: wrk counts those as non-2xx.
    assert "Non-2xx" in _row(out, "public verification (unknown token)")
    assert "server log: 0 'database is locked', 0 lines with ' 500 '" in out
