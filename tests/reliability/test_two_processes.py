"""Two app processes sharing PostgreSQL (and Redis when configured) count rate-limit hits
together: no process keeps its own counters, no concurrent hit is lost.

Letter numbers allocated by two processes at once stay unique and gapless."""

from __future__ import annotations

import subprocess
import sys
import uuid

import pytest
import sqlalchemy as sa

from sisakat.config import ROOT
from sisakat.extensions import db
from tests.conftest import require_or_skip
from tests.ops.helpers import empty_server_database, fresh_app, scratch_url

pytestmark = pytest.mark.server_db
SHARED_PG = scratch_url("postgresql+psycopg://postgres@127.0.0.1:5432/x", "shared")
REDIS = "redis://127.0.0.1:6379/14"


def _processes(url: str, redis_url: str, key: str, hits: int, n: int) -> list[str]:
    args = [sys.executable, "-m", "tests.reliability.two_process_worker", url, redis_url, key]
    procs = [subprocess.Popen([*args, str(hits)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
             for _ in range(n)]  # fmt: skip
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * n
    return [o.strip().splitlines()[-1] for o in outs]


def _redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS, socket_timeout=2).ping()
    except redis.RedisError:
        require_or_skip("Redis lokal tidak tersedia (redis://127.0.0.1:6379)")


@pytest.mark.parametrize("backend", ["redis", "database"])
def test_rate_limit_counts_hold_across_two_processes(tmp_path, backend):
    empty_server_database(SHARED_PG)
    app = fresh_app(tmp_path, url=SHARED_PG)
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    if backend == "redis":
        _redis_or_skip()
    redis_url = REDIS if backend == "redis" else "-"
    key = f"login:akun:uji-{uuid.uuid4().hex}"
    _processes(SHARED_PG, redis_url, key, hits=15, n=2)  # both at once, behind each other's back
    assert _processes(SHARED_PG, redis_url, key, hits=0, n=1) == ["30"]
    engine = sa.create_engine(SHARED_PG)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT count(*) FROM rate_limit_counters")).scalar()
    engine.dispose()
    assert rows == (0 if backend == "redis" else 1)  # Redis mode keeps nothing in the database


def test_letter_numbers_hold_across_two_processes(tmp_path):
    empty_server_database(SHARED_PG)
    app = fresh_app(tmp_path, url=SHARED_PG)
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    args = [sys.executable, "-m", "tests.reliability.two_process_numbers", SHARED_PG, "50"]
    procs = [subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=180)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    serials = [int(line) for out in outs for line in out.split()]
    assert sorted(serials) == list(range(1, 101))  # no duplicate, no gap, across processes
